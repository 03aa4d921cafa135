/// Boxes drawn over the screen: the overlays (help, topic picker) share one frame.
extension CellGrid {
  /// Fills `box` with blanks in `fill` and draws its single-line frame in `border`; a box
  /// narrower or lower than 2 cells has no inside and is only filled.
  public mutating func drawBox(_ box: Rect, fill: Style, border: Style) {
    self.fill(box, style: fill)
    guard box.width >= 2, box.height >= 2 else { return }
    let horizontal = String(repeating: "─", count: box.width - 2)
    write("┌" + horizontal + "┐", x: box.x, y: box.y, style: border)
    write("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: border)
    for y in (box.y + 1)..<(box.maxY - 1) {
      write("│", x: box.x, y: y, width: 1, style: border)
      write("│", x: box.maxX - 1, y: y, width: 1, style: border)
    }
  }
}
