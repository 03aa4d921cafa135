import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts programs from an argument vector, never through a shell, so no text from a feed or
/// the environment is ever interpreted as shell syntax.
public enum ChildProcess {
  /// Why a program could not be started or waited for.
  public struct Failure: Error, Sendable {
    public var message: String
  }

  /// How long a program asked to end (see ``run(_:stopSignal:)``) has before it is killed.
  public static let endGraceSeconds = 2.0

  /// Runs `argv` (looked up on PATH) with this terminal, waits for it, and returns its exit
  /// status (128+signal when killed). Throws when it cannot be started.
  ///
  /// `stopSignal` is asked whenever a signal interrupts the wait; when it names one (this
  /// process was told to end), the program gets that signal too, and is killed if it has not
  /// ended ``endGraceSeconds`` later: an editor never keeps a reader that must end alive.
  public static func run(_ argv: [String], stopSignal: () -> Int32? = { nil }) throws(Failure)
    -> Int32
  {
    let pid = try spawn(argv, quiet: false)
    var status: Int32 = 0
    while true {
      if let signal = stopSignal() {
        status = end(pid, with: signal)
        break
      }
      if waitpid(pid, &status, 0) == pid { break }
      guard errno == EINTR else { throw Failure(message: "cannot wait for \(argv[0])") }
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }

  /// Sends `signal` to `pid`, waits up to ``endGraceSeconds`` for it to end, then kills it;
  /// its wait status.
  private static func end(_ pid: pid_t, with signal: Int32) -> Int32 {
    kill(pid, signal)
    var status: Int32 = 0
    let steps = Int(endGraceSeconds * 50)
    for _ in 0..<steps {
      if waitpid(pid, &status, WNOHANG) == pid { return status }
      usleep(20_000)
    }
    kill(pid, SIGKILL)
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status
  }

  /// Starts `argv` detached from the terminal (stdin, stdout and stderr on /dev/null) and does
  /// not wait: for browsers.
  public static func launch(_ argv: [String]) throws(Failure) {
    let pid = try spawn(argv, quiet: true)
    // Reap it when it exits, so no zombie lingers; a browser may outlive us.
    DispatchQueue.global().async {
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
    }
  }

  /// The command line of `variable` (`$EDITOR`, `$BROWSER`) split at spaces, the way most
  /// programs read these variables without a shell.
  public static func command(
    fromEnvironment variable: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String]? {
    guard let value = environment[variable] else { return nil }
    let parts = value.split(separator: " ").map(String.init)
    return parts.isEmpty ? nil : parts
  }

  private static func spawn(_ argv: [String], quiet: Bool) throws(Failure) -> pid_t {
    precondition(!argv.isEmpty)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if quiet {
      for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
        posix_spawn_file_actions_addopen(
          &actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
      }
    }
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    // The child starts with default signal handling, whatever this process ignores.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGPIPE, SIGXFSZ] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let result = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArguments, environ)
    guard result == 0 else {
      throw Failure(message: "cannot start '\(argv[0])': \(String(cString: strerror(result)))")
    }
    return pid
  }
}
