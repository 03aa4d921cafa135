/// A query that cannot be understood: where, and what was expected there.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
  /// 1-based column (in characters) of the problem; one past the end for "ran out of query".
  public var column: Int
  public var message: String

  public init(column: Int, _ message: String) {
    self.column = column
    self.message = message
  }

  /// `query: column 14: expected ')' after 'diffusion'`.
  public var description: String { "query: column \(column): \(message)" }
}
