import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A process running on a pseudo-terminal this process holds the other end of: the real
/// `folio` binary, painting and reading keys as it would for a user.
final class PseudoTerminalProcess {
  let pid: pid_t
  private let master: Int32
  /// Everything the process wrote to the terminal so far.
  private(set) var output: [UInt8] = []

  /// Starts `arguments` on a new `columns` x `rows` terminal with `environment`.
  init(_ arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
    // posix_openpt and friends are hidden from Swift's Glibc module; these are the Linux
    // calls they make (grantpt has nothing to do with devpts).
    let unlock: UInt = 0x4004_5431  // TIOCSPTLCK
    let number: UInt = 0x8004_5430  // TIOCGPTN
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var locked: Int32 = 0
    var index: UInt32 = 0
    guard master >= 0, ioctl(master, unlock, &locked) == 0, ioctl(master, number, &index) == 0
    else { throw BenchError("cannot open a pseudo-terminal") }
    let slavePath = "/dev/pts/\(index)"
    var size = winsize(
      ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
      posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0)
    }
    posix_spawn_file_actions_addclose(&actions, master)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A session of its own, so the terminal it opens becomes its controlling terminal.
    let setSessionID: Int16 = 0x80  // POSIX_SPAWN_SETSID
    posix_spawnattr_setflags(&attributes, setSessionID)

    var cArguments = arguments.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for entry in cEnvironment { free(entry) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, arguments[0], &actions, &attributes, &cArguments, &cEnvironment)
    guard result == 0 else {
      close(master)
      throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
    }
    self.pid = pid
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }

  /// Sends `text` as typed keys.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Reads output until the process has written nothing for `quiet` seconds (or `limit`
  /// seconds pass); returns the bytes read.
  @discardableResult
  func settle(quiet: Double = 0.15, limit: Double = 30) -> Int {
    let start = Date()
    var lastOutput = Date()
    var total = 0
    while Date().timeIntervalSince(lastOutput) < quiet, Date().timeIntervalSince(start) < limit {
      let count = readAvailable(waitMilliseconds: 10)
      if count > 0 {
        total += count
        lastOutput = Date()
      } else if count < 0 {
        break
      }
    }
    return total
  }

  /// Waits (draining output, so the process never blocks on a full terminal) until the process
  /// exits; returns its exit status, or nil if it did not exit within `limit` seconds.
  func waitForExit(limit: Double = 30) -> Int32? {
    let start = Date()
    while Date().timeIntervalSince(start) < limit {
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        _ = readAvailable(waitMilliseconds: 0)
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      }
      _ = readAvailable(waitMilliseconds: 1)
    }
    return nil
  }

  /// The process's peak resident memory so far, in bytes (`VmHWM` in /proc).
  func peakResidentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if fields.count >= 2, let kib = Int(fields[1]) { return kib * 1024 }
    }
    return nil
  }

  /// Reads what is there (waiting up to `waitMilliseconds` for something); -1 once the
  /// terminal is closed.
  private func readAvailable(waitMilliseconds: Int32) -> Int {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return 0 }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    guard count > 0 else { return -1 }
    output += buffer[0..<count]
    return count
  }
}
