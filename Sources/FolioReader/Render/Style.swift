/// A terminal colour, before it is fitted to what the terminal can show.
public enum Color: Hashable, Sendable {
  /// The terminal's own foreground or background.
  case `default`
  /// One of the 16 named colours: 0-7 normal, 8-15 bright.
  case ansi(Int)
  /// An entry of the 256-colour palette.
  case indexed(Int)
  /// A 24-bit colour.
  case rgb(UInt8, UInt8, UInt8)

  public static let black = Color.ansi(0)
  public static let red = Color.ansi(1)
  public static let green = Color.ansi(2)
  public static let yellow = Color.ansi(3)
  public static let blue = Color.ansi(4)
  public static let magenta = Color.ansi(5)
  public static let cyan = Color.ansi(6)
  public static let white = Color.ansi(7)
  public static let brightBlack = Color.ansi(8)
}

/// Text attributes.
public struct Attributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = Attributes(rawValue: 1 << 0)
  public static let dim = Attributes(rawValue: 1 << 1)
  public static let italic = Attributes(rawValue: 1 << 2)
  public static let underline = Attributes(rawValue: 1 << 3)
  public static let reverse = Attributes(rawValue: 1 << 4)
}

/// How a cell is drawn: colours and attributes.
public struct Style: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  public init(
    foreground: Color = .default, background: Color = .default, attributes: Attributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The terminal's default look.
  public static let plain = Style()

  /// This style with `other`'s non-default colours and its attributes added: for marks drawn
  /// on a highlighted row, and search matches.
  public func overlaid(with other: Style) -> Style {
    Style(
      foreground: other.foreground == .default ? foreground : other.foreground,
      background: other.background == .default ? background : other.background,
      attributes: attributes.union(other.attributes))
  }

  /// This style as NO_COLOR wants it: no colours, and of the attributes only bold, reverse and
  /// underline, which every terminal renders.
  public var monochrome: Style {
    Style(attributes: attributes.intersection([.bold, .reverse, .underline]))
  }
}

extension Style: CustomStringConvertible {
  /// `plain`, or e.g. `fg=yellow bg=blue bold reverse`, for snapshots.
  public var description: String {
    var parts: [String] = []
    if foreground != .default { parts.append("fg=\(foreground.name)") }
    if background != .default { parts.append("bg=\(background.name)") }
    let names: [(Attributes, String)] = [
      (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"),
      (.reverse, "reverse"),
    ]
    parts += names.filter { attributes.contains($0.0) }.map(\.1)
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }
}

extension Color {
  static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
    "bright-magenta", "bright-cyan", "bright-white",
  ]

  /// `default`, a colour name, a palette index, or `#rrggbb`.
  public var name: String {
    switch self {
    case .default: return "default"
    case .ansi(let index):
      return Self.ansiNames.indices.contains(index) ? Self.ansiNames[index] : "\(index)"
    case .indexed(let index): return "\(index)"
    case .rgb(let r, let g, let b):
      return "#"
        + [r, g, b].map {
          let hex = String($0, radix: 16)
          return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
  }
}
