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
    listing.wantsCounts
      || topicPicker?.entries.contains { $0.counts == nil && !$0.isRequested } == true
  }

  /// Moves the selection by `delta` rows, scrolling by `scroll` rows too (for page moves).
  mutating func moveSelection(by delta: Int, scrolling scroll: Int = 0) {
    if !countsKnown && selected + delta >= counts.total - 1 {
      // A step past the rows seen so far loads the next ones; a jump needs the count.
      if delta <= 2 * listHeight && listing.isExtendable {
        extendDown(to: selected + delta + 1 + listHeight)
      } else {
        computeCounts()
      }
    }
    guard counts.total > 0 else { return }
    listing.top += scroll
    select(selected + delta)
  }

  /// Selects listing position `position` (clamped) and brings it into view.
  mutating func select(_ position: Int) {
    if !countsKnown && position >= counts.total { computeCounts() }
    listing.selected = min(max(0, position), max(0, counts.total - 1))
    syncView()
  }

  /// Clamps the scroll position, loads the rows on screen, and the selected paper's detail.
  mutating func syncView() {
    listing.clampTop(height: listHeight)
    loadRows()
    loadDetail()
  }

  /// Starts the listing over after what it shows changed, on its first screenful; the paper
  /// `id` stays selected if it is there, or anywhere when `lookUp` (which costs counting the
  /// papers before it).
  mutating func restartListing(keeping id: String?, lookUp: Bool = false) {
    listing.startOver(keeping: id)
    loadFirstRows()
    if !countsKnown && listing.isCheapToCount { computeCounts() }
    if let id {
      if let index = window.rows.firstIndex(where: { $0.id == id }) {
        listing.selected = window.offset + index
      } else if lookUp, let position = try? library.position(of: id, in: filter) {
        if !countsKnown { computeCounts() }
        listing.selected = position
      }
    }
    syncView()
  }

  /// Rereads the listing after the library changed under it (another process, an import):
  /// the selected paper stays selected, or the selection stays where it was.
  mutating func refreshListing() {
    let id = detail?.id
    let position = selected
    topics.forgetAll()
    restartListing(keeping: id, lookUp: true)
    if detail?.id != id, position < counts.total || !countsKnown {
      select(position)
    }
    loadDetail(force: true)
  }

  /// Loads rows from the top; when they are all there is, the counts come from them.
  private mutating func loadFirstRows() {
    let limit = listHeight
    do {
      let page = try library.listing(filter, from: .position(0), limit: limit)
      listing.window = ListWindow(
        offset: 0, rows: summaries(page), sortKeys: page.map(\.sortKey),
        reachesEnd: page.count < limit)
      listing.counts = ListCounts(
        total: window.rows.count, unread: window.rows.filter { !$0.isRead }.count,
        starred: window.rows.filter(\.isStarred).count)
      listing.countsKnown = window.rows.count < limit
    } catch {
      report(error)
      listing.counts = ListCounts()
      listing.countsKnown = true
    }
  }

  /// Counts the listing exactly.
  mutating func computeCounts() {
    do {
      listing.counts = try library.counts(filter)
    } catch {
      report(error)
    }
    listing.countsKnown = true
  }

  /// Idle work: asks for exact counts (the app counts off the main loop, see
  /// ``ReaderEffect/countListing(_:generation:)``), then the topic picker's counts.
  mutating func doPendingWork() -> [ReaderEffect] {
    var effects: [ReaderEffect] = []
    if let request = listing.countRequest() { effects.append(request) }
    if topicPicker != nil { effects += countTopics() }
    return effects
  }

  /// Takes exact counts that came back, unless the listing changed since they were asked for.
  mutating func receiveCounts(_ received: ListCounts, generation: Int) {
    if listing.receive(received, generation: generation) { syncView() }
  }

  mutating func reloadDays() {
    do {
      days = try library.days()
    } catch {
      report(error)
    }
  }

  /// Shows `newScope`, keeping the selected paper selected if it is listed there.
  mutating func changeScope(to newScope: Scope) {
    let id = detail?.id
    listing.scope = newScope
    restartListing(keeping: id, lookUp: true)
  }

  /// Loads the rows on screen that the window does not hold; the screenful either side that
  /// makes the next move instant comes from ``prefetch()``, between keys.
  ///
  /// Scrolling loads only the rows that came into view, next to the rows held (by sort key,
  /// so as cheaply at the millionth row as at the first); a jump loads the screen it lands on,
  /// counted from the nearer end of the listing.
  private mutating func loadRows() {
    let visible = top..<(top + listHeight)
    guard !window.covers(visible, total: counts.total) else { return }
    let extendable = listing.isExtendable
    if extendable, visible.lowerBound >= window.offset, visible.lowerBound <= window.end {
      extendDown(to: visible.upperBound)
    } else if extendable, visible.upperBound <= window.end, visible.upperBound >= window.offset {
      extendUp(to: visible.lowerBound)
    } else {
      loadWindow(at: visible)
    }
  }

  /// Whether the window lacks rows a screenful above or below the view that ``prefetch()``
  /// would load.
  public var wantsPrefetch: Bool { listing.wantsPrefetch(height: listHeight) }

  /// Loads the screenful above and below the view, so that the next page move finds its rows
  /// in memory. The app calls it when no key is waiting.
  public mutating func prefetch() {
    guard wantsPrefetch else { return }
    let height = listHeight
    extendDown(to: top + 2 * height)
    if window.canExtend { extendUp(to: max(0, top - height)) }
  }

  /// Adds the rows after the window up to listing position `end` (or the listing's end).
  private mutating func extendDown(to end: Int) {
    let wanted = end - window.end
    guard wanted > 0, !window.reachesEnd, let last = window.lastSortKey else { return }
    do {
      let page = try library.listing(filter, from: .after(last), limit: wanted)
      let rows = summaries(page)
      listing.window.append(rows, sortKeys: page.map(\.sortKey), reachesEnd: page.count < wanted)
      if !countsKnown { listing.counts.total = max(counts.total, window.end) }
      listing.trimWindow(height: listHeight)
    } catch {
      report(error)
    }
  }

  /// Adds the rows before the window from listing position `start`.
  private mutating func extendUp(to start: Int) {
    let wanted = window.offset - max(0, start)
    guard wanted > 0, let first = window.firstSortKey else { return }
    do {
      let page = try library.listing(filter, from: .before(first), limit: wanted)
      guard page.count == wanted else {
        // The listing changed under the rows held: start again where the view is.
        return loadWindow(at: top..<(top + listHeight))
      }
      let rows = summaries(page)
      listing.window.prepend(rows, sortKeys: page.map(\.sortKey))
      listing.trimWindow(height: listHeight)
    } catch {
      report(error)
    }
  }

  /// Replaces the rows held by the ones at `visible`.
  private mutating func loadWindow(at visible: Range<Int>) {
    do {
      if countsKnown, visible.lowerBound > counts.total / 2 {
        // Near the end: walk from the end, not past every row before.
        let end = min(counts.total, visible.upperBound)
        let page = try library.listing(
          filter, from: .fromEnd(counts.total - end), limit: end - visible.lowerBound)
        listing.window = ListWindow(
          offset: end - page.count, rows: summaries(page), sortKeys: page.map(\.sortKey),
          reachesEnd: end == counts.total)
      } else {
        let page = try library.listing(
          filter, from: .position(visible.lowerBound), limit: visible.count)
        listing.window = ListWindow(
          offset: visible.lowerBound, rows: summaries(page), sortKeys: page.map(\.sortKey),
          reachesEnd: page.count < visible.count)
        if !countsKnown { listing.counts.total = max(counts.total, window.end) }
      }
    } catch {
      report(error)
    }
  }

  /// List rows for `page`, with their topics (worked out for the rows not seen before).
  private mutating func summaries(_ page: [ListedPaper]) -> [PaperSummary] {
    do {
      try topics.learn(page, topics: settings.topics, today: settings.today, from: library)
    } catch {
      report(error)
    }
    return page.map { row in
      var summary = row.summary
      summary.topics = topics[summary.id] ?? []
      return summary
    }
  }

  /// Loads the selected paper in full when the selection moved to another paper.
  mutating func loadDetail(force: Bool = false) {
    guard let summary = window[selected] else {
      selection.paper = nil
      return
    }
    guard force || detail?.id != summary.id else { return }
    let isNewPaper = detail?.id != summary.id
    do {
      selection.paper = try library.paper(id: summary.id)
    } catch {
      report(error)
    }
    if isNewPaper {
      selection.scroll = 0
      selection.readingScroll = 0
      timer.selectedSince = now
      // Whatever brought this paper here, it was not (yet) the user's choice.
      timer.selectionChosen = false
    }
  }

  /// After this reader changed a paper: the counts follow the change (or are recounted when
  /// the listing itself depends on state). When only paper `id` changed and the listing does
  /// not depend on state, its row and detail are reread; otherwise all rows are.
  mutating func refreshAfterWrite(of id: String? = nil, starredDelta: Int = 0, unreadDelta: Int = 0)
  {
    if hidesRead {
      // A paper just read leaves the list, but not the one selected: the listing starts
      // over on it, so the selection stays where the user is.
      topics.forgetAll()
      restartListing(keeping: detail?.id, lookUp: true)
      loadDetail(force: true)
      return
    }
    let listingDependsOnState = query?.dependsOnState == true
    if listingDependsOnState {
      listing.countsKnown = false
    } else if countsKnown {
      listing.counts.starred += starredDelta
      listing.counts.unread += unreadDelta
    }
    if let id, !listingDependsOnState, let sortKey = window.sortKey(of: id) {
      do {
        if let summary = try library.listing(
          PaperFilter(ranking: [id]), from: .position(0), limit: 1
        ).first?.summary {
          // Topics may test state (`is:starred`): this paper's are worked out again.
          topics.forget(id)
          let row = summaries([ListedPaper(sortKey: sortKey, summary: summary)])[0]
          listing.window.replace(row)
          loadDetail(force: true)
          return
        }
      } catch {
        report(error)
      }
    }
    topics.forgetAll()
    listing.window = ListWindow()
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
      guard let day = detail?.paper.day ?? days.first else {
        status = StatusMessage("no listing days yet")
        return
      }
      changeScope(to: .day(day))
      status = dayStatus(day)
    case .day(let day):
      guard let index = days.firstIndex(of: day), days.indices.contains(index + step) else {
        status = StatusMessage(step > 0 ? "no earlier day" : "no later day")
        return
      }
      changeScope(to: .day(days[index + step]))
      status = dayStatus(days[index + step])
    }
  }
}
