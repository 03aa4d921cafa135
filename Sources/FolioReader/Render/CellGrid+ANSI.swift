/// A grid as text with ANSI SGR escape sequences, for showing themes outside the reader.
extension CellGrid {
  /// Each row as text, styled with SGR sequences for a terminal of `depth`, ending in a reset.
  public func ansiText(depth: ColorDepth) -> String {
    var out = ""
    for y in 0..<height {
      var current: Style? = nil
      for cell in row(y) where !cell.isContinuation {
        let style = Palette.fit(cell.style, to: depth)
        if style != current {
          out += Self.sgr(style)
          current = style
        }
        out += cell.symbol
      }
      out += "\u{1B}[0m\n"
    }
    return out
  }

  /// The SGR sequence that sets exactly `style` (after a reset).
  static func sgr(_ style: Style) -> String {
    var codes = ["0"]
    let attributes: [(Attributes, String)] = [
      (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
    ]
    codes += attributes.filter { style.attributes.contains($0.0) }.map(\.1)
    codes += colorCodes(style.foreground, normal: 30, bright: 90, extended: 38)
    codes += colorCodes(style.background, normal: 40, bright: 100, extended: 48)
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  private static func colorCodes(_ color: Color, normal: Int, bright: Int, extended: Int)
    -> [String]
  {
    switch color {
    case .default: []
    case .ansi(let index) where index < 8: ["\(normal + index)"]
    case .ansi(let index): ["\(bright + index - 8)"]
    case .indexed(let index): ["\(extended)", "5", "\(index)"]
    case .rgb(let r, let g, let b): ["\(extended)", "2", "\(r)", "\(g)", "\(b)"]
    }
  }
}
