import FolioCore

/// The `?` overlay: every binding of the keymap, in a box over the screen.
enum HelpOverlay {
  /// Where the box goes and how its entries are arranged at `size`.
  struct Geometry {
    let box: Rect
    let columns: Int
    let keyWidth: Int
    let rows: Int
    /// Whether the box has a footer line ("any other key closes"); it goes first when the
    /// entries would otherwise need scrolling (the status line says the same).
    let hasFooter: Bool
    /// Rows of entries visible at once.
    var visibleRows: Int { max(0, box.height - (hasFooter ? 3 : 2)) }
  }

  /// Bindings worth listing: an action the user unbound has no key to show.
  static func entries(_ keymap: Keymap) -> [(action: Action, keys: [KeySequence])] {
    keymap.bindings.filter { !$0.keys.isEmpty }
  }

  static func geometry(_ keymap: Keymap, size: Size) -> Geometry {
    let width = min(size.width - 2, 90)
    let inner = width - 4
    let columns = inner >= 72 ? 2 : 1
    let entries = entries(keymap)
    let keyWidth = min(14, entries.map { keyText($0.keys) }.map(DisplayWidth.of).max() ?? 1)
    let rows = (entries.count + columns - 1) / columns
    let room = size.height - 2
    let hasFooter = rows + 3 <= room || rows + 2 > room
    let height = min(room, rows + (hasFooter ? 3 : 2))
    let box = Rect(
      x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    return Geometry(
      box: box, columns: columns, keyWidth: keyWidth, rows: rows, hasFooter: hasFooter)
  }

  static func keyText(_ keys: [KeySequence]) -> String {
    keys.isEmpty ? "(none)" : keys.map(\.description).joined(separator: ", ")
  }

  /// The largest useful scroll offset.
  static func maxScroll(_ keymap: Keymap, size: Size) -> Int {
    let geometry = geometry(keymap, size: size)
    return max(0, geometry.rows - geometry.visibleRows)
  }

  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let keymap = state.settings.keymap
    let theme = state.settings.theme
    let geometry = geometry(keymap, size: state.size)
    let box = geometry.box
    guard box.width >= 10, box.height >= 4 else { return }
    grid.drawBox(box, fill: theme[.help], border: theme[.separator])
    grid.write(" Keys ", x: box.x + 2, y: box.y, style: theme[.helpTitle])

    let entries = entries(keymap)
    let columnWidth = (box.width - 4) / geometry.columns
    for row in 0..<geometry.visibleRows {
      let entryRow = row + state.helpScroll
      for column in 0..<geometry.columns {
        let index = column * geometry.rows + entryRow
        guard entryRow < geometry.rows, entries.indices.contains(index) else { continue }
        let binding = entries[index]
        let x = box.x + 2 + column * columnWidth
        let y = box.y + 1 + row
        let keys = DisplayWidth.truncate(keyText(binding.keys), to: geometry.keyWidth)
        grid.write(keys, x: x, y: y, width: geometry.keyWidth, style: theme[.helpKey])
        let summaryX = x + geometry.keyWidth + 1
        let room = columnWidth - geometry.keyWidth - 2
        grid.write(
          DisplayWidth.truncate(binding.action.summary, to: room), x: summaryX, y: y, width: room,
          style: theme[.help])
      }
    }
    guard geometry.hasFooter else { return }
    var footer = "any other key closes"
    if geometry.rows > geometry.visibleRows {
      footer = "j/k scroll · any other key closes"
    }
    grid.write(
      DisplayWidth.truncate(footer, to: box.width - 4), x: box.x + 2, y: box.maxY - 2,
      style: theme[.listEmpty])
  }
}
