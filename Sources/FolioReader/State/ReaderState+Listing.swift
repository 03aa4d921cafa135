import FolioCore
import FolioQuery
import FolioStore

/// Moving through the listing and keeping the rows, counts and detail in step with it.
///
/// A listing's first screenful is loaded at once; its exact counts, which cost a pass over
/// every match, wait for an idle tick (``hasPendingWork``), so typing a search never waits for
/// them. Until then `counts.total` is the number of rows seen, a lower bound.
extension ReaderState {
  var listHeight: Int { max(1, layout.list.height) }

  /// Whether an idle tick has work to do (exact counts, topic counts).
  public var hasPendingWork: Bool {
    !countsKnown || topicPicker?.entries.contains { $0.counts == nil } == true
  }

  /// Moves the selection by `delta` rows, scrolling by `scroll` rows too (for page moves).
  mutating func moveSelection(by delta: Int, scrolling scroll: Int = 0) {
    if !countsKnown && selected + delta >= counts.total - 1 { computeCounts() }
    guard counts.total > 0 else { return }
    top += scroll
    select(selected + delta)
  }

  /// Selects listing position `position` (clamped) and brings it into view.
  mutating func select(_ position: Int) {
    if !countsKnown && position >= counts.total { computeCounts() }
    selected = min(max(0, position), max(0, counts.total - 1))
    syncView()
  }

  /// Clamps the scroll position, loads the rows on screen, and the selected paper's detail.
  mutating func syncView() {
    let height = listHeight
    if selected < top { top = selected }
    if selected >= top + height { top = selected - height + 1 }
    top = min(max(0, top), max(0, counts.total - height))
    loadRows()
    loadDetail()
  }

  /// Starts the listing over after what it shows changed, on its first screenful; the paper
  /// `id` stays selected if it is there, or anywhere when `lookUp` (which costs counting the
  /// papers before it).
  mutating func restartListing(keeping id: String?, lookUp: Bool = false) {
    window = ListWindow()
    selected = 0
    top = 0
    countsKnown = false
    loadFirstRows()
    if !countsKnown && isCheapToCount { computeCounts() }
    if let id {
      if let index = window.rows.firstIndex(where: { $0.id == id }) {
        selected = window.offset + index
      } else if lookUp, let position = try? store.position(of: id, in: filter) {
        if !countsKnown { computeCounts() }
        selected = position
      }
    }
    syncView()
  }

  /// Rereads the listing after the library changed under it (another process, an import):
  /// the selected paper stays selected, or the selection stays where it was.
  mutating func refreshListing() {
    let id = detail?.id
    let position = selected
    topicCache.removeAll(keepingCapacity: true)
    restartListing(keeping: id, lookUp: true)
    if detail?.id != id, position < counts.total || !countsKnown {
      select(position)
    }
    loadDetail(force: true)
  }

  /// Loads rows from the top; when they are all there is, the counts come from them.
  private mutating func loadFirstRows() {
    let limit = listHeight * 3
    do {
      let papers = try store.papers(filter, limit: limit, offset: 0)
      window = ListWindow(offset: 0, rows: papers.map { PaperSummary($0, topics: topics(of: $0)) })
      counts = ListCounts(
        total: window.rows.count, unread: window.rows.filter { !$0.isRead }.count,
        starred: window.rows.filter(\.isStarred).count)
      countsKnown = window.rows.count < limit
    } catch {
      report(error)
      counts = ListCounts()
      countsKnown = true
    }
  }

  /// One day's papers, or a ranking, are few enough to count on the spot; a search or all
  /// days are counted on an idle tick.
  var isCheapToCount: Bool {
    let filter = self.filter
    return filter.ranking != nil
      || (filter.day != nil && filter.match == nil && filter.condition == nil)
  }

  /// Counts the listing exactly.
  mutating func computeCounts() {
    do {
      counts = try store.counts(filter)
    } catch {
      report(error)
    }
    countsKnown = true
  }

  /// Idle work: exact counts, then the topic picker's counts.
  mutating func doPendingWork() {
    if !countsKnown {
      computeCounts()
      syncView()
    }
    if topicPicker != nil { countTopics() }
  }

  mutating func reloadDays() {
    do {
      days = try store.days()
    } catch {
      report(error)
    }
  }

  /// Shows `newScope`, keeping the selected paper selected if it is listed there.
  mutating func changeScope(to newScope: Scope) {
    let id = detail?.id
    scope = newScope
    restartListing(keeping: id, lookUp: true)
  }

  /// Loads the rows on screen if the window does not hold them, with a screenful either side
  /// so that scrolling rarely waits for the store.
  private mutating func loadRows() {
    let height = listHeight
    guard !window.covers(top..<(top + height), total: counts.total) else { return }
    let start = max(0, top - height)
    do {
      let papers = try store.papers(filter, limit: height * 3, offset: start)
      window = ListWindow(
        offset: start, rows: papers.map { PaperSummary($0, topics: topics(of: $0)) })
      if !countsKnown { counts.total = max(counts.total, start + papers.count) }
    } catch {
      report(error)
    }
  }

  /// The topics `entry` matches, evaluated in memory (the same meaning as the SQL) and cached.
  private mutating func topics(of entry: LibraryPaper) -> [String] {
    if let cached = topicCache[entry.id] { return cached }
    if topicCache.count > 5000 { topicCache.removeAll(keepingCapacity: true) }
    let evaluator = QueryEvaluator(topics: settings.topics, today: settings.today)
    let names = evaluator.topicNames(for: SearchDocument(entry))
    topicCache[entry.id] = names
    return names
  }

  /// Loads the selected paper in full when the selection moved to another paper.
  mutating func loadDetail(force: Bool = false) {
    guard let summary = window[selected] else {
      detail = nil
      return
    }
    guard force || detail?.id != summary.id else { return }
    let isNewPaper = detail?.id != summary.id
    do {
      detail = try store.paper(id: summary.id)
    } catch {
      report(error)
    }
    if isNewPaper {
      detailScroll = 0
      readingScroll = 0
      selectedSince = now
    }
  }

  /// After this reader changed a paper: the counts follow the change (or are recounted when
  /// the listing itself depends on state), the rows and the detail are reread.
  mutating func refreshAfterWrite(starredDelta: Int = 0, unreadDelta: Int = 0) {
    topicCache.removeAll(keepingCapacity: true)
    if query?.dependsOnState == true {
      countsKnown = false
    } else if countsKnown {
      counts.starred += starredDelta
      counts.unread += unreadDelta
    }
    window = ListWindow()
    syncView()
    loadDetail(force: true)
  }

  mutating func report(_ error: any Error) {
    let message = (error as? StoreError)?.message ?? "\(error)"
    status = StatusMessage(message, isError: true)
  }

  /// Goes one listing day older (`step` 1) or newer (`step` -1).
  mutating func changeDay(by step: Int) {
    switch scope {
    case .allDays:
      if let day = detail?.paper.day ?? days.first { changeScope(to: .day(day)) }
    case .day(let day):
      guard let index = days.firstIndex(of: day), days.indices.contains(index + step) else {
        status = StatusMessage(step > 0 ? "no earlier day" : "no later day")
        return
      }
      changeScope(to: .day(days[index + step]))
    }
  }
}
