extension QueryNode {
  /// How deeply a query may nest AND, OR and NOT, topics expanded. SQLite's parsers (SQL and
  /// FTS5) run out of stack at about 26 levels of the SQL and FTS5 text compiled from a
  /// query; this leaves room for the level a prefix search adds (`lear*` becomes an OR).
  public static let maximumDepth = 20

  /// How many terms a query may hold, topics expanded. SQLite reads `a AND b AND ...` as a
  /// tree as deep as there are terms and refuses one deeper than 1,000 levels.
  public static let maximumTerms = 500

  /// The terms (words, phrases, fields) in the query.
  public var termCount: Int {
    switch self {
    case .all: 0
    case .and(let children), .or(let children): children.reduce(0) { $0 + $1.termCount }
    case .not(let child): child.termCount
    default: 1
    }
  }

  /// Levels of AND, OR and NOT above the deepest term: 0 for a term.
  public var depth: Int {
    switch self {
    case .and(let children), .or(let children): 1 + (children.lazy.map(\.depth).max() ?? 0)
    case .not(let child): 1 + child.depth
    default: 0
    }
  }
}

extension QueryError {
  /// The error for the term at `column`, one more than ``QueryNode/maximumTerms``.
  static func tooManyTerms(column: Int) -> QueryError {
    QueryError(column: column, "too many terms (at most \(QueryNode.maximumTerms))")
  }

  /// The error for a query nested deeper than ``QueryNode/maximumDepth`` at `column`.
  static func nestedTooDeeply(column: Int) -> QueryError {
    QueryError(column: column, "nested too deeply (at most \(QueryNode.maximumDepth) levels)")
  }
}
