/// A named query: a subject the user follows.
public struct Topic: Hashable, Sendable {
  public var name: String
  /// The query, in the query language.
  public var query: String
  /// The parsed query.
  public let node: QueryNode

  /// A topic; throws when `query` does not parse.
  public init(name: String, query: String) throws(QueryError) {
    self.name = name
    self.query = query
    node = try QueryParser.parse(query)
  }

  /// The name reduced for lookups: lower-case letters and digits only.
  static func key(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
