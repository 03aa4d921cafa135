import FolioReader
import Foundation

/// Opening links in the user's browser: from an argument vector, never through a shell, so
/// nothing in a feed's URL is read as shell syntax.
public enum Browser {
  /// The argument vector that opens `url`: `$BROWSER` (its first `:`-separated entry, with
  /// `%s` replaced by the URL, else the URL appended), or `xdg-open`.
  public static func command(
    for url: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    guard let value = environment["BROWSER"], !value.isEmpty,
      let first = value.split(separator: ":").first
    else { return ["xdg-open", url] }
    let parts = first.split(separator: " ").map(String.init)
    if parts.contains(where: { $0.contains("%s") }) {
      return parts.map { $0.replacingOccurrences(of: "%s", with: url) }
    }
    return parts + [url]
  }

  /// Opens `url`, an http(s) link (anything else is refused), without waiting for the browser.
  public static func open(_ url: String) throws(ChildProcess.Failure) {
    guard WebLink.isSafe(url) else {
      throw ChildProcess.Failure(message: "refusing to open \(url)")
    }
    try ChildProcess.launch(command(for: url))
  }
}
