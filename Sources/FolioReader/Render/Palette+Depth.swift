/// How many colours a terminal can show.
public enum ColorDepth: Int, Hashable, Sendable, Comparable {
  /// Attributes only (NO_COLOR, or a monochrome terminal).
  case none = 0
  case eight = 8
  case sixteen = 16
  case palette256 = 256
  /// 24-bit colour.
  case trueColor = 16_777_216

  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The depth for a terminal with `colors` colours (ncurses' COLORS) in `environment`:
  /// nothing with NO_COLOR (any value); true colour only when COLORTERM says `truecolor` or
  /// `24bit` and the terminal can take direct colours; else what `colors` allows.
  public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
    if environment["NO_COLOR"] != nil { return .none }
    let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
    if (colorTerm == "truecolor" || colorTerm == "24bit") && colors >= trueColor.rawValue {
      return .trueColor
    }
    if colors >= 256 { return .palette256 }
    if colors >= 16 { return .sixteen }
    if colors >= 8 { return .eight }
    return .none
  }
}

extension Palette {
  /// `color` as `depth` can show it, and an attribute standing in for what colour cannot
  /// (bright colours are bold on 8-colour terminals, bright black is dim).
  public static func fit(_ color: Color, to depth: ColorDepth) -> (Color, Attributes) {
    switch (color, depth) {
    case (.default, _), (_, .none): return (.default, [])
    case (_, .trueColor): return (color, [])
    case (.ansi(let index), .eight) where index >= 8:
      return index == 8 ? (.default, .dim) : (.ansi(index - 8), .bold)
    case (.ansi, _): return (color, [])
    case (.indexed(let index), .palette256): return (.indexed(index), [])
    case (.indexed(let index), _) where index < 16: return fit(.ansi(index), to: depth)
    case (.indexed(let index), _):
      let (r, g, b) = rgb(ofIndex: index)
      return (.ansi(nearest8(r, g, b)), [])
    case (.rgb(let r, let g, let b), .palette256):
      return (.indexed(nearest256(Int(r), Int(g), Int(b))), [])
    case (.rgb(let r, let g, let b), _):
      return (.ansi(nearest8(Int(r), Int(g), Int(b))), [])
    }
  }

  /// `style` as `depth` can show it. When two distinct colours collapse into one (a dim grey
  /// on a dark background both become black on 8 colours), the text takes white or black,
  /// whichever the background is not, so it stays readable.
  public static func fit(_ style: Style, to depth: ColorDepth) -> Style {
    guard depth != .none else { return style.monochrome }
    var (foreground, extra) = fit(style.foreground, to: depth)
    let (background, _) = fit(style.background, to: depth)
    if foreground == background, foreground != .default, style.foreground != style.background {
      foreground = isDark(background) ? .white : .black
    }
    return Style(
      foreground: foreground, background: background, attributes: style.attributes.union(extra))
  }

  static func isDark(_ color: Color) -> Bool {
    let (r, g, b): (Int, Int, Int)
    switch color {
    case .default: return true
    case .ansi(let index), .indexed(let index): (r, g, b) = rgb(ofIndex: index)
    case .rgb(let red, let green, let blue): (r, g, b) = (Int(red), Int(green), Int(blue))
    }
    return 299 * r + 587 * g + 114 * b < 128_000
  }
}
