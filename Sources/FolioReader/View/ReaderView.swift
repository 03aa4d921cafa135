import FolioCore

/// Draws a ``ReaderState`` into a ``CellGrid`` of its size. Pure: the same state always gives
/// the same cells.
public enum ReaderView {
  public static func render(_ state: ReaderState) -> CellGrid {
    let layout = state.layout
    let theme = state.settings.theme
    var grid = CellGrid(width: layout.size.width, height: layout.size.height, style: theme.base)
    if layout.isTooSmall {
      drawTooSmall(into: &grid, theme: theme)
      return grid
    }
    HeaderView.draw(state, into: &grid)
    if state.isReading {
      ReadingView.draw(state, into: &grid)
    } else if state.mode.screen == .triage {
      TriageView.draw(state, into: &grid)
    } else {
      ListView.draw(state, into: &grid)
      drawSeparator(layout, into: &grid, theme: theme)
      DetailView.draw(state, into: &grid)
    }
    StatusView.draw(state, into: &grid)
    switch state.mode {
    case .topicPicker: TopicPickerOverlay.draw(state, into: &grid)
    case .help: HelpOverlay.draw(state, into: &grid)
    case .palette: PaletteOverlay.draw(state, into: &grid)
    // The prompts, the question and the search line are drawn by the status line.
    case .screen, .search, .exportPrompt, .confirmation, .tagPrompt, .topicNamePrompt: break
    }
    return grid
  }

  static func drawSeparator(_ layout: ReaderLayout, into grid: inout CellGrid, theme: Theme) {
    let rect = layout.separator
    let style = theme[.separator]
    if layout.isSideBySide {
      for y in rect.y..<rect.maxY { grid.write("│", x: rect.x, y: y, width: 1, style: style) }
    } else {
      grid.write(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: style)
    }
  }

  static func drawTooSmall(into grid: inout CellGrid, theme: Theme) {
    let minimum = ReaderLayout.minimumSize
    let message = "terminal too small (need \(minimum.width)x\(minimum.height))"
    let lines = TextWrapper.wrap(message, width: max(1, grid.width))
    let firstRow = max(0, (grid.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
      let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
      grid.write(line, x: x, y: firstRow + index, style: theme[.tooSmall])
    }
  }

  /// Draws a vertical scrollbar in column `x` from row `y` over `height` rows, for `total`
  /// lines of which `visible` show from `offset`. Nothing when everything fits.
  static func drawScrollbar(
    into grid: inout CellGrid, x: Int, y: Int, height: Int, total: Int, visible: Int, offset: Int,
    theme: Theme
  ) {
    guard total > visible, height > 0 else { return }
    let thumb = max(1, height * visible / total)
    let range = max(1, total - visible)
    let start = (height - thumb) * min(offset, range) / range
    for row in 0..<height {
      let isThumb = row >= start && row < start + thumb
      grid.write(
        isThumb ? "┃" : "│", x: x, y: y + row, width: 1,
        style: theme[isThumb ? .scrollbarThumb : .scrollbar])
    }
  }
}
