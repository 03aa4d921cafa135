import CNCursesW
import FolioReader

/// Turns reader styles into ncurses attributes and colour pairs for what this terminal has.
///
/// Colours are first fitted to the terminal's depth (``Palette/fit(_:to:)``: RGB to the 256
/// palette or the 8 basic colours, bright colours to bold on 8-colour terminals). Pairs come
/// from `alloc_pair`, which reuses pairs, and are cached; themes stay within 64 pairs (a test
/// checks), the Linux console's limit.
struct ColorMapper {
  let depth: ColorDepth
  private var pairs: [Int64: Int32] = [:]

  init(depth: ColorDepth) {
    self.depth = depth
  }

  /// The attributes and colour pair for `style`.
  mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32) {
    let fitted = Palette.fit(style, to: depth)
    let attributes = Self.attributes(fitted.attributes)
    guard depth != .none else { return (attributes, 0) }
    let foreground = number(fitted.foreground)
    let background = number(fitted.background)
    if foreground == -1 && background == -1 { return (attributes, 0) }
    let key = Int64(foreground) << 32 | Int64(UInt32(bitPattern: background))
    if let pair = pairs[key] { return (attributes, pair) }
    let pair = alloc_pair(foreground, background)
    let usable = pair < 0 ? Int32(0) : pair
    pairs[key] = usable
    return (attributes, usable)
  }

  /// The ncurses colour number of a fitted colour: -1 for the terminal's default; with
  /// direct colour, 0-7 are still the ANSI colours and anything else is `0xRRGGBB`.
  func number(_ color: Color) -> Int32 {
    switch color {
    case .default: return -1
    case .ansi(let index) where index < 8: return Int32(index)
    case .ansi(let index), .indexed(let index):
      guard depth == .trueColor else { return Int32(index) }
      let (r, g, b) = Palette.rgb(ofIndex: index)
      return Int32(r << 16 | g << 8 | b)
    case .rgb(let r, let g, let b):
      return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    }
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
