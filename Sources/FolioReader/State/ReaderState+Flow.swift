import FolioCore
import FolioStore
import Foundation

/// The daily reader's flow: paper to paper (`J`/`K`, also full screen), unread to unread
/// (`n`/`p`, across days), hiding read papers, Esc stepping back towards the start view, and
/// the mark-as-read timer that only runs while the user reads in the list.
extension ReaderState {
  // MARK: - Reading in the list

  /// Whether the user is reading in the list: they moved the selection onto this paper, its
  /// detail is on screen, and nothing (prompt, overlay, search line, reading view) is in the
  /// way. Only then does the mark-as-read timer run.
  var isDwelling: Bool {
    timer.selectionChosen && detail != nil && mode == .list && !layout.isTooSmall
  }

  /// Marks the selected paper read when it has been read in the list for long enough.
  mutating func markReadIfLingering() -> [ReaderEffect] {
    guard isDwelling, let delay = settings.markReadAfter, let paper = detail,
      !paper.state.isRead, timer.autoReadRequested != paper.id, now - timer.selectedSince >= delay
    else { return [] }
    timer.autoReadRequested = paper.id
    return [.setRead(id: paper.id, read: true, announce: false)]
  }

  /// Actions that take the selection to another paper on the user's behalf.
  static let choosesAPaper: Set<Action> = [
    .moveDown, .moveUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom,
    .nextPaper, .previousPaper, .nextUnread, .previousUnread,
  ]

  /// The status line's answer to a key that does nothing where the user is.
  func nothingHere(_ key: Key) -> StatusMessage {
    let help = settings.keymap.keys(for: .help).first?.description ?? "?"
    return StatusMessage("\(key): nothing here — \(help) for keys")
  }

  // MARK: - Paper to paper

  /// The next (`delta` 1) or previous (-1) paper of the listing, whatever has focus; in the
  /// reading view the new paper is read full screen (and marked read, as opening it would).
  mutating func stepPaper(by delta: Int) -> [ReaderEffect] {
    let before = detail?.id
    moveSelection(by: delta)
    guard let paper = detail, paper.id != before else {
      status = StatusMessage(delta > 0 ? "this is the last paper" : "this is the first paper")
      return []
    }
    return markReadIfOpen(paper)
  }

  /// The effects of having opened `paper` in the reading view, if it is open there: marking
  /// it read, and the "read full screen" signal that teaches For you.
  func markReadIfOpen(_ paper: LibraryPaper) -> [ReaderEffect] {
    guard isReading else { return [] }
    let viewed = ReaderEffect.library(.recordSignal(.viewed, id: paper.id, at: Date()))
    guard settings.markReadOnOpen, !paper.state.isRead else { return [viewed] }
    return [.setRead(id: paper.id, read: true, announce: false), viewed]
  }

  // MARK: - Unread to unread

  /// Selects the next (or previous) unread paper of the listing; on a day with none left in
  /// that direction, the nearest one on an older (or newer) day, showing that day.
  mutating func goToUnread(forward: Bool) -> [ReaderEffect] {
    let target: PaperSummary
    do {
      switch try findUnread(forward: forward) {
      case .found(let summary): target = summary
      case .none:
        status = StatusMessage(
          forward ? "no unread papers after this one" : "no unread papers before this one")
        return []
      case .gaveUp:
        status = StatusMessage(
          "no unread papers in the \(Self.unreadSearchDays) days \(forward ? "before" : "after") this one"
        )
        return []
      }
    } catch {
      report(error)
      return []
    }
    if listing.rankedIDs == nil, case .day(let day) = scope, target.day != day {
      changeScope(to: .day(target.day))
      status = dayStatus(target.day)
    }
    do {
      guard let position = try listing.position(of: target.id, library) else { return [] }
      select(position)
    } catch {
      report(error)
      return []
    }
    return detail.map(markReadIfOpen) ?? []
  }

  /// How many listing days `n`/`p` look through for an unread paper before they give up: a
  /// year of daily listings, so that one key press never walks a whole library of read papers.
  static let unreadSearchDays = 366

