import FolioCore
import GRDB

/// Which papers a listing shows: by user state and listing day. The filter engine adds query
/// conditions on top of this.
public struct PaperFilter: Hashable, Sendable {
  /// A constraint on the user's state for a paper.
  public enum State: String, Hashable, Sendable, CaseIterable {
    case any, starred, unread, read
  }

  public var state: State
  /// Only papers listed on this day; nil for every day.
  public var day: Day?
  /// A query's condition (see FolioQuery), nil for none.
  public var condition: SQLCondition?
  /// Only these papers (by stable id), listed in this order instead of the listing order:
  /// for ranked results such as "more like this".
  public var ranking: [String]?

  public init(
    state: State = .any, day: Day? = nil, condition: SQLCondition? = nil, ranking: [String]? = nil
  ) {
    self.state = state
    self.day = day
    self.condition = condition
    self.ranking = ranking
  }

  /// Every paper in the library.
  public static let all = PaperFilter()

  /// The WHERE clause over `paper p LEFT JOIN paper_state s`, with its arguments.
  var whereClause: (sql: String, arguments: StatementArguments) {
    var conditions: [String] = []
    var arguments = StatementArguments()
    switch state {
    case .any: break
    case .starred: conditions.append("s.starred_at IS NOT NULL")
    case .unread: conditions.append("s.read_at IS NULL")
    case .read: conditions.append("s.read_at IS NOT NULL")
    }
    if let day {
      conditions.append("p.day = ?")
      _ = arguments.append(contentsOf: [day.description])
    }
    if let condition {
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

  /// The ORDER BY clause: the listing order (newest day first, then most upvoted, then the
  /// order papers were listed), or the ranking's order.
  var orderClause: (sql: String, arguments: StatementArguments) {
    guard let ranking else { return ("p.day DESC, p.upvotes DESC, p.seq", []) }
    return ("(SELECT key FROM json_each(?) WHERE value = p.id)", [Self.jsonArray(ranking)])
  }

  /// The WHERE and ORDER BY clauses together, for a query that has both.
  var clauses: (where: String, order: String, arguments: StatementArguments) {
    let (condition, whereArguments) = whereClause
    let (order, orderArguments) = orderClause
    return (condition, order, whereArguments + orderArguments)
  }

  static func jsonArray(_ items: [String]) -> String {
    "[" + items.map(PaperColumns.quote).joined(separator: ",") + "]"
  }
}
