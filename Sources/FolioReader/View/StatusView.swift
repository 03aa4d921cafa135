import FolioCore

/// The bottom line: a question, a message, or the keys that matter now; and the position.
enum StatusView {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let rect = state.layout.status
    let theme = state.settings.theme
    grid.fill(rect, style: theme[.status])

    var position = ""
    if let triage = state.triage, state.mode.screen == .triage {
      position = triage.progress + " "
    } else if state.isReading {
      let total = state.readingLineCount
      let visible = state.layout.reading.height
      let percent = total <= visible ? 100 : min(100, (state.readingScroll + visible) * 100 / total)
      position = "\(percent)% "
    } else if state.counts.total > 0 {
      position =
        "\(NumberText.grouped(state.selected + 1))/\(NumberText.grouped(state.counts.total)) "
    }
    // Changes still waiting for the library (another process may hold its write lock).
    if !state.pendingWrites.isEmpty {
      position = "saving \(state.pendingWrites.count)… " + position
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
        // The keys as the export prompt's context has them (the table's rows).
        func key(_ action: Action) -> String {
          state.settings.keymap.keys(for: action, in: .exportFormat).first?.description ?? "-"
        }
        text =
          " Export starred as \(key(.exportMarkdown)) Markdown, \(key(.exportBibTeX)) BibTeX, "
          + "\(key(.exportJSON)) JSON, \(key(.exportRIS)) RIS or \(key(.exportCSLJSON)) CSL-JSON? "
          + "\(key(.accept)): Markdown, \(key(.cancel)): cancel "
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
    } else if let prompt = state.tagPrompt {
      drawTagPrompt(prompt, state: state, room: room, y: rect.y, into: &grid)
    } else if let prompt = state.topicNamePrompt {
      drawLinePrompt(
        " Save search as topic: ", prompt.text, state: state, room: room, y: rect.y, into: &grid)
    } else if let confirmation = state.confirmation {
      let question: String
      switch confirmation {
      case .markAllRead(let count):
        question =
          " Mark \(NumberText.grouped(count)) unread paper\(count == 1 ? "" : "s") shown as read? (y/n) "
      case .sendStarredToZotero(let count):
        let number = NumberText.grouped(count)
        let long = " Send \(number) starred paper\(count == 1 ? "" : "s") to Zotero? (y/n) "
        // Narrow terminals keep the count and the (y/n) rather than the sentence.
        question =
          DisplayWidth.of(long) <= room ? long : " Zotero: send \(number) starred? (y/n) "
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

  /// One key hint: the key as the keymap spells it, what it does, and whether it stays when
  /// the line is short (the way to the help and the way out always do).
  struct Hint: Equatable {
    var key: String
    var label: String
    var isKept = false

    /// Cells the hint takes, without the gap after it.
    var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
  }

  /// The hints for what the user is doing now, from the keymap, most useful first.
  static func hints(for state: ReaderState) -> [Hint] {
    let keymap = state.settings.keymap
    func key(_ action: Action) -> String { keymap.keys(for: action).first?.description ?? "" }
    func keys(_ first: Action, _ second: Action) -> String { key(first) + "/" + key(second) }
    func hint(_ key: String, _ label: String, kept: Bool = false) -> Hint {
      Hint(key: key, label: label, isKept: kept)
    }
    let help = hint(key(.help), "help", kept: true)
    func key(_ action: Action, in context: ActionContext) -> String {
      keymap.keys(for: action, in: context).first?.description ?? ""
    }
    if state.palette != nil {
      return [
        hint(key(.moveDown, in: .palette) + "/" + key(.moveUp, in: .palette), "move"),
        hint(key(.accept, in: .palette), "run", kept: true),
        hint(key(.cancel, in: .palette), "close", kept: true),
      ]
    }
    if let help = state.help {
      if help.isTypingFilter {
        return [
          hint(key(.accept, in: .helpFilter), "keep", kept: true),
          hint(key(.cancel, in: .helpFilter), "clear", kept: true),
        ]
      }
      return [
        hint(keys(.moveDown, .moveUp), "scroll"), hint(key(.search, in: .help), "filter"),
        hint("any key", "close", kept: true),
      ]
    }
    if state.topicPicker != nil {
      return [
        hint(keys(.moveDown, .moveUp), "move"),
        hint(key(.accept, in: .topicPicker), "apply", kept: true),
        hint(key(.cancel, in: .topicPicker), "close", kept: true),
      ]
    }
    if state.mode.screen == .triage {
      func triageKey(_ action: Action) -> String { key(action, in: .triage) }
      return [
        hint(triageKey(.toggleStar), "star"), hint(triageKey(.dismiss), "dismiss"),
        hint(triageKey(.readAndNext), "read"), hint(triageKey(.tag), "tag"),
        hint(triageKey(.openLink), "link"), hint(triageKey(.undo), "undo", kept: true),
        hint(triageKey(.quit), "leave", kept: true),
      ]
    }
    if state.isReading {
      return [
        hint(keys(.moveDown, .moveUp), "scroll"), hint(key(.pageDown), "page"),
        hint(keys(.nextPaper, .previousPaper), "paper"), hint(key(.toggleStar), "star"),
        hint(key(.openLink), "link"),
        hint(keys(.quit, .back), "back", kept: true), help,
      ]
    }
    if state.focus == .detail {
      return [
        hint(keys(.moveDown, .moveUp), "scroll"), hint(key(.toggleFocus), "list"),
        hint(key(.toggleStar), "star"), hint(key(.openReading), "read"),
        hint(key(.openLink), "link"), help, hint(key(.quit), "quit", kept: true),
      ]
    }
    var hints = [
      hint(keys(.moveDown, .moveUp), "move"), hint(key(.toggleStar), "star"),
      hint(key(.toggleRead), "read"), hint(key(.openReading), "open"),
      hint(key(.search), "search"), hint(key(.pickTopic), "topics"),
      hint(key(.moreLikeThis), "similar"), hint(key(.openLink), "link"),
      hint(keys(.previousDay, .nextDay), "day"), hint(key(.toggleAllDays), "all days"), help,
      hint(key(.quit), "quit", kept: true),
    ]
    if state.similar != nil || state.listing.forYouView != nil {
      hints.insert(hint(key(.back), "back", kept: true), at: 1)
    }
    if state.listing.forYouView != nil { hints.insert(hint(key(.dismiss), "dismiss"), at: 3) }
    return hints.filter { !$0.key.isEmpty }
  }

  /// The hints that fit `room` cells from x = 1, in their order: the kept ones first claim
  /// their room, then the others in order of usefulness until one does not fit. If even the
  /// kept ones do not fit, as many of them as do, in order.
  static func fitting(_ hints: [Hint], room: Int) -> [Hint] {
    // Each hint takes its width and a two-cell gap; the line starts at x = 1.
    func cost(_ hint: Hint) -> Int { hint.width + 2 }
    var used = 1 + hints.filter(\.isKept).reduce(0) { $0 + cost($1) } - 2
    var chosen = Set<Int>()
    for (index, hint) in hints.enumerated() where !hint.isKept {
      guard used + cost(hint) <= room else { break }
      used += cost(hint)
      chosen.insert(index)
    }
    var shown = hints.indices.filter { hints[$0].isKept || chosen.contains($0) }.map { hints[$0] }
    while !shown.isEmpty, 1 + shown.reduce(0) { $0 + cost($1) } - 2 > room {
      shown.removeLast()
    }
    return shown
  }

  /// Draws the hints that fit, whole.
  static func drawHints(
    _ hints: [Hint], room: Int, y: Int, into grid: inout CellGrid, theme: Theme
  ) {
    var x = 1
    for hint in fitting(hints, room: room) {
      x += grid.write(hint.key, x: x, y: y, style: theme[.statusKey])
      x += grid.write(" " + hint.label, x: x, y: y, style: theme[.status])
      x += 2
    }
  }
}
