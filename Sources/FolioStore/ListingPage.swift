import FolioCore

/// Where a page of a listing starts (see ``LibraryStore/listing(_:from:limit:)``).
public enum ListingStart: Hashable, Sendable {
  /// At this 0-based position from the top.
  case position(Int)
  /// Right after the row with this sort key: the page below rows already loaded.
  case after(Int64)
  /// Right before the row with this sort key: the page above rows already loaded.
  case before(Int64)
  /// The page that ends this many rows before the end of the listing.
  case fromEnd(Int)
}

/// A row of a listing: the paper's summary and the sort key that places it.
public struct ListedPaper: Hashable, Sendable {
  /// Its place in the listing order (see ``LibraryStore/listing(_:from:limit:)``).
  public var sortKey: Int64
  public var summary: PaperSummary

  public init(sortKey: Int64, summary: PaperSummary) {
    self.sortKey = sortKey
    self.summary = summary
  }
}
