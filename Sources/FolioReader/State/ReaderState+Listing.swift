import FolioCore
import FolioQuery
import FolioStore

/// Moving through the listing (``Listing``, which loads its rows) and keeping the counts and
/// the selected paper's detail in step with it.
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
        let end = selected + delta + 1 + listHeight
        feedingRows { listing, feed, topics in listing.extendDown(to: end, &feed, topics: &topics) }
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
    feedingRows { listing, feed, topics in listing.loadRows(&feed, topics: &topics) }
    loadDetail()
  }

  /// Starts the listing over after what it shows changed, on its first screenful; the paper
  /// `id` stays selected if it is there, or anywhere when `lookUp` (which costs counting the
  /// papers before it).
  mutating func restartListing(keeping id: String?, lookUp: Bool = false) {
    rankForYouOrderIfNeeded()
    listing.startOver(keeping: id)
    feedingRows { listing, feed, topics in listing.loadFirstRows(&feed, topics: &topics) }
    if !countsKnown && listing.isCheapToCount { computeCounts() }
    if let id {
      if let index = window.rows.firstIndex(where: { $0.id == id }) {
        listing.selected = window.offset + index
      } else if lookUp, let position = try? listing.position(of: id, library) {
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

  /// Counts the listing exactly.
  mutating func computeCounts() {
    feedingRows { listing, feed, _ in listing.count(&feed) }
  }

  /// Runs `body` on the listing with the library to read rows from and the rows' topics,
  /// then shows the last read that failed.
  private mutating func feedingRows(_ body: (inout Listing, inout RowFeed, inout RowTopics) -> Void)
  {
    var feed = RowFeed(
      library: library, height: listHeight, topicSet: settings.topics, today: settings.today)
    body(&listing, &feed, &topics)
    if let failure = feed.failure { report(failure) }
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
    // Choosing a scope leaves the For you view, back on the paper selected before it.
    let id = listing.forYouView.map(\.previousSelection) ?? detail?.id
    listing.forYouView = nil
    listing.scope = newScope
    restartListing(keeping: id, lookUp: true)
  }

  /// Whether the window lacks rows a screenful above or below the view that ``prefetch()``
  /// would load.
  public var wantsPrefetch: Bool { listing.wantsPrefetch(height: listHeight) }

  /// Loads the screenful above and below the view, so that the next page move finds its rows
  /// in memory. The app calls it when no key is waiting.
  public mutating func prefetch() {
    feedingRows { listing, feed, topics in listing.prefetch(&feed, topics: &topics) }
  }

  /// Loads the selected paper in full when the selection moved to another paper.
  mutating func loadDetail(force: Bool = false) {
    guard let summary = window[selected] else {
      selection.paper = nil
      selection.explanation = nil
      selection.cachedPDF = nil
      return
    }
    guard force || detail?.id != summary.id else { return loadExplanation() }
    let isNewPaper = detail?.id != summary.id
    do {
      selection.paper = try library.paper(id: summary.id)
    } catch {
      report(error)
    }
    loadExplanation()
    checkCachedPDF()
    if isNewPaper {
      selection.scroll = 0
      selection.readingScroll = 0
      timer.selectedSince = now
      // Whatever brought this paper here, it was not (yet) the user's choice.
      timer.selectionChosen = false
    }
  }

  /// Asks the file system (one `stat`) whether the selected paper's PDF is in the cache, for
  /// the detail pane's `PDF` line: when the selection changes and when a download finishes.
  mutating func checkCachedPDF() {
    guard let paper = detail?.paper, let directory = settings.pdfCacheDirectory else {
      selection.cachedPDF = nil
      return
    }
    selection.cachedPDF = PDFCache(directory: directory).cachedPath(for: paper)
  }

  /// After this reader changed a paper: the counts follow the change (or are recounted when
  /// the listing itself depends on state). When only paper `id` changed and the listing does
  /// not depend on state, its row and detail are reread; otherwise all rows are.
  mutating func refreshAfterWrite(of id: String? = nil, starredDelta: Int = 0, unreadDelta: Int = 0)
  {
    if case .triage = mode.screen {
      // The list is not on screen: it is read again when triage ends (`leaveTriage`), so a
      // step costs its write and the next card, not a reload of the list.
      if countsKnown {
        listing.counts.starred += starredDelta
        listing.counts.unread += unreadDelta
      }
      return
    }
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
          let page = [ListedPaper(sortKey: sortKey, summary: summary)]
          feedingRows { listing, feed, topics in
            listing.window.replace(Listing.summaries(page, &feed, &topics)[0])
          }
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
