import CNCursesW
import FolioReader
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why the terminal could not be used.
public struct TerminalError: Error, Sendable {
  public var message: String
}

/// The terminal, driven through ncurses: the only code in Folio that talks to it.
///
/// ``start(options:)`` takes over the terminal (alternate screen, no echo, keypad, mouse);
/// ``stop()`` gives it back, as do SIGINT, SIGTERM and SIGHUP (reported through
/// ``takeStopSignal()`` so the caller can stop cleanly; a caller that has not stopped within a
/// few seconds is ended), a terminal that hangs up, and every other signal that ends the
/// process (a signal handler restores the modes before the process dies).
public final class Terminal {
  /// How the terminal is set up.
  public struct Options: Sendable {
    /// Report mouse clicks and the wheel.
    public var mouse: Bool
    /// Use colours when the terminal has them; false draws with attributes only.
    public var color: Bool

    public init(mouse: Bool = true, color: Bool = true) {
      self.mouse = mouse
      self.color = color
    }
  }

  /// The current size in cells.
  public private(set) var size: Size
  /// The colours drawing can use.
  public var colorDepth: ColorDepth { mapper.depth }

  private let screen: OpaquePointer
  private var mapper: ColorMapper
  private var previous: CellGrid?
  private var stopped = false
  /// Reused buffer for one cell's characters: up to 5 code points and a terminating 0.
  private var characters = [wchar_t](repeating: 0, count: 6)

  private init(screen: OpaquePointer, mapper: ColorMapper, size: Size) {
    self.screen = screen
    self.mapper = mapper
    self.size = size
  }

  /// Takes over the terminal on stdin/stdout.
  public static func start(options: Options = Options()) throws(TerminalError) -> Terminal {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw TerminalError(message: "the reader needs a terminal (stdin and stdout must be a tty)")
    }
    useUTF8Locale()
    SignalHandlers.install()
    guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
      let screen = newterm(nil, output, input)
    else {
      let name = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
      throw TerminalError(message: "cannot drive this terminal (TERM=\(name))")
    }
    set_term(screen)
    cbreak()
    noecho()
    nonl()
    intrflush(folio_stdscr(), false)
    keypad(folio_stdscr(), true)
    curs_set(0)
    set_escdelay(25)
    var depth = ColorDepth.none
    if options.color && has_colors() {
      start_color()
      use_default_colors()
      depth = ColorDepth.detect(
        colors: Int(folio_colors()), environment: ProcessInfo.processInfo.environment)
    }
    if options.mouse {
      mousemask(folio_mouse_all_events(), nil)
      mouseinterval(0)
    }
    let size = Size(width: Int(folio_columns()), height: Int(folio_lines()))
    return Terminal(screen: screen, mapper: ColorMapper(depth: depth), size: size)
  }

  /// Gives the terminal back: main screen, cursor, echo, no mouse reporting.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    mousemask(0, nil)
    endwin()
    delscreen(screen)
  }

  deinit { stop() }

  /// The signal (SIGINT, SIGTERM, SIGHUP) that asked the reader to stop since the last call,
  /// or nil. A terminal that hung up counts as SIGHUP.
  public static func takeStopSignal() -> Int32? {
    SignalHandlers.takeStopSignal()
  }

  /// How long the reader may take to end after a stop signal before it is ended regardless.
  public static var stopGraceSeconds: Double { Double(SignalHandlers.stopGraceSeconds) }

  /// The stop signal received and not yet taken, or nil: for code that waits on something
  /// else (an editor) and must give up when the reader is asked to stop.
  public static func pendingStopSignal() -> Int32? {
    SignalHandlers.peekStopSignal()
  }

  /// Waits up to `milliseconds` for input; nil when none came (or a signal interrupted).
  public func read(timeout milliseconds: Int32) -> TerminalInput? {
    wtimeout(folio_stdscr(), milliseconds)
    var code: wint_t = 0
    let result = wget_wch(folio_stdscr(), &code)
    if result == KEY_CODE_YES {
      switch Int32(bitPattern: code) {
      case KEY_RESIZE:
        size = Size(width: Int(folio_columns()), height: Int(folio_lines()))
        previous = nil
        return .resize(size)
      case KEY_MOUSE:
        return KeyDecoder.mouse().map(TerminalInput.mouse)
      default:
        return KeyDecoder.functionKey(Int32(bitPattern: code)).map(TerminalInput.key)
      }
    }
    guard result == OK else {
      if Self.hungUp() { SignalHandlers.noteHangUp() }
      return nil
    }
    return KeyDecoder.character(code).map(TerminalInput.key)
  }

  /// Whether the terminal is gone (its window closed, the SSH connection dropped): reads then
  /// fail at once, and a reader that kept asking would spin.
  private static func hungUp() -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 0) == 1 else { return false }
    return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }

  /// Draws `grid`, rewriting only the rows that changed since the last paint.
  public func paint(_ grid: CellGrid) {
    let window = folio_stdscr()
    if previous?.width != grid.width || previous?.height != grid.height {
      werase(window)
      previous = nil
    }
    for y in 0..<min(grid.height, size.height) {
      if let previous, previous.row(y) == grid.row(y) { continue }
      var x = 0
      for cell in grid.row(y) {
        defer { x += 1 }
        guard !cell.isContinuation, x < size.width else { continue }
        draw(cell, x: x, y: y, window: window)
      }
    }
    wnoutrefresh(window)
    doupdate()
    previous = grid
  }

  /// Gives the terminal back while `body` runs (an editor, say), then takes it again and
  /// repaints from scratch on the next `paint`. Ctrl-C during `body` belongs to `body`;
  /// SIGTERM and SIGHUP stay pending (see ``pendingStopSignal()``), so the reader ends after.
  public func suspend<T>(_ body: () throws -> T) rethrows -> T {
    def_prog_mode()
    endwin()
    SignalHandlers.enterSuspension()
    defer {
      SignalHandlers.install()
      reset_prog_mode()
      size = Size(width: Int(folio_columns()), height: Int(folio_lines()))
      previous = nil
      clearok(folio_stdscr(), true)
    }
    return try body()
  }

  /// Writes `text` straight to the terminal, after ncurses' own output: for OSC sequences such
  /// as the clipboard's.
  public func writeRaw(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  }

  private func draw(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
    var count = 0
    for scalar in cell.symbol.unicodeScalars where count < 5 {
      characters[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    characters[count] = 0
    let (attributes, pair) = mapper.resolve(cell.style)
    var extendedPair = pair
    var character = cchar_t()
    setcchar(&character, characters, attributes, Int16(truncatingIfNeeded: pair), &extendedPair)
    mvwadd_wch(window, Int32(y), Int32(x), &character)
  }

  /// ncurses needs a UTF-8 locale to draw wide characters: the user's, or C.UTF-8 when the
  /// user's is not UTF-8 (an unset LANG in a bare SSH session or a CI tmux).
  private static func useUTF8Locale() {
    setlocale(LC_ALL, "")
    if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
    setlocale(LC_CTYPE, "C.UTF-8")
  }
}
