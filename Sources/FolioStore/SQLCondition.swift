/// A value bound to an SQL parameter.
public enum SQLValue: Hashable, Sendable {
  case text(String)
  case integer(Int)
  case null
}

/// A boolean SQL expression over `paper p LEFT JOIN paper_state s`, with its parameters.
/// Produced by the filter engine; user text only ever travels in `arguments`.
public struct SQLCondition: Hashable, Sendable {
  public var sql: String
  public var arguments: [SQLValue]

  public init(_ sql: String, _ arguments: [SQLValue] = []) {
    self.sql = sql
    self.arguments = arguments
  }

  /// The condition every paper meets.
  public static let always = SQLCondition("1")
}
