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

  public init(state: State = .any, day: Day? = nil, condition: SQLCondition? = nil) {
    self.state = state
    self.day = day
    self.condition = condition
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
    return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
  }
}
