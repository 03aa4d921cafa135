import Foundation

/// Where exports go by default, and how their paths are written in config.toml.
public enum ExportPath {
  /// The default `export_path`.
  public static let defaultTemplate = "~/folio-starred.md"

  /// `template` with a leading `~` replaced by `home` and every `{date}` by `today`.
  public static func expand(_ template: String, home: String, today: Day) -> String {
    var path = template.replacingOccurrences(of: "{date}", with: today.description)
    if path == "~" {
      path = home
    } else if path.hasPrefix("~/") {
      path = home + path.dropFirst()
    }
    return path
  }

  /// `path` with its extension replaced by `fileExtension` (added when it has none).
  public static func with(extension fileExtension: String, _ path: String) -> String {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
      return path + "." + fileExtension
    }
    return String(path.dropLast(name.distance(from: dot, to: name.endIndex))) + "." + fileExtension
  }

  /// `path` with the home directory shown as `~`, for messages.
  public static func abbreviate(_ path: String, home: String) -> String {
    guard !home.isEmpty, path.hasPrefix(home + "/") else { return path }
    return "~" + path.dropFirst(home.count)
  }
}
