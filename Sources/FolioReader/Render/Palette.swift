/// The xterm colour palette, and fitting any colour to what a terminal can show.
public enum Palette {
  /// xterm's default RGB for the 16 named colours.
  public static let ansi: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  /// Channel levels of the 6x6x6 colour cube (indexes 16-231).
  static let cubeLevels = [0, 95, 135, 175, 215, 255]

  /// The RGB of palette entry `index` (0-255).
  public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
    switch index {
    case 0..<16: return ansi[index]
    case 16..<232:
      let cube = index - 16
      return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
    default:
      let grey = 8 + 10 * (min(index, 255) - 232)
      return (grey, grey, grey)
    }
  }

  /// The 256-palette entry nearest to `(r, g, b)`: the nearer of the closest cube colour and
  /// the closest grey (16 named colours are skipped: terminals redefine them).
  public static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
    func level(_ value: Int) -> Int {
      cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) }!
    }
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
    let average = (r + g + b) / 3
    let grey = 232 + min(23, max(0, (average - 3) / 10))
    return distance(rgb(ofIndex: cube), (r, g, b)) <= distance(rgb(ofIndex: grey), (r, g, b))
      ? cube : grey
  }

  /// The basic colour (0-7) nearest to `(r, g, b)`.
  public static func nearest8(_ r: Int, _ g: Int, _ b: Int) -> Int {
    (0..<8).min { distance(ansi[$0], (r, g, b)) < distance(ansi[$1], (r, g, b)) }!
  }

  /// Squared distance, weighted for how the eye sees red, green and blue.
  static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let dr = a.0 - b.0
    let dg = a.1 - b.1
    let db = a.2 - b.2
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db
  }
}
