import FolioCore

/// Evaluates a ``QueryNode`` against one paper in memory, with the same meaning the SQL
/// compiled by ``QueryCompiler`` has (a property test holds them to it). The reader uses it to
/// tag the rows on screen with their topics.
public struct QueryEvaluator: Sendable {
  public var topics: TopicSet
  public var today: Day
  /// The names in Folio's PDF cache, as ``QueryCompiler/cachedPDFs``: what `has:pdf` matches.
  public var cachedPDFs: Set<String> = []

  public init(topics: TopicSet = .defaults, today: Day = .today()) {
    self.topics = topics
    self.today = today
  }

  /// Whether a listing of `node` holds the paper: it matches, and it is not dismissed unless
  /// the query mentions `is:dismissed` (the store's default exclusion, ``PaperFilter``).
  public func lists(_ node: QueryNode, _ document: SearchDocument) throws(QueryError) -> Bool {
    guard try matches(node, document) else { return false }
    if !document.isDismissed { return true }
    return try mentionsDismissed(node)
  }

  /// Whether `is:dismissed` appears anywhere in `node`, its topics included. Depth is bounded
  /// as for ``matches(_:_:)``.
  public func mentionsDismissed(_ node: QueryNode) throws(QueryError) -> Bool {
    switch node {
    case .state(.dismissed): return true
    case .topic(let name, let column):
      return try mentionsDismissed(topics.resolve(name, column: column).node)
    case .and(let children), .or(let children):
      for child in children where try mentionsDismissed(child) { return true }
      return false
    case .not(let child): return try mentionsDismissed(child)
    default: return false
    }
  }

  public func matches(_ node: QueryNode, _ document: SearchDocument) throws(QueryError) -> Bool {
    switch node {
    case .all: return true
    case .text(let field, let term):
      switch field {
      case .any:
        return document.title.contains(term) || document.abstract.contains(term)
          || document.authors.contains(term)
      case .title: return document.title.contains(term)
      case .abstract: return document.abstract.contains(term)
      case .author: return document.authors.contains(term)
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
    case .citations(let comparison, let count):
      guard let citations = document.citations else { return false }
      return comparison.holds(citations, count)
    case .state(let state):
      switch state {
      case .starred: return document.isStarred
      case .unstarred: return !document.isStarred
      case .unread: return !document.isRead
      case .read: return document.isRead
      case .dismissed: return document.isDismissed
      }
    case .has(let feature):
      switch feature {
      case .note: return document.hasNote
      case .code: return document.hasCode
      case .arxiv: return document.arxivID != nil
      case .tag: return !document.tagKeys.isEmpty
      }
    case .tag(let key): return document.tagKeys.contains(key)
    case .facet(.cachedPDF): return document.matches(.cachedPDF(cachedPDFs))
    case .facet(let facet): return document.matches(facet)
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
}
