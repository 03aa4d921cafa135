import FolioCore
import GRDB

/// Which papers a listing shows: by user state, listing day, a query's predicate, or an
/// explicit ranking. The store renders it as SQL; callers never write SQL.
public struct PaperFilter: Hashable, Sendable {
  /// A constraint on the user's state for a paper.
  public enum State: String, Hashable, Sendable, CaseIterable {
    case any, starred, unread, read
  }

  public var state: State
  /// Only papers listed on this day; nil for every day.
  public var day: Day?
  /// A full-text search every paper listed must match. The listing is then driven by the
  /// full-text index, in its rowid (= listing) order, so the first screenful comes without
  /// visiting every match.
  public var match: TextMatch?
  /// A query's predicate (compiled by FolioQuery), checked per paper; nil for none.
  public var condition: PaperPredicate?
  /// Only these papers (by stable id), listed in this order instead of the listing order:
  /// for ranked results such as "more like this".
  public var ranking: [String]?
  /// A paper listed whatever `state` says: the reader's selected paper, so that hiding read
  /// papers does not pull the one being read out from under the user.
  public var keepsPaper: String?
  /// The order of the listing (a ranking keeps its own order).
  public var order: ListingOrder = .listing
  /// Facets of ``condition`` so common that a page is cheaper checking them row by row than
  /// gathering their papers from the index: set by the store for the query at hand
  /// (``LibraryStore`` `withDenseFacets`), empty otherwise.
  var denseFacets: Set<PaperFacet> = []

  /// Whether dismissed papers are listed: only when the query mentions `is:dismissed`, or for
  /// a ranking (papers asked for by id). Every other listing, count, list and export leaves
  /// them out.
  public var showsDismissed: Bool {
    ranking != nil || condition?.mentionsDismissed == true
  }

  public init(
    state: State = .any, day: Day? = nil, match: TextMatch? = nil,
    condition: PaperPredicate? = nil, ranking: [String]? = nil
  ) {
    self.state = state
    self.day = day
    self.match = match
    self.condition = condition
    self.ranking = ranking
  }

  /// Every paper in the library.
  public static let all = PaperFilter()

  // MARK: - SQL

  /// The tables: `paper p` and `paper_state s`, driven by `paper_fts f` when there is a match,
  /// or by `paper_facet pf` when a facet drives the listing (``drivingFacet``).
  var fromClause: String {
    let states = "LEFT JOIN paper_state s ON s.paper_seq = p.seq"
    if match != nil { return "paper_fts f JOIN paper p ON p.sort_key = f.rowid \(states)" }
    if drivingFacet != nil {
      return "paper_facet pf JOIN paper p ON p.sort_key = pf.sort_key \(states)"
    }
    return "paper p \(states)"
  }

  /// The facet (`cat:`, `kw:`, `org:` with a whole value) whose index rows drive a listing in
  /// the listing order: they are in sort-key order already, so the first screenful costs a
  /// screenful of them whether the value is common or rare (a walk of `paper` checking each
  /// row read every row when few papers had it). Only a facet every listed paper must have (the
  /// condition, or one term of its top-level AND) can drive, and never with a full-text
  /// match (which drives itself), a ranking, or another order.
  var drivingFacet: PaperFacet? {
    guard match == nil, ranking == nil, order == .listing, let condition else { return nil }
    let terms: [PaperPredicate] =
      switch condition {
      case .and(let children): children
      default: [condition]
      }
    for term in terms {
      if case .facet(let facet) = term, let lookup = FacetIndex.lookup(facet), !lookup.prefix {
        return facet
      }
    }
    return nil
  }

  /// The facets of ``condition`` checked per row, through the index or as a row check: every
  /// listed one but the driving facet, in a walk bounded by ``FacetIndex/maxFacets``.
  var checkedFacets: [PaperFacet] {
    guard let condition = checkedCondition else { return [] }
    var found: [PaperFacet] = []
    var pending = [condition]
    while let predicate = pending.popLast(), found.count < FacetIndex.maxFacets {
      switch predicate {
      case .facet(let facet) where FacetIndex.lookup(facet) != nil: found.append(facet)
      case .and(let children), .or(let children): pending += children
      case .not(let child): pending.append(child)
      default: break
      }
    }
    return found
  }

  /// The condition left to check on each row: without the driving facet, which the join
  /// applies.
  private var checkedCondition: PaperPredicate? {
    guard let facet = drivingFacet, let condition else { return condition }
    guard case .and(var children) = condition else { return nil }
    if let index = children.firstIndex(of: .facet(facet)) { children.remove(at: index) }
    return children.isEmpty ? nil : .and(children)
  }

  /// The WHERE clause with its arguments.
  var whereClause: (sql: String, arguments: StatementArguments) {
    whereClause(excludingDismissed: !showsDismissed)
  }

