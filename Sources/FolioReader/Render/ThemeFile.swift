import Foundation

/// A theme file, parsed but not yet resolved against the theme it extends.
///
/// The format, one setting per line (`#` starts a comment line, or a comment after `# `):
/// ```
/// extends = default                 # the theme to start from (default: default)
/// foreground = #d0d4dc              # the theme's text and background colours
/// background = #1c1f26
/// list.selected = black cyan bold   # element = foreground [background] [attributes...]
/// list.star = yellow - bold         # `-` keeps the colour of the theme extended
/// ```
/// Colours: `default` (the theme's foreground/background), the 16 names, `0`-`255`,
/// `#rrggbb`. Attributes: `bold`, `dim`, `italic`, `underline`, `reverse`.
struct ThemeFile: Sendable {
  /// A colour as written: a colour, or `-` for "as in the theme extended".
  enum ColorSetting: Hashable, Sendable {
    case color(Color)
    case inherited
  }

  struct ElementSetting: Hashable, Sendable {
    var foreground: ColorSetting
    var background: ColorSetting
    var attributes: Attributes
  }

  var name: String
  var extends: String?
  var foreground: Color?
  var background: Color?
  var elements: [ThemeElement: ElementSetting] = [:]

  /// Parses `text` (from `file`, for messages); every problem is reported, none is fatal.
  static func parse(_ text: String, name: String, file: String) -> (ThemeFile, [ThemeWarning]) {
    var theme = ThemeFile(name: name)
    var warnings: [ThemeWarning] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let lineNumber = index + 1
      let line = Array(stripComment(String(rawLine)))
      func warn(_ column: Int, _ message: String) {
        warnings.append(ThemeWarning(file: file, line: lineNumber, column: column, message))
      }
      let words = Self.words(line)
      guard let first = words.first else { continue }
      guard let equals = line.firstIndex(of: "=") else {
        warn(first.column, "expected 'element = foreground [background] [attributes]'")
        continue
      }
      let key = words.filter { $0.column - 1 < equals }
      let values = words.filter { $0.column - 1 > equals }
      guard key.count == 1 else {
        warn(first.column, "expected one name before '='")
        continue
      }
      let name = key[0].text
      switch name {
      case "extends", "foreground", "background":
        guard values.count == 1 else {
          warn(
            values.dropFirst().first?.column ?? equals + 2, "expected one value after '\(name) ='")
          continue
        }
        if name == "extends" {
          theme.extends = values[0].text
        } else if let color = Self.color(values[0].text) {
          if name == "foreground" { theme.foreground = color } else { theme.background = color }
        } else {
          warn(values[0].column, "'\(values[0].text)' is not a colour (\(Self.colourHelp))")
        }
      default:
        guard let element = ThemeElement(rawValue: name) else {
          warn(key[0].column, "unknown element '\(name)'")
          continue
        }
        guard !values.isEmpty else {
          warn(equals + 2, "expected a colour after '\(name) ='")
          continue
        }
        if let setting = Self.elementSetting(values, warn: warn) {
          theme.elements[element] = setting
        }
      }
    }
    return (theme, warnings)
  }

  static let colourHelp = "default, a colour name, 0-255 or #rrggbb"

  private static func elementSetting(
    _ values: [(text: String, column: Int)], warn: (Int, String) -> Void
  ) -> ElementSetting? {
    var colors: [ColorSetting] = []
    var attributes: Attributes = []
    for value in values {
      if let attribute = attribute(value.text) {
        attributes.insert(attribute)
      } else if !attributes.isEmpty || colors.count == 2 {
        warn(
          value.column,
          "'\(value.text)' is not an attribute (bold, dim, italic, underline, reverse)")
        return nil
      } else if value.text == "-" {
        colors.append(.inherited)
      } else if let color = color(value.text) {
        colors.append(.color(color))
      } else {
        warn(value.column, "'\(value.text)' is not a colour (\(colourHelp)) or an attribute")
        return nil
      }
    }
    return ElementSetting(
      foreground: colors.first ?? .inherited,
      background: colors.count > 1 ? colors[1] : .color(.default),
      attributes: attributes)
  }

  /// `default`, a colour name, `0`-`255` or `#rrggbb`.
  static func color(_ text: String) -> Color? {
    let lowered = text.lowercased()
    if lowered == "default" { return .default }
    if let index = Color.ansiNames.firstIndex(of: lowered) { return .ansi(index) }
    if let number = Int(lowered), (0...255).contains(number) { return .indexed(number) }
    if lowered.hasPrefix("#"), lowered.count == 7,
      let value = UInt32(lowered.dropFirst(), radix: 16)
    {
      return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }
    return nil
  }

  static func attribute(_ text: String) -> Attributes? {
    switch text.lowercased() {
    case "bold": .bold
    case "dim": .dim
    case "italic": .italic
    case "underline": .underline
    case "reverse": .reverse
    default: nil
    }
  }

  /// The line without its comment: a line starting with `#`, or `# ` after a space.
  private static func stripComment(_ line: String) -> String {
    if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { return "" }
    guard
      let range = line.range(of: " # ")
        ?? (line.hasSuffix(" #") ? line.range(of: " #", options: .backwards) : nil)
    else { return line }
    return String(line[..<range.lowerBound])
  }

  /// The whitespace-separated words of `line` (its `=` apart) with their 1-based columns.
  private static func words(_ line: [Character]) -> [(text: String, column: Int)] {
    var words: [(String, Int)] = []
    var current = ""
    var start = 0
    for (index, character) in line.enumerated() {
      if character.isWhitespace || character == "=" {
        if !current.isEmpty { words.append((current, start + 1)) }
        current = ""
      } else {
        if current.isEmpty { start = index }
        current.append(character)
      }
    }
    if !current.isEmpty { words.append((current, start + 1)) }
    return words
  }
}
