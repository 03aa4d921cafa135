import FolioCore
import FolioStore

/// The daily reader's flow: paper to paper (`J`/`K`, also full screen), unread to unread
/// (`n`/`p`, across days), hiding read papers, Esc stepping back towards the start view, and
/// the mark-as-read timer that only runs while the user reads in the list.
extension ReaderState {
  // MARK: - Reading in the list

  /// Whether the user is reading in the list: they moved the selection onto this paper, its
  /// detail is on screen, and nothing (prompt, overlay, search line, reading view) is in the
  /// way. Only then does the mark-as-read timer run.
  var isDwelling: Bool {
    selectionChosen && detail != nil && !isReading && searchLine == nil && topicPicker == nil
      && exportPrompt == nil && confirmation == nil && !isShowingHelp && !layout.isTooSmall
  }

  /// Marks the selected paper read when it has been read in the list for long enough.
  mutating func markReadIfLingering() -> [ReaderEffect] {
    guard isDwelling, let delay = settings.markReadAfter, let paper = detail,
      !paper.state.isRead, autoReadRequested != paper.id, now - selectedSince >= delay
    else { return [] }
    autoReadRequested = paper.id
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

  /// The effect of having opened `paper` in the reading view, if it is open there.
  func markReadIfOpen(_ paper: LibraryPaper) -> [ReaderEffect] {
    guard isReading, settings.markReadOnOpen, !paper.state.isRead else { return [] }
    return [.setRead(id: paper.id, read: true, announce: false)]
  }

  // MARK: - Unread to unread

  /// Selects the next (or previous) unread paper of the listing; on a day with none left in
  /// that direction, the nearest one on an older (or newer) day, showing that day.
  mutating func goToUnread(forward: Bool) -> [ReaderEffect] {
    let target: PaperSummary?
    do {
      target = try findUnread(forward: forward)
    } catch {
      report(error)
      return []
    }
    guard let target else {
      status = StatusMessage(
        forward ? "no unread papers after this one" : "no unread papers before this one")
      return []
    }
    if similar == nil, case .day(let day) = scope, target.day != day {
      changeScope(to: .day(target.day))
      status = dayStatus(target.day)
    }
    do {
      guard let position = try store.position(of: target.id, in: filter) else { return [] }
      select(position)
    } catch {
      report(error)
      return []
    }
    return detail.map(markReadIfOpen) ?? []
  }

  /// The unread paper after (or before) the selected one: in a ranking, by walking it (it is
  /// short); otherwise one indexed step from the selected row's sort key over every day.
  private func findUnread(forward: Bool) throws(StoreError) -> PaperSummary? {
    var unread = filter
    if let ranking = unread.ranking {
      let rows = try store.summaries(unread, limit: ranking.count, offset: 0)
      let after =
        forward
        ? Array(rows.indices.filter { $0 > selected })
        : rows.indices.filter { $0 < selected }.reversed()
      return after.first { !rows[$0].isRead }.map { rows[$0] }
    }
    unread.day = nil
    unread.state = .unread
    unread.keepsPaper = nil
    let start: ListingStart
    if let id = selectedSummary?.id, let key = window.sortKey(of: id) {
      start = forward ? .after(key) : .before(key)
    } else if case .day(let day) = scope,
      let anchor = try store.listing(PaperFilter(day: day), from: .position(0), limit: 1).first
    {
      // Nothing listed here: step from the day's first paper to the days either side.
      start = forward ? .after(anchor.sortKey) : .before(anchor.sortKey)
    } else {
      start = forward ? .position(0) : .fromEnd(0)
    }
    return try store.listing(unread, from: start, limit: 1).first?.summary
  }

  /// `2024-11-02 · 12 unread`: where `[`, `]` or `n` landed. One day's count is cheap.
  func dayStatus(_ day: Day) -> StatusMessage {
    let name = settings.dateFormat.string(from: day)
    guard let counts = try? store.counts(PaperFilter(day: day)) else {
      return StatusMessage(name)
    }
    return StatusMessage("\(name) · \(ReaderView.grouped(counts.unread)) unread")
  }

  // MARK: - Hiding read papers

  mutating func toggleHideRead() {
    hidesRead.toggle()
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