  /// The unread paper after (or before) the selected one: in a ranking, by walking it (it is
  /// short); otherwise in the rest of the selected paper's day (one indexed step from its sort
  /// key), then in the days after (or before) it, one day at a time, up to
  /// ``unreadSearchDays``.
  private func findUnread(forward: Bool) throws(StoreError) -> UnreadSearch {
    var unread = filter
    if let ranking = listing.rankedIDs {
      return try findUnread(in: ranking, forward: forward)
    }
    unread.state = .unread
    unread.keepsPaper = nil
    let startDay: Day?
    if let row = selectedSummary, let key = window.sortKey(of: row.id) {
      unread.day = row.day
      if let found = try library.listing(
        unread, from: forward ? .after(key) : .before(key), limit: 1
      )
      .first {
        return .found(found.summary)
      }
      startDay = row.day
    } else if case .day(let day) = scope {
      startDay = day  // nothing listed here: the days either side
    } else {
      startDay = nil  // nothing listed at all: from the first (or last) day
    }
    let step = forward ? 1 : -1
    var index: Int
    if let startDay, let position = days.firstIndex(of: startDay) {
      index = position + step
    } else {
      index = forward ? 0 : days.count - 1
    }
    var searched = 0
    while days.indices.contains(index) {
      guard searched < Self.unreadSearchDays else { return .gaveUp }
      unread.day = days[index]
      let start: ListingStart = forward ? .position(0) : .fromEnd(0)
      if let found = try library.listing(unread, from: start, limit: 1).first {
        return .found(found.summary)
      }
      searched += 1
      index += step
    }
    return .none
  }

  /// Rows of a ranking read at once while looking for an unread one in it.
  static let rankedUnreadChunk = 64

  /// The unread paper after (or before) the selected one in a ranking (at most
  /// ``ForYouList/cap`` ids), read a slice at a time from the selected paper on.
  private func findUnread(in ranking: [String], forward: Bool) throws(StoreError) -> UnreadSearch {
    var start = forward ? selected + 1 : selected - 1
    while forward ? start < ranking.count : start >= 0 {
      let range =
        forward
        ? start..<min(ranking.count, start + Self.rankedUnreadChunk)
        : max(0, start - Self.rankedUnreadChunk + 1)..<(start + 1)
      let rows = try library.listing(
        PaperFilter(ranking: Array(ranking[range])), from: .position(0), limit: range.count
      ).map(\.summary)
      if let found = (forward ? rows : rows.reversed()).first(where: { !$0.isRead }) {
        return .found(found)
      }
      start = forward ? range.upperBound : range.lowerBound - 1
    }
    return .none
  }

  /// What looking for an unread paper came to.
  enum UnreadSearch {
    case found(PaperSummary)
    case none
    /// ``unreadSearchDays`` days had none.
    case gaveUp
  }

  /// `2024-11-02 · 12 unread`: where `[`, `]` or `n` landed. One day's count is cheap.
  func dayStatus(_ day: Day) -> StatusMessage {
    let name = settings.dateFormat.string(from: day)
    guard let counts = try? library.counts(PaperFilter(day: day)) else {
      return StatusMessage(name)
    }
    return StatusMessage("\(name) · \(NumberText.grouped(counts.unread)) unread")
  }

  // MARK: - Hiding read papers

  mutating func toggleHideRead() {
    if listing.forYouView != nil, similar == nil {
      // The view holds the papers unread when it was ranked; hiding the ones read since
      // would move rows under the user (`f` ranks again without them).
      let again = settings.keymap.keys(for: .forYou).first?.description ?? "f"
      status = StatusMessage("For you lists unread papers · \(again) ranks again")
      return
    }
    listing.hidesRead.toggle()
    restartListing(keeping: detail?.id, lookUp: true)
    let key = settings.keymap.keys(for: .toggleHideRead).first?.description
    let again = key.map { " · \($0) shows them" } ?? ""
    status = StatusMessage(hidesRead ? "hiding read papers" + again : "showing read papers")
  }

  // MARK: - Esc in the list

  /// The view the reader opens on: the newest day, or all days.
  var startScope: Scope {
    settings.startWithAllDays ? .allDays : days.first.map(Scope.day) ?? .allDays
  }

  /// Esc in the list steps back one thing at a time: "more like this", the filter (or
  /// topic), then the start view; the status line says what went and what Esc does next.
  mutating func stepBack(_ key: Key) {
    if similar != nil {
      leaveSimilar()
      return
    }
    if listing.forYouView != nil {
      leaveForYou()
      status = StatusMessage("left For you")
      return
    }
    if let query {
      let isTopic = settings.topics.topics.contains { Self.topicQuery($0.name) == query.text }
      apply(nil)
      status = StatusMessage((isTopic ? "topic cleared" : "filter cleared") + nextStepHint(key))
      return
    }
    if scope != startScope {
      changeScope(to: startScope)
      status = StatusMessage(startScope == .allDays ? "back to all days" : "back to today's view")
      return
    }
    let quit = settings.keymap.keys(for: .quit).first?.description ?? "q"
    status = StatusMessage("\(key): nothing to go back to — \(quit) quits")
  }

  /// What Esc would do next, for the status line.
  private func nextStepHint(_ key: Key) -> String {
    guard scope != startScope else { return "" }
    return " · \(key) again: " + (startScope == .allDays ? "all days" : "today's view")
  }
}
