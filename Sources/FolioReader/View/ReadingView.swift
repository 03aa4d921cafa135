/// Full-screen reading of the selected paper.
enum ReadingView {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let layout = state.layout
    let rect = layout.reading
    guard let document = state.document(width: rect.width) else { return }
    DetailView.drawLines(
      document.lines, from: state.readingScroll, in: rect, into: &grid, theme: state.settings.theme)
    ReaderView.drawScrollbar(
      into: &grid, x: layout.size.width - 1, y: rect.y, height: rect.height,
      total: document.lines.count, visible: rect.height, offset: state.readingScroll,
      theme: state.settings.theme)
  }
}
