#if canImport(Glibc)
  import Glibc
#endif

/// Signal handling for the reader. Signal handlers may only touch globals and call
/// async-signal-safe functions, hence the module-level state.
enum SignalHandlers {
  /// Installs the handlers: SIGINT, SIGTERM and SIGHUP ask the reader to stop (without
  /// SA_RESTART, so a waiting read returns at once); crashes restore the terminal modes saved
  /// now and leave the alternate screen before the process dies of the same signal.
  static func install() {
    if tcgetattr(STDIN_FILENO, &savedModes) == 0 { hasSavedModes = 1 }
    _ = resetSequence.count  // initialise the global before any handler can need it
    var stop = sigaction()
    stop.__sigaction_handler.sa_handler = { pendingStopSignal = $0 }
    sigemptyset(&stop.sa_mask)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaction(signal, &stop, nil) }
    var crash = sigaction()
    crash.__sigaction_handler.sa_handler = { signal in
      resetSequence.withUnsafeBufferPointer { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if hasSavedModes != 0 { tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
      Glibc.signal(signal, SIG_DFL)
      raise(signal)
    }
    sigemptyset(&crash.sa_mask)
    for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
      sigaction(signal, &crash, nil)
    }
  }

  /// Ignores SIGINT and SIGQUIT while another program owns the terminal.
  static func ignoreStopSignals() {
    signal(SIGINT, SIG_IGN)
    signal(SIGQUIT, SIG_IGN)
  }

  /// The stop signal received since the last call, or nil.
  static func takeStopSignal() -> Int32? {
    let received = pendingStopSignal
    pendingStopSignal = 0
    return received == 0 ? nil : received
  }
}

nonisolated(unsafe) private var pendingStopSignal: Int32 = 0
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var hasSavedModes: Int32 = 0
/// Leaves mouse reporting and the alternate screen, shows the cursor, resets attributes.
private let resetSequence: [UInt8] = Array(
  "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n".utf8)
