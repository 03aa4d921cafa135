import Foundation

/// Where the library file lives.
public enum LibraryLocation {
  /// The library path: `explicit` (from `--db`), else `$FOLIO_DB`, else
  /// `$XDG_DATA_HOME/folio/folio.sqlite`, else `~/.local/share/folio/folio.sqlite`.
  /// A leading `~/` is expanded.
  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let explicit, !explicit.isEmpty { return expandTilde(explicit, environment: environment) }
    if let path = environment["FOLIO_DB"], !path.isEmpty {
      return expandTilde(path, environment: environment)
    }
    return dataDirectory(environment: environment) + "/folio.sqlite"
  }

  /// `$XDG_DATA_HOME/folio`, or `~/.local/share/folio`.
  public static func dataDirectory(environment: [String: String]) -> String {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/folio" }
    return home(environment) + "/.local/share/folio"
  }

  /// `path` with a leading `~` or `~/` replaced by the home directory.
  public static func expandTilde(_ path: String, environment: [String: String]) -> String {
    if path == "~" { return home(environment) }
    if path.hasPrefix("~/") { return home(environment) + path.dropFirst(1) }
    return path
  }

  /// `$HOME`, or the user's home directory.
  public static func home(_ environment: [String: String]) -> String {
    environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
  }
}
