import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A detached tmux server of its own running one command in a window of a fixed size, for
/// driving the real `folio` the way a user's terminal would.
final class TmuxSession {
  let socket = "folio-test-\(UUID().uuidString.prefix(8))"
  let target = "main"

  /// Starts `command` (an argument vector, run without a shell) in a `width`x`height` window.
  /// `keepAfterExit` leaves the pane readable after the command exits.
  init(
    _ command: [String], environment: [String: String], width: Int = 120, height: Int = 40,
    keepAfterExit: Bool = false, testCase: XCTestCase
  ) throws {
    let socket = socket
    testCase.addTeardownBlock { TmuxSession.shutDown(socket: socket) }
    var arguments = [
      "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
      "-s", target,
    ]
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(name)=\(value)"]
    }
    arguments += command
    try run(arguments, prefixSocket: false)
    if keepAfterExit { try run(["set-option", "-t", target, "remain-on-exit", "on"]) }
  }

  /// Where tmux keeps the socket of the server `-L socket` names: `tmux-UID/socket` in
  /// $TMUX_TMPDIR, else /tmp.
  static func socketPath(_ socket: String) -> String {
    let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap {
      $0.isEmpty ? nil : $0
    }
    return "\(directory ?? "/tmp")/tmux-\(getuid())/\(socket)"
  }

  /// Ends the server on `socket` and removes the socket file, which tmux leaves behind when
  /// its server exits (one file per session the suite starts, thousands over a day's runs).
  static func shutDown(socket: String) {
    _ = try? tmux(["-L", socket, "kill-server"])
    unlink(socketPath(socket))
  }

  /// `tmux send-keys` with tmux key names (`j`, `Enter`, `C-c`).
  func send(_ keys: String...) throws {
    try run(["send-keys", "-t", target] + keys)
  }

  /// Types `text` literally, byte for byte (escape sequences included).
  func type(_ text: String) throws {
    try run(["send-keys", "-t", target, "-l", text])
  }

  /// The visible screen as text; `escapes` keeps colours and attributes as SGR sequences.
  func capture(escapes: Bool = false) throws -> String {
    try run(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []))
  }

  /// A tmux format value for the pane, e.g. `#{alternate_on}`.
  func display(_ format: String) throws -> String {
    try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Starts `command` afresh in the pane, ending whatever ran there (`respawn-pane -k`).
  func respawn(_ command: [String]) throws {
    try run(["respawn-pane", "-k", "-t", target] + command)
  }

  /// Sets a server or session option (`set-clipboard on`).
  func setOption(_ name: String, _ value: String) throws {
    try run(["set-option", "-g", name, value])
  }

  /// Copies every byte the pane's programs write to their terminal into the file at `path`
  /// (`pipe-pane -O`), from now on.
  func record(to path: String) throws {
    try run(["pipe-pane", "-O", "-t", target, "cat > '\(path)'"])
  }

  /// The bytes recorded in `path` (see ``record(to:)``) once they contain `text`; tmux writes
  /// them asynchronously.
  static func waitForRecording(
    _ path: String, containing text: String, timeout: TimeInterval = 15,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try waitUntil(timeout: timeout, file: file, line: line, "'\(text)' in \(path)") {
      bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
      return String(decoding: bytes, as: UTF8.self).contains(text)
    }
    return bytes
  }

  /// The pid of the pane's command.
  func pid() throws -> pid_t {
    pid_t(try display("#{pane_pid}")) ?? -1
  }

  /// Whether the pane's command has exited.
  func isDead() throws -> Bool {
    (try? display("#{pane_dead}")) != "0"
  }

  /// Polls the screen until `predicate` holds, failing after `timeout` seconds with the screen.
  @discardableResult
  func waitForScreen(
    timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
    _ description: String, _ predicate: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while Date() < deadline {
      screen = (try? capture()) ?? ""
      if predicate(screen) { return screen }
      usleep(20_000)
    }
    XCTFail("timed out waiting for \(description); screen:\n\(screen)", file: file, line: line)
    throw TimeoutError()
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  func waitFor(
    _ text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    try waitForScreen(timeout: timeout, file: file, line: line, "'\(text)'") { $0.contains(text) }
  }

  /// Waits for a condition on something other than the screen.
  static func waitUntil(
    timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
    _ description: String, _ condition: () throws -> Bool
  ) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try condition() { return }
      usleep(20_000)
    }
    XCTFail("timed out waiting for \(description)", file: file, line: line)
    throw TimeoutError()
  }

  struct TimeoutError: Error {}

  @discardableResult
  private func run(_ arguments: [String], prefixSocket: Bool = true) throws -> String {
    try Self.tmux(prefixSocket ? ["-L", socket] + arguments : arguments)
  }

  /// Runs `tmux arguments...` and returns its standard output.
  ///
  /// Spawned directly rather than with Foundation's Process: a command that starts the server
  /// leaves a daemon behind, which Process's exit monitoring does not cope with here.
  @discardableResult
  static func tmux(_ arguments: [String]) throws -> String {
    let startsServer = arguments.contains("new-session")
    var pipe: [Int32] = [-1, -1]
    guard Glibc.pipe(&pipe) == 0 else { throw SpawnError() }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if startsServer {
      // The daemonised server would hold a pipe open forever.
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    } else {
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
    }
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    let argv = ["tmux"] + arguments
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    // `swift test` runs tests with NO_COLOR=1; the tmux server, and every pane, would inherit it.
    let environment = ProcessInfo.processInfo.environment.filter { $0.key != "NO_COLOR" }
    var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for entry in cEnvironment { free(entry) } }
    var pid: pid_t = 0
    let result = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, &cEnvironment)
    close(pipe[1])
    defer { close(pipe[0]) }
    guard result == 0 else { throw SpawnError() }
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(pipe[0], &buffer, buffer.count)
      if count > 0 {
        output += buffer[0..<count]
      } else if count == 0 || errno != EINTR {
        break
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return String(decoding: output, as: UTF8.self)
  }

  struct SpawnError: Error {}
}
