import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The size of the terminal standard output is connected to.
enum TerminalSize {
  /// The number of columns to lay output out in: the terminal's width when stdout is a
  /// terminal, else `fallback`.
  static func outputWidth(fallback: Int = 100) -> Int {
    guard isatty(STDOUT_FILENO) == 1 else { return fallback }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return fallback
    }
    return Int(size.ws_col)
  }
}
