import FolioCore
import FolioQuery
import FolioStore

/// Where a listing's rows come from while it changes: the library, how many rows the list
/// shows, and the topics to tag rows with. A read that fails is kept for the status line
/// (the last one, as the reader would have shown it) and the listing goes on without it.
struct RowFeed {
  let library: any LibraryReading
  /// Rows the list shows at once (at least 1).
  let height: Int
  let topicSet: TopicSet
  let today: Day
  var failure: StoreError?
}

/// Filling the listing from the library: a screenful at a time, never the whole listing.
///
/// Scrolling loads only the rows that come into view, next to the rows held (by sort key, so
/// as cheaply at the millionth row as at the first); a jump loads the screen it lands on,
/// counted from the nearer end of the listing; ``prefetch(_:topics:)`` loads the screenful
/// either side between keys, so the next page move finds its rows in memory.
extension Listing {
  /// Loads rows from the top; when they are all there is, the counts come from them.
  mutating func loadFirstRows(_ feed: inout RowFeed, topics: inout RowTopics) {
    let limit = feed.height
    do {
      let page = try rows(at: 0, limit: limit, feed.library)
      window = ListWindow(
        offset: 0, rows: Self.summaries(page, &feed, &topics), sortKeys: page.map(\.sortKey),
        reachesEnd: page.count < limit)
      counts = ListCounts(
        total: window.rows.count, unread: window.rows.filter { !$0.isRead }.count,
        starred: window.rows.filter(\.isStarred).count)
      countsKnown = window.rows.count < limit
    } catch {
      feed.failure = error
      counts = ListCounts()
      countsKnown = true
    }
  }

  /// Counts the listing exactly (on a failure, the counts stay the rows seen).
  mutating func count(_ feed: inout RowFeed) {
    do {
      counts = try feed.library.counts(filter)
    } catch {
      feed.failure = error
    }
    countsKnown = true
  }

  /// Loads the rows on screen that the window does not hold.
  mutating func loadRows(_ feed: inout RowFeed, topics: inout RowTopics) {
    let visible = top..<(top + feed.height)
    guard !window.covers(visible, total: counts.total) else { return }
    if isExtendable, visible.lowerBound >= window.offset, visible.lowerBound <= window.end {
      extendDown(to: visible.upperBound, &feed, topics: &topics)
    } else if isExtendable, visible.upperBound <= window.end, visible.upperBound >= window.offset {
      extendUp(to: visible.lowerBound, &feed, topics: &topics)
    } else {
      loadWindow(at: visible, &feed, topics: &topics)
    }
  }

  /// Loads the screenful above and below the view.
  mutating func prefetch(_ feed: inout RowFeed, topics: inout RowTopics) {
    let height = feed.height
    guard wantsPrefetch(height: height) else { return }
    extendDown(to: top + 2 * height, &feed, topics: &topics)
    if window.canExtend { extendUp(to: max(0, top - height), &feed, topics: &topics) }
  }

  /// Adds the rows after the window up to listing position `end` (or the listing's end).
  mutating func extendDown(to end: Int, _ feed: inout RowFeed, topics: inout RowTopics) {
    let wanted = end - window.end
    guard wanted > 0, !window.reachesEnd, let last = window.lastSortKey else { return }
    do {
      let page = try feed.library.listing(filter, from: .after(last), limit: wanted)
      let rows = Self.summaries(page, &feed, &topics)
      window.append(rows, sortKeys: page.map(\.sortKey), reachesEnd: page.count < wanted)
      if !countsKnown { counts.total = max(counts.total, window.end) }
      trimWindow(height: feed.height)
    } catch {
      feed.failure = error
    }
  }

  /// Adds the rows before the window from listing position `start`.
  private mutating func extendUp(to start: Int, _ feed: inout RowFeed, topics: inout RowTopics) {
    let wanted = window.offset - max(0, start)
    guard wanted > 0, let first = window.firstSortKey else { return }
    do {
      let page = try feed.library.listing(filter, from: .before(first), limit: wanted)
      guard page.count == wanted else {
        // The listing changed under the rows held: start again where the view is.
        return loadWindow(at: top..<(top + feed.height), &feed, topics: &topics)
      }
      let rows = Self.summaries(page, &feed, &topics)
      window.prepend(rows, sortKeys: page.map(\.sortKey))
      trimWindow(height: feed.height)
    } catch {
      feed.failure = error
    }
  }

  /// Replaces the rows held by the ones at `visible`.
  private mutating func loadWindow(
    at visible: Range<Int>, _ feed: inout RowFeed, topics: inout RowTopics
  ) {
    do {
      if countsKnown, rankedIDs == nil, visible.lowerBound > counts.total / 2 {
        // Near the end: walk from the end, not past every row before.
        let end = min(counts.total, visible.upperBound)
        let page = try feed.library.listing(
          filter, from: .fromEnd(counts.total - end), limit: end - visible.lowerBound)
        window = ListWindow(
          offset: end - page.count, rows: Self.summaries(page, &feed, &topics),
          sortKeys: page.map(\.sortKey), reachesEnd: end == counts.total)
      } else {
        let page = try rows(at: visible.lowerBound, limit: visible.count, feed.library)
        window = ListWindow(
          offset: visible.lowerBound, rows: Self.summaries(page, &feed, &topics),
          sortKeys: page.map(\.sortKey), reachesEnd: page.count < visible.count)
        if !countsKnown { counts.total = max(counts.total, window.end) }
      }
    } catch {
      feed.failure = error
    }
  }

  /// `limit` rows from listing position `position`. A ranking's come from the slice of its
  /// ids at that position, so a page costs its own rows, not the ranking's length.
  func rows(at position: Int, limit: Int, _ library: any LibraryReading) throws(StoreError)
    -> [ListedPaper]
  {
    guard let ids = rankedIDs else {
      return try library.listing(filter, from: .position(position), limit: limit)
    }
    let slice = Array(ids.dropFirst(max(0, position)).prefix(max(0, limit)))
    guard !slice.isEmpty else { return [] }
    return try library.listing(PaperFilter(ranking: slice), from: .position(0), limit: slice.count)
  }

  /// The position of paper `id` in a ranked listing (nil when it is not there), or in the
  /// library's listing.
  func position(of id: String, _ library: any LibraryReading) throws(StoreError) -> Int? {
    if let ids = rankedIDs { return ids.firstIndex(of: id) }
    return try library.position(of: id, in: filter)
  }

  /// List rows for `page`, with their topics (worked out for the rows not seen before).
  static func summaries(
    _ page: [ListedPaper], _ feed: inout RowFeed, _ topics: inout RowTopics
  ) -> [PaperSummary] {
    do {
      try topics.learn(page, topics: feed.topicSet, today: feed.today, from: feed.library)
    } catch {
      feed.failure = error
    }
    return page.map { row in
      var summary = row.summary
      summary.topics = topics[summary.id] ?? []
      return summary
    }
  }
}
