import FolioCore

/// The command palette: a line for the typed text over the matching actions, each with its
/// name, what it does and its keys; the selected one is highlighted. The box keeps its size
/// while the text narrows the list.
enum PaletteOverlay {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    guard let palette = state.palette else { return }
    let theme = state.settings.theme
    let keymap = state.settings.keymap
    let all = CommandPalette(context: palette.context).entries(keymap)
    let entries = palette.entries(keymap)
    let width = min(state.size.width - 2, 76)
    // Borders and the text line take 3 rows.
    let height = min(state.size.height - 2, all.count + 3)
    let box = Rect.centered(width: width, height: height, in: state.size)
    guard box.width >= 16, box.height >= 4 else { return }
    grid.drawBox(box, fill: theme[.help], border: theme[.separator])
    let inner = box.width - 4
    grid.write(
      DisplayWidth.truncate(" Actions in \(palette.context.title) ", to: inner), x: box.x + 2,
      y: box.y, style: theme[.helpTitle])

    // The text line, with its cursor.
    let used = grid.write(
      ": " + palette.text, x: box.x + 2, y: box.y + 1, width: inner, style: theme[.helpKey])
    if used < inner {
      grid.write(
        " ", x: box.x + 2 + used, y: box.y + 1, width: 1,
        style: theme[.statusKey].overlaid(with: Style(attributes: .underline)))
    }

    let visible = box.height - 3
    guard !entries.isEmpty else {
      if visible > 0 {
        grid.write(
          DisplayWidth.truncate("no action matches", to: inner), x: box.x + 2, y: box.y + 2,
          style: theme[.listEmpty])
      }
      return
    }
    let first = min(max(0, palette.selected - visible + 1), max(0, entries.count - visible))
    // The name column goes first when the box is narrow: the help text says the same.
    let nameWidth =
      inner >= 50 ? min(18, all.map { DisplayWidth.of($0.action.rawValue) }.max() ?? 1) : 0
    for row in 0..<visible {
      let index = first + row
      guard entries.indices.contains(index) else { break }
      let entry = entries[index]
      let y = box.y + 2 + row
      let selected = index == palette.selected
      let style = selected ? theme[.listSelected] : theme[.help]
      let line = Rect(x: box.x + 1, y: y, width: box.width - 2, height: 1)
      grid.fill(line, style: style)
      let keys = HelpPage.keyText(Array(entry.keys.prefix(2)))
      let keysWidth = min(DisplayWidth.of(keys), inner / 3)
      var x = line.x + 1
      if nameWidth > 0 {
        grid.write(
          DisplayWidth.truncate(entry.action.rawValue, to: nameWidth), x: x, y: y,
          width: nameWidth, style: selected ? style : theme[.helpKey])
        x += nameWidth + 2
      }
      let room = max(0, line.maxX - 1 - keysWidth - 1 - x)
      grid.write(DisplayWidth.truncate(entry.help, to: room), x: x, y: y, width: room, style: style)
      grid.writeRightAligned(
        DisplayWidth.truncate(keys, to: keysWidth), maxX: line.maxX - 1, y: y,
        style: selected ? style : theme[.helpKey])
    }
  }
}
