import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The size of the terminal standard output is connected to.
public enum TerminalSize {
  /// The number of columns to lay output out in: the terminal's width when stdout is a
  /// terminal, else `fallback`.
  public static func outputWidth(fallback: Int = 100) -> Int {
    terminalWidth() ?? fallback
  }

  /// The width a table is cut to: the terminal's, when stdout is one; else `$COLUMNS` when it
  /// is set to a number; else none (nil), so a pipe (`folio list | grep`) gets whole lines.
  public static func tableWidth(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int? {
    if let width = terminalWidth() { return width }
    if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
    return nil
  }

  /// The terminal's width, when stdout is a terminal that says.
  private static func terminalWidth() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }
}
