import FolioCore

/// The bottom line: a question, a message, or the keys that matter now; and the position.
enum StatusView {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let rect = state.layout.status
    let theme = state.settings.theme
    grid.fill(rect, style: theme[.status])

    var position = ""
    if state.isReading {
      let total = state.readingLineCount
      let visible = state.layout.reading.height
      let percent = total <= visible ? 100 : min(100, (state.readingScroll + visible) * 100 / total)
      position = "\(percent)% "
    } else if state.counts.total > 0 {
      position =
        "\(ReaderView.grouped(state.selected + 1))/\(ReaderView.grouped(state.counts.total)) "
    }
    let positionWidth = DisplayWidth.of(position)
    let room = max(0, rect.width - positionWidth - 1)
    grid.writeRightAligned(position, maxX: rect.maxX, y: rect.y, style: theme[.status])

    if let line = state.searchLine {
      var x =
        rect.x
        + grid.write("/" + line.text, x: rect.x, y: rect.y, width: room, style: theme[.status])
      if x < rect.x + room {
        grid.write(
          " ", x: x, y: rect.y, width: 1,
          style: theme[.statusKey].overlaid(with: Style(attributes: .underline)))
      }
      x += 1
      if let status = state.status, status.isError, x + 3 < room {
        grid.write(
          "  " + DisplayWidth.truncate(status.text, to: room - x - 2), x: x, y: rect.y,
          style: theme[.statusError])
      }
    } else if let prompt = state.exportPrompt {
      let text: String
      switch prompt.stage {
      case .format:
        text = " Export starred as (m)arkdown, (b)ibtex or (j)son? Enter: Markdown, Esc: cancel "
      case .path: text = " Save to: \(prompt.text)"
      }
      let used = grid.write(
        DisplayWidth.truncate(text, to: room), x: rect.x, y: rect.y, width: room,
        style: theme[.prompt])
      if case .path = prompt.stage, used < room {
        grid.write(
          " ", x: rect.x + used, y: rect.y, width: 1,
          style: theme[.statusKey].overlaid(with: Style(attributes: .underline)))
      }
    } else if let confirmation = state.confirmation {
      let question: String
      switch confirmation {
      case .markAllRead(let count):
        question =
          " Mark \(ReaderView.grouped(count)) unread paper\(count == 1 ? "" : "s") shown as read? (y/n) "
      }
      grid.write(
        DisplayWidth.truncate(question, to: room), x: rect.x, y: rect.y, style: theme[.prompt])
    } else if let status = state.status {
      grid.write(
        " " + DisplayWidth.truncate(status.text, to: room - 1), x: rect.x, y: rect.y, width: room,
        style: theme[status.isError ? .statusError : .statusMessage])
    } else {
      drawHints(hints(for: state), room: room, y: rect.y, into: &grid, theme: theme)
    }
  }

  /// Key/label pairs for what the user is doing now, from the keymap.
  static func hints(for state: ReaderState) -> [(String, String)] {
    let keymap = state.settings.keymap
    func key(_ action: Action) -> String { keymap.keys(for: action).first?.description ?? "" }
    func keys(_ first: Action, _ second: Action) -> String { key(first) + "/" + key(second) }
    if state.isShowingHelp {
      return [(keys(.moveDown, .moveUp), "scroll"), ("any key", "close")]
    }
    if state.topicPicker != nil {
      return [(keys(.moveDown, .moveUp), "move"), ("Enter", "apply"), ("Esc", "close")]
    }
    if state.isReading {
      return [
        (keys(.moveDown, .moveUp), "scroll"), (key(.pageDown), "page"), (key(.toggleStar), "star"),
        (key(.openLink), "link"), (keys(.quit, .back), "back"), (key(.help), "help"),
      ]
    }
    if state.focus == .detail {
      return [
        (keys(.moveDown, .moveUp), "scroll"), (key(.toggleFocus), "list"),
        (key(.toggleStar), "star"), (key(.openReading), "read"), (key(.openLink), "link"),
        (key(.help), "help"),
      ]
    }
    var hints = [
      (keys(.moveDown, .moveUp), "move"), (key(.toggleStar), "star"), (key(.toggleRead), "read"),
      (key(.openReading), "open"), (key(.search), "search"), (key(.pickTopic), "topics"),
      (key(.moreLikeThis), "similar"), (key(.openLink), "link"),
      (keys(.previousDay, .nextDay), "day"), (key(.toggleAllDays), "all days"),
      (key(.help), "help"), (key(.quit), "quit"),
    ]
    if state.similar != nil { hints.insert((key(.back), "back"), at: 1) }
    return hints
  }

  /// Draws as many hints as fit, whole.
  static func drawHints(
    _ hints: [(String, String)], room: Int, y: Int, into grid: inout CellGrid, theme: Theme
  ) {
    var x = 1
    for (key, label) in hints {
      let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(label)
      guard x + width <= room else { break }
      x += grid.write(key, x: x, y: y, style: theme[.statusKey])
      x += grid.write(" " + label, x: x, y: y, style: theme[.status])
      x += 2
    }
  }
}
