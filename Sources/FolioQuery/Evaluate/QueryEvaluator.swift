import FolioCore

/// Evaluates a ``QueryNode`` against one paper in memory, with the same meaning the SQL
/// compiled by ``QueryCompiler`` has (a property test holds them to it). The reader uses it to
/// tag the rows on screen with their topics.
public struct QueryEvaluator: Sendable {
  public var topics: TopicSet
  public var today: Day

  public init(topics: TopicSet = .defaults, today: Day = .today()) {
    self.topics = topics
    self.today = today
  }

  public func matches(_ node: QueryNode, _ document: SearchDocument) throws(QueryError) -> Bool {
    switch node {
    case .all: return true
    case .text(let field, let term):
      switch field {
      case .any:
        return Self.contains(document.titleTokens, term)
          || Self.contains(document.abstractTokens, term)
          || Self.contains(document.authorTokens, term)
      case .title: return Self.contains(document.titleTokens, term)
      case .abstract: return Self.contains(document.abstractTokens, term)
      case .author: return Self.contains(document.authorTokens, term)
      }
    case .id(let id, let prefix):
      return prefix ? document.id.hasPrefix(id) : document.id == id
    case .topic(let name, let column):
      return try matches(topics.resolve(name, column: column).node, document)
    case .source(let source): return document.source == source
    case .day(let comparison, let value):
      let compiler = QueryCompiler(topics: topics, today: today)
      return comparison.holds(document.day, compiler.resolve(value))
    case .upvotes(let comparison, let count):
      guard let upvotes = document.upvotes else { return false }
      return comparison.holds(upvotes, count)
    case .state(let state):
      switch state {
      case .starred: return document.isStarred
      case .unstarred: return !document.isStarred
      case .unread: return !document.isRead
      case .read: return document.isRead
      }
    case .has(let feature):
      switch feature {
      case .note: return document.hasNote
      case .code: return document.hasCode
      case .arxiv: return document.arxivID != nil
      }
    case .and(let children):
      for child in children where try !matches(child, document) { return false }
      return true
    case .or(let children):
      for child in children where try matches(child, document) { return true }
      return false
    case .not(let child):
      return try !matches(child, document)
    }
  }

  /// The names of the topics `document` matches, in topic order.
  public func topicNames(for document: SearchDocument) -> [String] {
    topics.topics.filter { topic in (try? matches(topic.node, document)) ?? false }.map(\.name)
  }

  /// Whether `tokens` contain the term's tokens consecutively (the last as a prefix for a
  /// prefix term), as an FTS5 phrase within one column.
  static func contains(_ tokens: [String], _ term: TextTerm) -> Bool {
    let needle = term.tokens
    guard !needle.isEmpty, tokens.count >= needle.count else { return false }
    let last = needle.count - 1
    outer: for start in 0...(tokens.count - needle.count) {
      for offset in 0..<needle.count {
        let token = tokens[start + offset]
        let wanted = needle[offset]
        let equal = offset == last && term.isPrefix ? token.hasPrefix(wanted) : token == wanted
        if !equal { continue outer }
      }
      return true
    }
    return false
  }
}
