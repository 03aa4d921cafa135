import Foundation

/// Opening a cached PDF: `$FOLIO_PDF_VIEWER` (split at spaces, the path appended), else
/// `$BROWSER`, else `xdg-open`, from an argument vector, never through a shell.
public enum PDFViewer {
  /// The argument vector that opens the PDF at `path`.
  public static func command(
    for path: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    if let viewer = ChildProcess.command(
      fromEnvironment: "FOLIO_PDF_VIEWER", environment: environment)
    {
      return viewer + [path]
    }
    return Browser.command(for: path, environment: environment)
  }

  /// Opens the PDF at `path` without waiting for the viewer.
  public static func open(
    _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(ChildProcess.Failure) {
    try ChildProcess.launch(command(for: path, environment: environment))
  }
}
