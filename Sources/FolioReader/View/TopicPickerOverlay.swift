import FolioCore
import FolioStore

/// The `t` overlay: every topic with its counts in the current scope; Enter applies one.
enum TopicPickerOverlay {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    guard let picker = state.topicPicker else { return }
    let theme = state.settings.theme
    let names = picker.entries.map { $0.name ?? "All papers (no filter)" }
    let nameWidth = min(32, names.map(DisplayWidth.of).max() ?? 10)
    // Borders, margins and the gap before the counts take 6 cells.
    let width = min(state.size.width - 2, nameWidth + countsWidth + 6)
    let height = min(state.size.height - 2, picker.entries.count + 3)
    let box = Rect.centered(width: width, height: height, in: state.size)
    guard box.width >= 16, box.height >= 4 else { return }
    grid.drawBox(box, fill: theme[.help], border: theme[.separator])
    // Names win over counts: the counts shrink, then go, before a name is cut.
    let inner = box.width - 4
    let unreadWidth =
      picker.entries.map { $0.counts.map { DisplayWidth.of(NumberText.grouped($0.unread)) } ?? 1 }
      .max() ?? 1
    let counts =
      [Counts.full, .unread, .unreadNumber].first {
        nameWidth + 2 + $0.width(unreadWidth: unreadWidth) <= inner
      } ?? .none
    let title = counts == .unreadNumber ? " Topics · unread " : " Topics "
    grid.write(
      DisplayWidth.truncate(title, to: box.width - 4), x: box.x + 2, y: box.y,
      style: theme[.helpTitle])

    let visible = box.height - 3
    let first = min(max(0, picker.selected - visible + 1), max(0, picker.entries.count - visible))
    let countsWidth = counts.width(unreadWidth: unreadWidth)
    let nameRoom = counts == .none ? inner : inner - countsWidth - 1
    for row in 0..<visible {
      let index = first + row
      guard picker.entries.indices.contains(index) else { break }
      let entry = picker.entries[index]
      let y = box.y + 1 + row
      let style = index == picker.selected ? theme[.listSelected] : theme[.help]
      let line = Rect(x: box.x + 1, y: y, width: box.width - 2, height: 1)
      grid.fill(line, style: style)
      grid.write(
        DisplayWidth.truncate(names[index], to: nameRoom), x: line.x + 1, y: y, width: nameRoom,
        style: style)
      let text = counts.text(entry.counts, unreadWidth: unreadWidth)
      if !text.isEmpty { grid.writeRightAligned(text, maxX: line.maxX - 1, y: y, style: style) }
    }
    grid.write(
      DisplayWidth.truncate("Enter applies · Esc closes", to: box.width - 4), x: box.x + 2,
      y: box.maxY - 2, style: theme[.listEmpty])
  }

  /// How much of a topic's counts its row shows: all three when there is room, else the unread
  /// count with its word, then the bare unread count (the title then says what it counts),
  /// then none.
  enum Counts {
    case full, unread, unreadNumber, none

    /// Cells the counts take when the widest unread count takes `unreadWidth`.
    func width(unreadWidth: Int) -> Int {
      switch self {
      case .full: TopicPickerOverlay.countsWidth
      case .unread: unreadWidth + 7
      case .unreadNumber: unreadWidth
      case .none: 0
      }
    }

    /// The counts as the row shows them, `width(unreadWidth:)` cells (or empty for `.none`).
    func text(_ counts: ListCounts?, unreadWidth: Int) -> String {
      let unread = counts.map { NumberText.grouped($0.unread) } ?? "…"
      switch self {
      case .full: return TopicPickerOverlay.countsText(counts)
      case .unread: return TopicPickerOverlay.pad(unread, unreadWidth) + " unread"
      case .unreadNumber: return TopicPickerOverlay.pad(unread, unreadWidth)
      case .none: return ""
      }
    }
  }

  /// `total  unread unread  starred ★`, always `countsWidth` cells.
  static func countsText(_ counts: ListCounts?) -> String {
    guard let counts else {
      return pad("…", 7) + "  " + pad("…", 7) + " unread  " + pad("…", 5) + " ★"
    }
    return
      "\(right(counts.total, 7))  \(right(counts.unread, 7)) unread  \(right(counts.starred, 5)) ★"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
  }

  static let countsWidth = 7 + 2 + 7 + 9 + 5 + 2

  static func right(_ number: Int, _ width: Int) -> String {
    let text = NumberText.grouped(number)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
