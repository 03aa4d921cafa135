import FolioCore

/// The only links Folio opens or copies: absolute http(s) URLs with a host and no control
/// characters. The browser gets the URL as one argument, never through a shell, so `$(...)`,
/// `;` or backticks in it are only text.
public enum WebLink {
  /// Whether `url` is an http or https URL that is safe to hand to a browser as one argument.
  public static func isSafe(_ url: String) -> Bool {
    let lowered = url.lowercased()
    guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return false }
    let rest = lowered.drop(while: { $0 != "/" }).dropFirst(2)
    guard let host = rest.split(separator: "/", maxSplits: 1).first, !host.isEmpty else {
      return false
    }
    return url.unicodeScalars.allSatisfy {
      $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)
        && !TextCleaner.isBidiControl($0)
    }
  }
}
