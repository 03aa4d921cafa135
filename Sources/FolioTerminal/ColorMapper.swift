import CNCursesW
import FolioReader

/// Turns reader styles into ncurses attributes and colour pairs for what this terminal has.
///
/// Colours the terminal lacks are approximated (RGB to the 256 palette or the 8 basic
/// colours; bright colours to bold on 8-colour terminals). Pairs come from `alloc_pair`, which
/// reuses pairs, and are cached, so a screen never runs out of them.
struct ColorMapper {
  /// How many colours the terminal has; 0 draws with attributes only (NO_COLOR, monochrome).
  let colors: Int
  private var pairs: [Int64: Int32] = [:]

  init(colors: Int) {
    self.colors = colors
  }

  /// The attributes and colour pair for `style`.
  mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32) {
    var attributes = Self.attributes(style.attributes)
    guard colors >= 8 else { return (attributes, 0) }
    let (foreground, foregroundExtra) = color(style.foreground)
    let (background, _) = color(style.background)
    attributes |= foregroundExtra
    if foreground == -1 && background == -1 { return (attributes, 0) }
    let key = Int64(foreground) << 32 | Int64(UInt32(bitPattern: background))
    if let pair = pairs[key] { return (attributes, pair) }
    let pair = alloc_pair(foreground, background)
    let usable = pair < 0 ? Int32(0) : pair
    pairs[key] = usable
    return (attributes, usable)
  }

  /// An ncurses colour number (-1 for the terminal's default) and any attribute standing in
  /// for brightness the terminal cannot show.
  func color(_ color: Color) -> (Int32, attr_t) {
    switch color {
    case .default:
      return (-1, 0)
    case .ansi(let index):
      return named(index)
    case .indexed(let index):
      if index < colors { return (Int32(index), 0) }
      if index < 16 { return named(index) }
      let (r, g, b) = Palette.rgb(ofIndex: index)
      return (Int32(Palette.nearest8(r, g, b)), 0)
    case .rgb(let r, let g, let b):
      if colors >= 256 { return (Int32(Palette.nearest256(Int(r), Int(g), Int(b))), 0) }
      return (Int32(Palette.nearest8(Int(r), Int(g), Int(b))), 0)
    }
  }

  private func named(_ index: Int) -> (Int32, attr_t) {
    if index < 8 || colors >= 16 { return (Int32(index), 0) }
    // Eight colours: bright black is the default colour dimmed, the others their base colour
    // in bold, as the Linux console renders them.
    if index == 8 { return (-1, folio_attr_dim()) }
    return (Int32(index - 8), folio_attr_bold())
  }

  static func attributes(_ attributes: Attributes) -> attr_t {
    var result = folio_attr_normal()
    if attributes.contains(.bold) { result |= folio_attr_bold() }
    if attributes.contains(.dim) { result |= folio_attr_dim() }
    if attributes.contains(.italic) { result |= folio_attr_italic() }
    if attributes.contains(.underline) { result |= folio_attr_underline() }
    if attributes.contains(.reverse) { result |= folio_attr_reverse() }
    return result
  }
}
