import FolioCore
import FolioQuery

/// The paper list: one row per paper, the selection highlighted.
enum ListView {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let rect = state.layout.list
    let theme = state.settings.theme
    guard state.counts.total > 0 else {
      drawEmpty(state, rect: rect, into: &grid, theme: theme)
      return
    }
    let columns = state.settings.listColumns
    let showsDay = columns.contains("day") && state.scope == .allDays && rect.width >= 50
    let showsUpvotes = columns.contains("upvotes") && rect.width >= 50
    // The for-you score, while a ranking with a model is shown (issue 19).
    let scores = state.listing.forYou?.scores ?? [:]
    let showsScore = !scores.isEmpty && rect.width >= 30
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
      // A change still being written shows as pending (◌, ☆), never as done.
      let pending = state.pendingWrites
      if columns.contains("unread") {
        let mark = pending.read(row.id) != nil ? "◌" : row.isRead ? " " : "●"
        grid.write(mark, x: rect.x + 1, y: y, width: 1, style: base)
      }
      let star = pending.starred(row.id) != nil ? "☆" : row.isStarred ? "★" : nil
      if let star, columns.contains("star") {
        grid.write(
          star, x: rect.x + 2, y: y, width: 1, style: base.overlaid(with: theme[.listStar]))
      }
      var titleRoom = rect.width - 5
      var rightEdge = rect.maxX - 1
      let dimmed = isSelected ? base : base.overlaid(with: theme[.listDay])
      if showsDay {
        // This year's days go without the year; another year's keep it, so that last
        // November's papers do not pass for this November's.
        let day =
          state.settings.dateFormat != .iso
          ? state.settings.dateFormat.string(from: row.day)
          : row.day.year == state.settings.today.year
            ? String(row.day.description.dropFirst(5)) : row.day.description
        grid.writeRightAligned(day, maxX: rightEdge, y: y, style: dimmed)
        titleRoom -= DisplayWidth.of(day) + 1
        rightEdge -= DisplayWidth.of(day) + 1
      }
      if showsScore {
        let score = scores[row.id].map(ReaderState.scoreText) ?? ""
        grid.writeRightAligned(score, maxX: rightEdge, y: y, style: dimmed)
        titleRoom -= 5
        rightEdge -= 5
      }
      if showsUpvotes {
        let upvotes = row.upvotes.map { "▲\($0)" } ?? ""
        grid.writeRightAligned(upvotes, maxX: rightEdge, y: y, style: dimmed)
        titleRoom -= 6
        rightEdge -= 6
      }
      // The user's tags (`tags` column, issue 18) as `#name`, before the topics.
      if columns.contains("tags"), !row.tags.isEmpty {
        let text = userTagText(row.tags, room: titleRoom - minimumTitleWidth - 1)
        if !text.isEmpty {
          let tagStyle = isSelected ? base : base.overlaid(with: theme[.listTag])
          grid.writeRightAligned(text, maxX: rightEdge, y: y, style: tagStyle)
          titleRoom -= DisplayWidth.of(text) + 1
          rightEdge -= DisplayWidth.of(text) + 1
        }
      }
      let tags =
        columns.contains("topics")
        ? tagText(row.topics, room: titleRoom - minimumTitleWidth - 1) : ""
      if !tags.isEmpty {
        let tagStyle = isSelected ? base : base.overlaid(with: theme[.listTag])
        grid.writeRightAligned(tags, maxX: rightEdge, y: y, style: tagStyle)
        titleRoom -= DisplayWidth.of(tags) + 1
      }
      var x = rect.x + 4
      let title = DisplayWidth.truncate(row.title, to: titleRoom)
      for segment in MatchHighlighter.segments(title, terms: state.highlightTerms) {
        let style = segment.isMatch ? base.overlaid(with: theme[.searchMatch]) : base
        x += grid.write(segment.text, x: x, y: y, width: rect.x + 4 + titleRoom - x, style: style)
      }
    }
  }

  /// Titles keep at least this many cells before topic tags get any.
  static let minimumTitleWidth = 44

  /// As many of `topics` as fit in `room` cells, as `[Name]` tags.
  static func tagText(_ topics: [String], room: Int) -> String {
    var text = ""
    for topic in topics {
      let tag = (text.isEmpty ? "" : " ") + "[\(topic)]"
      guard DisplayWidth.of(text + tag) <= room else { break }
      text += tag
    }
    return text
  }

  /// As many of the user's `tags` as fit in `room` cells, as `#name`.
  static func userTagText(_ tags: [String], room: Int) -> String {
    var text = ""
    for tag in tags {
      let piece = (text.isEmpty ? "" : " ") + "#" + tag
      guard DisplayWidth.of(text + piece) <= room else { break }
      text += piece
    }
    return text
  }

  static func drawEmpty(_ state: ReaderState, rect: Rect, into grid: inout CellGrid, theme: Theme) {
    let message: String
    if state.days.isEmpty {
      message = "No papers yet. Import some with: folio import FILE"
    } else if let view = state.listing.forYouView {
      let days = state.settings.forYouDays
      message =
        "Nothing unread in the newest \(days) listing day\(days == 1 ? "" : "s")."
        + (view.isColdStart ? " Star a few papers to teach For you." : "")
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
