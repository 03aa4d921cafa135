import FolioCore
import FolioQuery
import FolioStore

/// The list's model: which papers it shows (scope, query, "more like this", hiding read
/// ones), the rows held of them, their counts, and where the reader is among them.
///
/// The rows come a screenful at a time (``ListWindow``); exact counts, which cost a pass over
/// every match, come later from the app, tagged with the ``countGeneration`` they were asked
/// in. ``ReaderState`` keeps one listing; the listing loads its own rows from the library it
/// is handed (`Listing+Loading.swift`), and the state keeps the selected paper's detail in
/// step with it (`ReaderState+Listing.swift`).
public struct Listing: Hashable, Sendable {
  // MARK: - What is listed

  /// Which listing days are shown.
  public internal(set) var scope: Scope
  /// The query filtering the list, if any.
  public internal(set) var query: ActiveQuery?
  /// "More like this" results replacing the listing, if any: another source of rows, not a
  /// mode (the list's keys all work on it).
  public internal(set) var similar: SimilarListing?
  /// Whether the list leaves out read papers (`H`).
  public internal(set) var hidesRead = false
  /// The read paper the list keeps while hiding read ones: the one selected when the
  /// listing was last started, so that marking it read does not pull it away.
  var keptReadPaper: String?
  /// The order of the rows (`S` cycles it; a ranking keeps its own).
  public internal(set) var order = ListingOrder.listing
  /// The For you view (`f`), while it replaces the listing: another source of rows, like
  /// ``similar`` (which, opened from the view, goes back to it).
  public internal(set) var forYouView: ForYouList?
  /// The ranking the for-you order shows, while ``order`` is ``ListingOrder/forYou``: made
  /// for ``forYouBasis`` and made again only when that changes.
  var forYouOrder: ForYouList?

  // MARK: - The rows held and their counts

  public internal(set) var window = ListWindow()
  /// The listing's counts: exact when `countsKnown`, else counted from the rows seen so far.
  public internal(set) var counts = ListCounts()
  public internal(set) var countsKnown = true
  /// Changes whenever exact counts asked for earlier may no longer hold (a new listing, a
  /// change to the library); a count comes back tagged with the generation it was asked in.
  var countGeneration = 0
  /// The generation whose counts were asked for and have not come back.
  var countRequested: Int?

  // MARK: - Where the reader is

  /// Listing position of the selected paper.
  public internal(set) var selected = 0
  /// Listing position of the first visible row.
  public internal(set) var top = 0

  init(scope: Scope) {
    self.scope = scope
  }

  /// The papers the list shows: the day's (or all), narrowed by the query; or the papers
  /// like one paper, from every day.
  public var filter: PaperFilter {
    if let rankedIDs { return PaperFilter(ranking: rankedIDs) }
    var filter = query?.filter ?? PaperFilter()
    if case .day(let day) = scope { filter.day = day }
    filter.order = order
    if hidesRead {
      filter.state = .unread
      filter.keepsPaper = keptReadPaper
    }
    return filter
  }

  /// The papers the for-you order ranks: the listing's own (scope, query, hiding read ones),
  /// without the paper kept while hiding read ones, so that reading one does not rank again.
  var forYouBasis: PaperFilter {
    var basis = query?.filter ?? PaperFilter()
    if case .day(let day) = scope { basis.day = day }
    if hidesRead { basis.state = .unread }
    return basis
  }

  /// The for-you ranking on screen: the view's, or the for-you order's; nil under "more like
  /// this".
  public var forYou: ForYouList? {
    guard similar == nil else { return nil }
    return forYouView ?? (order == .forYou ? forYouOrder : nil)
  }

  /// The ids of a ranked listing ("more like this", For you, the for-you order), in order;
  /// nil for a listing walked by sort key.
  var rankedIDs: [String]? { similar?.ids ?? forYou?.ids }

  /// The words to highlight in the list and the detail.
  public var highlightTerms: [TextTerm] {
    similar == nil && forYouView == nil ? query?.highlightTerms ?? [] : []
  }

  /// The selected row, when it is held.
  public var selectedSummary: PaperSummary? { window[selected] }

  /// Whether rows can be loaded next to the ones held by their sort keys (a ranking is short
  /// and always loaded by position).
  var isExtendable: Bool { window.canExtend && rankedIDs == nil }

  /// One day's papers, or a ranking, are few enough to count on the spot; a search or all
  /// days are counted on an idle tick.
  var isCheapToCount: Bool {
    let filter = self.filter
    return filter.ranking != nil
      || (filter.day != nil && filter.match == nil && filter.condition == nil)
  }

  /// Listing positions of the rows on screen, for a list `height` rows high.
  func visibleRange(height: Int) -> Range<Int> {
    top..<min(counts.total, top + max(1, height))
  }

  // MARK: - Changes decided from the listing alone

  /// Forgets the rows and counts, for a listing that starts over on its first screenful;
  /// counts asked for before are dropped when they come back.
  mutating func startOver(keeping id: String?) {
    keptReadPaper = id
    window = ListWindow()
    selected = 0
    top = 0
    countsKnown = false
    countGeneration += 1
  }

  /// Brings the selection into a view `height` rows high, and the view within the listing.
  mutating func clampTop(height: Int) {
    if selected < top { top = selected }
    if selected >= top + height { top = selected - height + 1 }
    top = min(max(0, top), max(0, counts.total - height))
  }

  /// The request for exact counts an idle tick should make, if any (at most one per
  /// generation).
  mutating func countRequest() -> ReaderEffect? {
    guard !countsKnown && countRequested != countGeneration else { return nil }
    countRequested = countGeneration
    return .countListing(filter, generation: countGeneration)
  }

  /// Whether a request for exact counts is due.
  var wantsCounts: Bool { !countsKnown && countRequested != countGeneration }

  /// Takes exact counts that came back, unless the listing changed since they were asked
  /// for; true when they were taken.
  mutating func receive(_ received: ListCounts, generation: Int) -> Bool {
    if generation == countRequested { countRequested = nil }
    guard generation == countGeneration, !countsKnown else { return false }
    counts = received
    countsKnown = true
    return true
  }

  /// Whether the window lacks rows a screenful above or below a view `height` rows high.
  func wantsPrefetch(height: Int) -> Bool {
    guard isExtendable else { return false }
    let wantedEnd = countsKnown ? min(counts.total, top + 2 * height) : top + 2 * height
    return (wantedEnd > window.end && !window.reachesEnd) || max(0, top - height) < window.offset
  }

  /// Drops rows more than two screenfuls away from a view `height` rows high.
  mutating func trimWindow(height: Int) {
    window.keep((top - 2 * height)..<(top + 3 * height))
  }
}
