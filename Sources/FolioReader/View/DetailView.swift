/// The detail pane: the selected paper's document, scrolled, with a scrollbar.
enum DetailView {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let layout = state.layout
    let text = layout.detailText
    guard let document = state.document(width: text.width) else { return }
    drawLines(
      document.lines, from: state.detailScroll, in: text, into: &grid,
      theme: state.settings.theme)
    ReaderView.drawScrollbar(
      into: &grid, x: layout.detail.maxX - 1, y: layout.detail.y, height: layout.detail.height,
      total: document.lines.count, visible: text.height, offset: state.detailScroll,
      theme: state.settings.theme)
  }

  /// Draws `lines` starting at line `first` into `rect`, one line per row.
  static func drawLines(
    _ lines: [DetailDocument.Line], from first: Int, in rect: Rect, into grid: inout CellGrid,
    theme: Theme
  ) {
    for row in 0..<rect.height {
      let index = first + row
      guard lines.indices.contains(index) else { break }
      var x = rect.x
      for span in lines[index] {
        let style =
          span.isMatch
          ? theme[span.element].overlaid(with: theme[.searchMatch]) : theme[span.element]
        x += grid.write(span.text, x: x, y: rect.y + row, width: rect.maxX - x, style: style)
      }
    }
  }
}
