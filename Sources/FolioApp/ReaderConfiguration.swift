import FolioConfig
import FolioCore
import FolioQuery
import FolioReader
import Foundation

/// What the reader makes of the user's files (config.toml, topics.toml, the themes) and every
/// problem it finds in them, each as one `file:line: message`. The reader and `folio config`
/// both load through here, so `folio config` says "ok" only to files the reader takes as they
/// are.
public struct ReaderConfiguration: Sendable {
  public var config: Config
  public var configPath: String
  public var topics: TopicSet
  public var themes: ThemeCatalog
  public var theme: Theme
  public var keymap: Keymap
  public var dateFormat = DayFormat.iso
  public var warnings: [String] = []

  /// Loads everything. `themeChoice` is a theme named outside config.toml (`--theme`,
  /// `$FOLIO_THEME`); without one, config.toml's theme is checked and used.
  public static func load(
    themeChoice: String? = nil, configPath: String = Config.path()
  ) -> ReaderConfiguration {
    let (config, configWarnings) = Config.loading(path: configPath)
    let lines = Self.lines(ofFile: configPath)
    let (topics, topicWarnings) = TopicSet.loading()
    let themes = ThemeCatalog.loading()
    let (theme, themeWarnings) = themes.theme(themeChoice ?? config.theme ?? "default")
    let (keymap, keyWarnings) = Keymap.configured(
      preset: config.keyPreset, overrides: config.keyBindings.map { ($0.action, $0.keys) })
    var result = ReaderConfiguration(
      config: config, configPath: configPath, topics: topics, themes: themes, theme: theme,
      keymap: keymap)
    func place(_ line: Int?) -> String { configPath + (line.map { ":\($0)" } ?? "") }
    var warnings = configWarnings.map(\.description)
    if themeChoice == nil, config.theme != nil {
      let line = Self.line(ofKey: "theme", in: lines)
      warnings += themeWarnings.map { "\(place(line)): theme: \($0)" }
    } else {
      warnings += themeWarnings.map(\.description)
    }
    warnings += keyWarnings.map { warning in
      "\(place(Self.line(of: warning, bindings: config.keyBindings, lines: lines))): \(warning)"
    }
    if let pattern = config.dateFormat {
      if DayFormat(pattern).isValid {
        result.dateFormat = DayFormat(pattern)
      } else {
        warnings.append(
          "\(place(Self.line(ofKey: "date_format", in: lines))): date_format '\(pattern)' has an unknown % directive; using %Y-%m-%d"
        )
      }
    }
    if case .topic(let name) = config.defaultView {
      do {
        _ = try topics.resolve(name, column: 1)
      } catch {
        warnings.append(
          "\(place(Self.line(ofKey: "default_view", in: lines))): default_view: \(error.message)")
      }
    }
    result.warnings = warnings + topicWarnings.map { "\($0) (default topics in use)" }
    return result
  }

  /// The line of config.toml a key warning is about: the first `[keys]` binding it names (a
  /// conflict names the default action first, the one the file rebinds second), else the
  /// `[keys]` table itself.
  static func line(of warning: String, bindings: [Config.KeyBinding], lines: [String]) -> Int? {
    // The contexts a conflict names (" (in list, help)") are not actions to look for.
    let message = warning.components(separatedBy: " (in ").first ?? warning
    let words = Set(
      message.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(
        String.init))
    return bindings.first { words.contains($0.action) && $0.line != nil }?.line
      ?? line(ofKey: "[keys]", in: lines)
  }

  /// The 1-based line where `key` is set (`key =`, `"key" =`, `'key' =`), or where the table
  /// `key` (`[keys]`) starts.
  static func line(ofKey key: String, in lines: [String]) -> Int? {
    let spellings = key.hasPrefix("[") ? [key] : [key, "\"\(key)\"", "'\(key)'"]
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      for spelling in spellings where trimmed.hasPrefix(spelling) {
        let rest = trimmed.dropFirst(spelling.count).trimmingCharacters(in: .whitespaces)
        if key.hasPrefix("[") || rest.hasPrefix("=") { return index + 1 }
      }
    }
    return nil
  }

  static func lines(ofFile path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
  }
}
