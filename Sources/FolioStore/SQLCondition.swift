import GRDB

/// A value bound to an SQL parameter.
enum SQLValue: Hashable, Sendable {
  case text(String)
  case integer(Int)
  case null

  /// The value as GRDB binds it.
  var databaseValue: DatabaseValue {
    switch self {
    case .text(let text): text.databaseValue
    case .integer(let number): number.databaseValue
    case .null: .null
    }
  }
}

/// A boolean SQL expression over `paper p LEFT JOIN paper_state s`, with its parameters.
/// Rendered from a ``PaperPredicate``; user text only ever travels in `arguments`.
struct SQLCondition: Hashable, Sendable {
  var sql: String
  var arguments: [SQLValue]

  init(_ sql: String, _ arguments: [SQLValue] = []) {
    self.sql = sql
    self.arguments = arguments
  }

  /// The condition every paper meets.
  static let always = SQLCondition("1")
}
