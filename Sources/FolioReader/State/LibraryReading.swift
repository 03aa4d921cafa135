import FolioCore
import FolioQuery
import FolioStore

/// The reads the reader makes of a library, and nothing else: ``ReaderState`` reaches the
/// library only through this, so it runs as well on an in-memory fake as on the SQLite store,
/// and it never writes (writes are effects, carried out by the app).
///
/// Every read is bounded by its arguments (a page of `limit` rows, one paper, a ranking of a
/// few dozen ids, a for-you ranking of at most `limit`) except ``counts(_:)``, which the state makes synchronously only where it is
/// cheap (one day, a ranking, or when the user asked for the count) and otherwise asks of the
/// app as an effect.
public protocol LibraryReading: Sendable {
  /// The listing days, newest first.
  func days() throws(StoreError) -> [Day]
  /// `limit` rows of the listing `filter` selects, in listing order, from `start`.
  func listing(_ filter: PaperFilter, from start: ListingStart, limit: Int) throws(StoreError)
    -> [ListedPaper]
  /// Total, unread and starred counts of the listing `filter` selects.
  func counts(_ filter: PaperFilter) throws(StoreError) -> ListCounts
  /// The 0-based position of paper `id` in the listing `filter` selects, if it holds it.
  func position(of id: String, in filter: PaperFilter) throws(StoreError) -> Int?
  /// One paper in full, or nil when there is none with that id.
  func paper(id: String) throws(StoreError) -> LibraryPaper?
  /// The papers with these sort keys, in full (to work out the topics of a page of rows).
  func papers(sortKeys: [Int64]) throws(StoreError) -> [Int64: LibraryPaper]
  /// The ids of at most `limit` papers most like `paper`, best first ("more like this").
  func similarIDs(to paper: LibraryPaper, limit: Int) throws(StoreError) -> [String]
  /// The indexed words beginning with `prefix`, or nil when there are more than `limit` (a
  /// query's long prefixes are searched as these words).
  func searchTerms(startingWith prefix: String, limit: Int) throws(StoreError) -> [String]?
  /// Every tag's name as first written, ordered by folded name (the tag prompt completes
  /// from it).
  func tagNames() throws(StoreError) -> [String]
  /// At most `limit` of the papers `filter` selects, ranked by the library's for-you model,
  /// best first; nil while there is no model (the cold start). Bounded by the store's caps.
  func forYouRanking(_ filter: PaperFilter, limit: Int) throws(StoreError) -> ForYouRanking?
  /// Why paper `id` scores as it does under the library's model; nil with no model.
  func forYouExplanation(id: String) throws(StoreError) -> ForYouExplanation?
}

extension LibraryStore: LibraryReading {
  public func similarIDs(to paper: LibraryPaper, limit: Int) throws(StoreError) -> [String] {
    try SimilarPapers.ids(similarTo: paper, in: self, limit: limit)
  }
}