  /// The WHERE clause, with the default exclusion of dismissed papers or without it (for a
  /// count that takes them off itself).
  func whereClause(excludingDismissed: Bool) -> (sql: String, arguments: StatementArguments) {
    var conditions: [String] = []
    var arguments = StatementArguments()
    if let match {
      conditions.append("f.paper_fts MATCH ?")
      _ = arguments.append(contentsOf: [match.fts])
    }
    if let facet = drivingFacet, let (kind, value, _) = FacetIndex.lookup(facet) {
      conditions.append("pf.kind = ? AND pf.value = ?")
      _ = arguments.append(contentsOf: [kind, value])
    }
    let stateCondition: String? =
      switch state {
      case .any: nil
      case .starred: "s.starred_at IS NOT NULL"
      case .unread: "s.read_at IS NULL"
      case .read: "s.read_at IS NOT NULL"
      }
    if excludingDismissed {
      conditions.append("s.dismissed_at IS NULL")
    }
    if let stateCondition {
      if let keepsPaper {
        conditions.append("(\(stateCondition) OR p.id = ?)")
        _ = arguments.append(contentsOf: [keepsPaper])
      } else {
        conditions.append(stateCondition)
      }
    }
    if let day {
      // A day is a range of sort keys: an index range, not a scan.
      let range = SortKey.range(of: day)
      conditions.append("\(drivingFacet != nil ? "pf.sort_key" : "p.sort_key") BETWEEN ? AND ?")
      _ = arguments.append(contentsOf: [range.lowerBound, range.upperBound])
      if !SortKey.isExact(day) {
        // At the ends of the key's days, several days share a range.
        conditions.append("p.day = ?")
        _ = arguments.append(contentsOf: [day.description])
      }
    }
    if let condition = checkedCondition?.sql(dense: denseFacets) {
      conditions.append("(\(condition.sql))")
      for value in condition.arguments {
        switch value {
        case .text(let text): _ = arguments.append(contentsOf: [text])
        case .integer(let number): _ = arguments.append(contentsOf: [number])
        case .null: _ = arguments.append(contentsOf: [nil as String?])
        }
      }
    }
    if let ranking {
      conditions.append("p.id IN (SELECT value FROM json_each(?))")
      _ = arguments.append(contentsOf: [Self.jsonArray(ranking)])
    }
    return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
  }

  /// The column holding the sort key: the full-text index's rowid when it drives the
  /// listing, so that a range on it lets FTS5 start and stop early.
  var sortKeyColumn: String {
    match != nil ? "f.rowid" : drivingFacet != nil ? "pf.sort_key" : "p.sort_key"
  }

  /// The ORDER BY clause: the listing order (newest day first, then most upvoted, then the
  /// order papers were listed; see ``SortKey``), or the ranking's order; `reversed` walks it
  /// from the end.
  func orderClause(reversed: Bool = false) -> (sql: String, arguments: StatementArguments) {
    let direction = reversed ? "DESC" : "ASC"
    if let ranking {
      return (
        "(SELECT key FROM json_each(?) WHERE value = p.id) \(direction)", [Self.jsonArray(ranking)]
      )
    }
    let keyDirection = reversed ? "ASC" : "DESC"
    guard let expression = order.expression else {
      return ("\(sortKeyColumn) \(keyDirection)", [])
    }
    return ("\(expression) \(keyDirection), \(sortKeyColumn) \(keyDirection)", [])
  }

  /// The condition that a row comes after (or, `reversed`, before) the row whose sort key is
  /// bound as its argument(s), in ``order``: a keyset condition, so paging costs the same
  /// anywhere. Takes ``afterArgumentCount`` copies of the sort key.
  func afterCondition(reversed: Bool = false) -> String {
    let comparison = reversed ? ">" : "<"
    guard let expression = order.expression, ranking == nil else {
      return "\(sortKeyColumn) \(comparison) ?"
    }
    let reference = "(SELECT \(order.indexedExpression!) FROM paper WHERE sort_key = ?)"
    return "(\(expression), \(sortKeyColumn)) \(comparison) (\(reference), ?)"
  }

  /// How many times ``afterCondition(reversed:)`` binds the reference row's sort key.
  var afterArgumentCount: Int { order.expression == nil || ranking != nil ? 1 : 2 }

  /// `SELECT columns` of the listing, in order (or from the end when `reversed`), `limit` rows
  /// from `offset` (all when nil), where `extra` (with its `extraArguments`) holds too.
  func select(
    _ columns: String, limit: Int? = nil, offset: Int = 0, extra: String? = nil,
    extraArguments: StatementArguments = [], reversed: Bool = false
  ) -> (String, StatementArguments) {
    let (condition, whereArguments) = whereClause
    let (order, orderArguments) = orderClause(reversed: reversed)
    let extraSQL = extra.map { " AND \($0)" } ?? ""
    var sql =
      "SELECT \(columns) FROM \(fromClause) WHERE \(condition)\(extraSQL) ORDER BY \(order)"
    if let limit { sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, offset))" }
    return (sql, whereArguments + extraArguments + orderArguments)
  }

  /// `SELECT expressions` over the listing's rows, with an extra condition, for aggregates.
  func aggregate(_ expressions: String, extra: String? = nil) -> (String, StatementArguments) {
    let (condition, arguments) = whereClause
    let extraSQL = extra.map { " AND \($0)" } ?? ""
    return ("SELECT \(expressions) FROM \(fromClause) WHERE \(condition)\(extraSQL)", arguments)
  }

  static func jsonArray(_ items: [String]) -> String {
    "[" + items.map(PaperColumns.quote).joined(separator: ",") + "]"
  }
}
