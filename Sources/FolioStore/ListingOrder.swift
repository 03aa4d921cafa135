/// The orders a listing can be in: one enum for the store (which alone renders it as SQL),
/// `folio list --sort` and the reader's `S`. A later order (for you, citations) is one more
/// case here, with its expression and an index in a migration.
///
/// Every order ends with the listing order (``SortKey``), so it is total and a row's sort key
/// names its place: paging after or before a row is a keyset walk in any order
/// (``PaperFilter/afterCondition(reversed:)``).
public enum ListingOrder: String, CaseIterable, Hashable, Sendable {
  /// Newest day first, then most upvoted, then the order papers were listed (the default).
  case listing
  /// Most upvoted first (unknown last), then the listing order.
  case upvotes
  /// Latest publication date first (unknown last), then the listing order.
  case published
  /// Best for-you score first (issue 19). Not an SQL order: the store ranks with the model
  /// (``LibraryStore/forYouRanking(_:limit:)``) and lists the ranking; where SQL sees it,
  /// it is the listing order.
  case forYou = "for-you"
  /// Most cited first by Semantic Scholar's count (issue 20; unknown or never asked last),
  /// then the listing order. Last in `S`'s cycle, after the for-you order.
  case citations

  /// The order after this one, for the reader's `S`: back to the first after the last.
  public var next: ListingOrder {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }

  /// The value ordered by before the sort key (descending), over `paper p`; nil for the
  /// listing order, which is the sort key alone. Each has an index of the same expression
  /// (`v9-dismissed`, `v13-scholar`), so the first screenful is an index walk.
  var expression: String? {
    switch self {
    case .listing, .forYou: nil
    case .upvotes: "coalesce(p.upvotes, -1)"
    case .published: "coalesce(p.published, '')"
    case .citations: "coalesce(p.s2_citations, -1)"
    }
  }

  /// ``expression`` over the unaliased table, as the index is written.
  var indexedExpression: String? {
    expression?.replacingOccurrences(of: "p.", with: "")
  }
}
