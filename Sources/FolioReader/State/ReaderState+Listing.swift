import FolioCore
import FolioQuery
import FolioStore

/// Moving through the listing and keeping the rows, counts and detail in step with it.
extension ReaderState {
  var listHeight: Int { max(1, layout.list.height) }

  /// Moves the selection by `delta` rows, scrolling by `scroll` rows too (for page moves).
  mutating func moveSelection(by delta: Int, scrolling scroll: Int = 0) {
    guard counts.total > 0 else { return }
    top += scroll
    select(selected + delta)
  }

  /// Selects listing position `position` (clamped) and brings it into view.
  mutating func select(_ position: Int) {
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

  /// Reloads counts and rows, keeping the selected paper selected when it is still listed
  /// (`keeping` is its id). Otherwise the selection stays at its position (after a change to
  /// the library) or goes to the top (`orTop`, for a new search).
  mutating func reloadListing(keeping id: String?, orTop: Bool = false) {
    do {
      counts = try store.counts(filter)
    } catch {
      report(error)
      return
    }
    window = ListWindow()
    if let id, let position = try? store.position(of: id, in: filter) {
      selected = position
    } else if orTop {
      selected = 0
      top = 0
    }
    selected = min(selected, max(0, counts.total - 1))
    syncView()
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
    selected = 0
    top = 0
    reloadListing(keeping: id)
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

  /// Rereads rows, counts and the detail after a write (topics may depend on state).
  mutating func refreshAfterWrite() {
    let id = detail?.id
    topicCache.removeAll(keepingCapacity: true)
    reloadListing(keeping: id)
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
