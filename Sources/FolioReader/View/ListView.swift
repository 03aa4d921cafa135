import FolioCore

/// The paper list: one row per paper, the selection highlighted.
enum ListView {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let rect = state.layout.list
    let theme = state.settings.theme
    guard state.counts.total > 0 else {
      drawEmpty(state, rect: rect, into: &grid, theme: theme)
      return
    }
    let showsDay = state.scope == .allDays && rect.width >= 50
    for position in state.visibleRange {
      guard let row = state.window[position] else { continue }
      let y = rect.y + position - state.top
      let isSelected = position == state.selected
      let base: Style
      if isSelected {
        base = theme[state.focus == .list ? .listSelected : .listSelectedUnfocused]
      } else {
        base = theme[row.isRead ? .listRead : .listUnread]
      }
      grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
      grid.write(row.isRead ? " " : "●", x: rect.x + 1, y: y, width: 1, style: base)
      if row.isStarred {
        grid.write("★", x: rect.x + 2, y: y, width: 1, style: base.overlaid(with: theme[.listStar]))
      }
      var titleRoom = rect.width - 5
      if showsDay {
        let day = String(row.day.description.dropFirst(5))  // MM-DD
        let dayStyle = isSelected ? base : base.overlaid(with: theme[.listDay])
        grid.writeRightAligned(day, maxX: rect.maxX - 1, y: y, style: dayStyle)
        titleRoom -= DisplayWidth.of(day) + 1
      }
      grid.write(
        DisplayWidth.truncate(row.title, to: titleRoom), x: rect.x + 4, y: y, width: titleRoom,
        style: base)
    }
  }

  static func drawEmpty(_ state: ReaderState, rect: Rect, into grid: inout CellGrid, theme: Theme) {
    let message: String
    if state.days.isEmpty {
      message = "No papers yet. Import some with: folio import FILE"
    } else {
      message = "No papers here."
    }
    for (index, line) in TextWrapper.wrap(message, width: max(1, rect.width - 2)).enumerated()
    where index < rect.height {
      grid.write(
        line, x: rect.x + 1, y: rect.y + index, width: rect.width - 2, style: theme[.listEmpty])
    }
  }
}
