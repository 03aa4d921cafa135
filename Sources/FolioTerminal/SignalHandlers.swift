#if canImport(Glibc)
  import Glibc
#endif

/// Signal handling for the reader. Signal handlers may only touch globals and call
/// async-signal-safe functions, hence the module-level state.
///
/// Every signal that would end the process gives the terminal back first:
/// - SIGINT, SIGTERM and SIGHUP ask the reader to stop (without SA_RESTART, so a waiting read
///   or wait returns at once). The reader must then end within ``stopGraceSeconds``, or the
///   alarm (SIGALRM) ends it, terminal restored: busy or stuck, it always ends.
/// - Every other signal whose default is to end the process (crashes, SIGQUIT, SIGUSR1,
///   SIGALRM, SIGPIPE...) restores the terminal and the saved modes, then the process dies of
///   the same signal. Signals this process was told to ignore stay ignored. Real-time signals
///   are not covered (they have no fixed numbers in Swift), nor SIGKILL and SIGSTOP.
enum SignalHandlers {
  /// How long the reader may take to end after a stop signal before it is ended regardless.
  static let stopGraceSeconds: UInt32 = 5

  /// The signals that ask the reader to stop cleanly.
  static let stopSignals = [SIGINT, SIGTERM, SIGHUP]
  /// Signals whose default action ends the process, other than the stop signals.
  static let fatalSignals = [
    SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT, SIGSYS, SIGUSR1, SIGUSR2,
    SIGALRM, SIGVTALRM, SIGPROF, SIGPIPE, SIGXCPU, SIGXFSZ, SIGPOLL, SIGPWR, SIGSTKFLT,
  ]

  /// Installs the handlers and saves the terminal modes to restore.
  static func install() {
    if tcgetattr(STDIN_FILENO, &savedModes) == 0 { hasSavedModes = 1 }
    terminalSuspended = 0
    _ = resetSequence.count  // initialise the global before any handler can need it
    var stop = sigaction()
    stop.__sigaction_handler.sa_handler = { signal in
      // The grace starts at the first signal; more (a hang-up often comes twice) keep it.
      guard pendingStopSignal == 0 else { return }
      pendingStopSignal = signal
      alarm(SignalHandlers.stopGraceSeconds)
    }
    sigemptyset(&stop.sa_mask)
    for signal in stopSignals { sigaction(signal, &stop, nil) }
    var fatal = sigaction()
    fatal.__sigaction_handler.sa_handler = { restoreAndDie($0) }
    sigemptyset(&fatal.sa_mask)
    // Decided once: an ignored signal (SIGXFSZ, `nohup`) stays ignored, every other one is
    // taken (the Swift runtime's crash reporter included, which would otherwise wait for a key
    // on the alternate screen); a later install (after an editor ran) takes the same ones.
    let signals =
      claimedSignals
      ?? fatalSignals.filter { signal in
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        let handler = current.__sigaction_handler.sa_handler
        return handler == nil || unsafeBitCast(handler, to: Int.self) != 1  // 1: SIG_IGN
      }
    claimedSignals = signals
    for signal in signals { sigaction(signal, &fatal, nil) }
  }

  /// While another program owns the terminal: SIGINT and SIGQUIT are its own (ignored here),
  /// SIGTERM and SIGHUP still stop the reader (the caller ends the program), and a fatal
  /// signal leaves the terminal's modes to that program.
  static func enterSuspension() {
    signal(SIGINT, SIG_IGN)
    signal(SIGQUIT, SIG_IGN)
    terminalSuspended = 1
  }

  /// The stop signal received since the last call, or nil.
  static func takeStopSignal() -> Int32? {
    let received = pendingStopSignal
    pendingStopSignal = 0
    return received == 0 ? nil : received
  }

  /// The stop signal received and not yet taken, or nil; leaves it pending.
  static func peekStopSignal() -> Int32? {
    pendingStopSignal == 0 ? nil : pendingStopSignal
  }

  /// Records that the terminal hung up without a signal (SIGHUP ignored, or lost): the reader
  /// stops as if it had received SIGHUP.
  static func noteHangUp() {
    guard pendingStopSignal == 0 else { return }
    pendingStopSignal = SIGHUP
    alarm(stopGraceSeconds)
  }
}

/// Gives the terminal back (unless another program owns it) and dies of `signal`.
private func restoreAndDie(_ signal: Int32) -> Never {
  if terminalSuspended == 0 {
    resetSequence.withUnsafeBufferPointer { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    if hasSavedModes != 0 { tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
  }
  Glibc.signal(signal, SIG_DFL)
  var mask = sigset_t()
  sigemptyset(&mask)
  sigaddset(&mask, signal)
  sigprocmask(SIG_UNBLOCK, &mask, nil)
  raise(signal)
  _exit(128 + signal)
}

nonisolated(unsafe) private var pendingStopSignal: Int32 = 0
nonisolated(unsafe) private var terminalSuspended: Int32 = 0
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var hasSavedModes: Int32 = 0
/// The fatal signals the first ``SignalHandlers/install()`` found not ignored.
nonisolated(unsafe) private var claimedSignals: [Int32]?
/// Leaves mouse reporting and the alternate screen, shows the cursor, resets attributes.
private let resetSequence: [UInt8] = Array(
  "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n".utf8)
