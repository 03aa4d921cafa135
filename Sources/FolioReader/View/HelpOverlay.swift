import FolioCore

/// The `?` overlay: the ``HelpPage`` of the context it was opened from, in a box over the
/// screen. The page decides the content and arrangement; this only draws it.
enum HelpOverlay {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    guard let page = HelpPage(state) else { return }
    let theme = state.settings.theme
    let geometry = page.geometry(size: state.size)
    let box = geometry.box
    guard box.width >= 10, box.height >= 4 else { return }
    grid.drawBox(box, fill: theme[.help], border: theme[.separator])
    grid.write(
      DisplayWidth.truncate(" Keys in \(page.context.title) ", to: box.width - 4), x: box.x + 2,
      y: box.y, style: theme[.helpTitle])

    let entries = page.entries
    let columnWidth = (box.width - 4) / geometry.columns
    for row in 0..<geometry.visibleRows {
      let entryRow = row + state.helpScroll
      for column in 0..<geometry.columns {
        let index = column * geometry.rows + entryRow
        guard entryRow < geometry.rows, entries.indices.contains(index) else { continue }
        let entry = entries[index]
        let x = box.x + 2 + column * columnWidth
        let y = box.y + 1 + row
        let keys = DisplayWidth.truncate(entry.keys, to: geometry.keyWidth)
        grid.write(keys, x: x, y: y, width: geometry.keyWidth, style: theme[.helpKey])
        let summaryX = x + geometry.keyWidth + 1
        let room = columnWidth - geometry.keyWidth - 2
        grid.write(
          DisplayWidth.truncate(entry.help, to: room), x: summaryX, y: y, width: room,
          style: theme[.help])
      }
    }
    guard geometry.hasFooter else { return }
    drawFooter(page, geometry, state: state, into: &grid)
  }

  /// The last line: the filter (typed or kept), or what the keys do.
  private static func drawFooter(
    _ page: HelpPage, _ geometry: HelpPage.Geometry, state: ReaderState,
    into grid: inout CellGrid
  ) {
    let theme = state.settings.theme
    let box = geometry.box
    let room = box.width - 4
    let y = box.maxY - 2
    if page.isTypingFilter || !page.filter.isEmpty {
      let matches = page.entries.isEmpty ? "  no match" : ""
      let used = grid.write(
        "/" + page.filter, x: box.x + 2, y: y, width: room, style: theme[.helpKey])
      if page.isTypingFilter, used < room {
        grid.write(
          " ", x: box.x + 2 + used, y: y, width: 1,
          style: theme[.statusKey].overlaid(with: Style(attributes: .underline)))
      }
      if used + 1 < room {
        grid.write(
          DisplayWidth.truncate(matches, to: room - used - 1), x: box.x + 3 + used, y: y,
          style: theme[.listEmpty])
      }
      return
    }
    let keymap = state.settings.keymap
    let filter = keymap.keys(for: .search, in: .help).first.map { "\($0) filters · " } ?? ""
    var footer = filter + "any other key closes"
    // The scrolling hint goes first when the line is short (the status line says it too).
    if geometry.rows > geometry.visibleRows, DisplayWidth.of(footer) + 13 <= room {
      footer = "j/k scroll · " + footer
    }
    grid.write(
      DisplayWidth.truncate(footer, to: room), x: box.x + 2, y: y, style: theme[.listEmpty])
  }
}
