import FolioStore

/// A query with its topics expanded: what ``QueryCompiler`` turns into the store's predicate.
///
/// It is ``QueryNode`` without `topic:`, so a topic left unexpanded cannot be written, and the
/// compiler needs no branch for one. Only ``QueryCompiler/expandTopics(_:)`` makes one, and
/// its nesting and terms are within ``QueryNode/maximumDepth`` and ``QueryNode/maximumTerms``.
indirect enum ExpandedQuery: Hashable, Sendable {
  case all
  case text(TextField, TextTerm)
  case id(String, prefix: Bool)
  case source(String)
  case day(Comparison, DayValue)
  case upvotes(Comparison, Int)
  case citations(Comparison, Int)
  case state(PaperStateKind)
  case has(PaperFeature)
  case tag(String)
  case facet(PaperFacet)
  case and([ExpandedQuery])
  case or([ExpandedQuery])
  case not(ExpandedQuery)

  /// The same query as a ``QueryNode`` (one without topics).
  var node: QueryNode {
    switch self {
    case .all: .all
    case .text(let field, let term): .text(field, term)
    case .id(let id, let prefix): .id(id, prefix: prefix)
    case .source(let source): .source(source)
    case .day(let comparison, let value): .day(comparison, value)
    case .upvotes(let comparison, let count): .upvotes(comparison, count)
    case .citations(let comparison, let count): .citations(comparison, count)
    case .state(let state): .state(state)
    case .has(let feature): .has(feature)
    case .tag(let key): .tag(key)
    case .facet(let facet): .facet(facet)
    case .and(let children): .and(children.map(\.node))
    case .or(let children): .or(children.map(\.node))
    case .not(let child): .not(child.node)
    }
  }

  /// The terms in the query (see ``QueryNode/termCount``).
  var termCount: Int {
    switch self {
    case .all: 0
    case .and(let children), .or(let children): children.reduce(0) { $0 + $1.termCount }
    case .not(let child): child.termCount
    default: 1
    }
  }

  /// Levels of AND, OR and NOT above the deepest term (see ``QueryNode/depth``).
  var depth: Int {
    switch self {
    case .and(let children), .or(let children): 1 + (children.lazy.map(\.depth).max() ?? 0)
    case .not(let child): 1 + child.depth
    default: 0
    }
  }
}
