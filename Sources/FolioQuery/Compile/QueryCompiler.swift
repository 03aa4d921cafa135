import FolioCore
import FolioStore

/// Compiles a ``QueryNode`` to the store's ``FolioStore/PaperPredicate`` (or a whole
/// ``FolioStore/PaperFilter``), which the store alone renders as SQL.
///
/// Topics are expanded and relative days resolved here. Text terms become full-text matches;
/// neighbouring text terms under one AND or OR share a single match, so the full-text index
/// intersects their posting lists itself. Matches are built from the terms' folded tokens
/// (letters and digits only), so nothing a user types is read as search syntax.
public struct QueryCompiler: Sendable {
  public var topics: TopicSet
  /// What `day:today` means.
  public var today: Day
  /// The indexed words that begin with a folded token, or nil when there are too many to
  /// list (``FolioStore/LibraryStore/searchTerms(startingWith:limit:)``). With it, a prefix
  /// term is searched as those words: FTS5 then walks matches in listing order and stops
  /// after a screenful, where a prefix it has no prefix index for makes it merge every
  /// posting of every such word first (100 ms for `lear*` in a million papers).
  public var prefixWords: (@Sendable (String) -> [String]?)?
  /// The names of the PDFs in Folio's PDF cache (``FolioCore/PDFCache/cachedNames()``), listed
  /// once by the caller: what `has:pdf` matches. Empty (no cache): `has:pdf` matches nothing.
  public var cachedPDFs: Set<String> = []

  public init(
    topics: TopicSet = .defaults, today: Day = .today(),
    prefixWords: (@Sendable (String) -> [String]?)? = nil
  ) {
    self.topics = topics
    self.today = today
    self.prefixWords = prefixWords
  }

  /// The most words a prefix is expanded to.
  public static let prefixWordLimit = 64

  /// A compiler that expands prefixes with the words of `store`'s index.
  public static func forLibrary(_ store: LibraryStore, topics: TopicSet, today: Day)
    -> QueryCompiler
  {
    QueryCompiler(topics: topics, today: today) { prefix in
      try? store.searchTerms(startingWith: prefix, limit: prefixWordLimit)
    }
  }

  /// `node` with each prefix term longer than the indexed prefix length replaced by the OR
  /// of the words it stands for, when ``prefixWords`` lists them.
  func expandingPrefixes(_ node: ExpandedQuery) -> ExpandedQuery {
    guard let prefixWords else { return node }
    switch node {
    case .text(let field, let term):
      guard term.isPrefix, let last = term.tokens.last,
        last.unicodeScalars.count > TextMatch.indexedPrefixLength,
        last.utf8.allSatisfy({ $0 < 0x80 }),
        let words = prefixWords(last), !words.isEmpty
      else { return node }
      let lead = term.tokens.dropLast()
      let alternatives = words.map { word in
        ExpandedQuery.text(field, TextTerm(text: (lead + [word]).joined(separator: " ")))
      }
      return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    case .and(let children): return .and(children.map(expandingPrefixes))
    case .or(let children): return .or(children.map(expandingPrefixes))
    case .not(let child): return .not(expandingPrefixes(child))
    default: return node
    }
  }

  /// Parses and compiles `query`; nil for the empty query.
  public func predicate(
    for query: String, mode: QueryParser.Mode = .complete
  ) throws(QueryError) -> PaperPredicate? {
    let node = try QueryParser.parse(query, mode: mode)
    if node == .all { return nil }
    return try compile(node)
  }

  /// `node` as one predicate, topics expanded and relative days resolved.
  public func compile(_ node: QueryNode) throws(QueryError) -> PaperPredicate {
    predicate(expandingPrefixes(try expanded(node)))
  }

  /// `node` as a store filter: when every match must satisfy a full-text search, that
  /// search drives the listing (walked in listing order, stopping after a screenful) and
  /// the rest is a condition checked per match; otherwise it is all one condition.
  public func filter(_ node: QueryNode) throws(QueryError) -> PaperFilter {
    let expanded = expandingPrefixes(try self.expanded(node))
    if expanded == .all { return PaperFilter() }
    if let match = Self.textMatch(expanded) { return PaperFilter(match: match) }
    if case .and(let children) = expanded {
      let (textual, rest) = Self.partitionTextual(children, conjunction: true)
      if let textual {
        let condition = rest.isEmpty ? nil : predicate(rest.count == 1 ? rest[0] : .and(rest))
        return PaperFilter(match: textual, condition: condition)
      }
    }
    return PaperFilter(condition: predicate(expanded))
  }

  /// `node` with every `topic:` replaced by the topic's query.
  ///
  /// Throws when a topic nests the query deeper than ``QueryNode/maximumDepth``, or the
  /// topics make it hold more than ``QueryNode/maximumTerms``.
  public func expandTopics(_ node: QueryNode) throws(QueryError) -> QueryNode {
    try expanded(node).node
  }

  /// `node` with every `topic:` replaced by the topic's query, as the type that has no topics;
  /// throws as ``expandTopics(_:)`` does.
  func expanded(_ node: QueryNode) throws(QueryError) -> ExpandedQuery {
    var visiting: Set<String> = []
    let expanded = try expandTopics(node, level: 0, visiting: &visiting)
    if expanded.termCount > QueryNode.maximumTerms {
      throw QueryError(
        column: 1,
        "too many terms once topics are expanded (at most \(QueryNode.maximumTerms))")
    }
    return expanded
  }

  /// `level`: the levels of AND, OR and NOT above `node`.
  private func expandTopics(_ node: QueryNode, level: Int, visiting: inout Set<String>)
    throws(QueryError) -> ExpandedQuery
  {
    switch node {
    case .all: return .all
    case .text(let field, let term): return .text(field, term)
    case .id(let id, let prefix): return .id(id, prefix: prefix)
    case .source(let source): return .source(source)
    case .day(let comparison, let value): return .day(comparison, value)
    case .upvotes(let comparison, let count): return .upvotes(comparison, count)
    case .citations(let comparison, let count): return .citations(comparison, count)
    case .state(let state): return .state(state)
    case .has(let feature): return .has(feature)
    case .tag(let key): return .tag(key)
    case .facet(.cachedPDF): return .facet(.cachedPDF(cachedPDFs))
    case .facet(let facet): return .facet(facet)
    case .topic(let name, let column):
      let topic = try topics.resolve(name, column: column)
      guard !visiting.contains(topic.name) else {
        throw QueryError(column: column, "topic '\(topic.name)' refers to itself")
      }
      visiting.insert(topic.name)
      defer { visiting.remove(topic.name) }
      let expanded = try expandTopics(topic.node, level: level, visiting: &visiting)
      if level + expanded.depth > QueryNode.maximumDepth {
        throw QueryError(
          column: column,
          "topic '\(topic.name)' nests the query too deeply (at most \(QueryNode.maximumDepth) levels)"
        )
      }
      return expanded
    case .and(let children):
      var expanded: [ExpandedQuery] = []
      for child in children {
        expanded.append(try expandTopics(child, level: level + 1, visiting: &visiting))
      }
      return .and(expanded)
    case .or(let children):
      var expanded: [ExpandedQuery] = []
      for child in children {
        expanded.append(try expandTopics(child, level: level + 1, visiting: &visiting))
      }
      return .or(expanded)
    case .not(let child):
      return .not(try expandTopics(child, level: level + 1, visiting: &visiting))
    }
  }

  /// `node` as a predicate. The recursion is as deep as the node, which the parser and
  /// ``expandTopics(_:)`` keep within ``QueryNode/maximumDepth``.
  private func predicate(_ node: ExpandedQuery) -> PaperPredicate {
    switch node {
    case .all: return .always
    case .text(let field, let term):
      return .match(.phrase(term.tokens, in: field.column, prefix: term.isPrefix))
    case .id(let id, let prefix): return prefix ? .idPrefix(id) : .id(id)
    case .source(let source): return .source(source)
    case .day(let comparison, let value): return .day(comparison.predicate, resolve(value))
    case .upvotes(let comparison, let count): return .upvotes(comparison.predicate, count)
    case .citations(let comparison, let count): return .citations(comparison.predicate, count)
    case .state(let state):
      switch state {
      case .starred: return .state(.starred)
      case .unstarred: return .state(.unstarred)
      case .unread: return .state(.unread)
      case .dismissed: return .state(.dismissed)
      case .read: return .state(.read)
      }
    case .has(let feature):
      switch feature {
      case .note: return .has(.note)
      case .code: return .has(.code)
      case .arxiv: return .has(.arxiv)
      case .tag: return .has(.tag)
      }
    case .tag(let key): return .tag(key)
    case .facet(let facet): return .facet(facet)
    case .not(let child): return .not(predicate(child))
    case .and(let children): return combine(children, conjunction: true)
    case .or(let children): return combine(children, conjunction: false)
    }
  }

  /// Joins children with AND or OR, folding the ones the full-text index can take into one
  /// match.
  private func combine(_ children: [ExpandedQuery], conjunction: Bool) -> PaperPredicate {
    var parts: [PaperPredicate] = []
    let (textual, rest) = Self.partitionTextual(children, conjunction: conjunction)
    if let textual { parts.append(.match(textual)) }
    for child in rest { parts.append(predicate(child)) }
    if parts.count == 1 { return parts[0] }
    return conjunction ? .and(parts) : .or(parts)
  }

  /// `day:` values as calendar days.
  func resolve(_ value: DayValue) -> Day {
    switch value {
    case .date(let day): day
    case .today: today
    case .yesterday: today.adding(days: -1)
    case .lastDays(let count): today.adding(days: -(count - 1))
    }
  }

  // MARK: - Full text

  /// The text match for a node made only of text terms, AND, OR and NOT-within-AND; nil
  /// when some part needs a predicate of its own.
  static func textMatch(_ node: ExpandedQuery) -> TextMatch? {
    switch node {
    case .text(let field, let term):
      return .phrase(term.tokens, in: field.column, prefix: term.isPrefix)
    case .and(let children):
      let (textual, rest) = partitionTextual(children, conjunction: true)
      return rest.isEmpty ? textual : nil
    case .or(let children):
      let (textual, rest) = partitionTextual(children, conjunction: false)
      return rest.isEmpty ? textual : nil
    default:
      return nil
    }
  }

  /// Splits `children` of an AND (`conjunction`) or OR into one text match for the ones the
  /// full-text index can answer, and the rest. Under AND, `NOT x` joins as FTS5's binary NOT
  /// when there is a positive text term to subtract from.
  static func partitionTextual(_ children: [ExpandedQuery], conjunction: Bool) -> (
    TextMatch?, [ExpandedQuery]
  ) {
    var positives: [TextMatch] = []
    var negatives: [(TextMatch, ExpandedQuery)] = []
    var rest: [ExpandedQuery] = []
    for child in children {
      if let match = textMatch(child) {
        positives.append(match)
      } else if conjunction, case .not(let inner) = child, let match = textMatch(inner) {
        negatives.append((match, child))
      } else {
        rest.append(child)
      }
    }
    guard !positives.isEmpty else { return (nil, rest + negatives.map(\.1)) }
    var match: TextMatch =
      positives.count == 1 ? positives[0] : conjunction ? .and(positives) : .or(positives)
    // `a -b -c` as `a NOT (b OR c)`: one level, where a NOT per term would nest as deep as
    // there are terms, and FTS5's parser runs out of stack at a few dozen.
    if !negatives.isEmpty {
      let subtracted = negatives.count == 1 ? negatives[0].0 : .or(negatives.map(\.0))
      match = .subtracting(match, subtracted)
    }
    return (match, rest)
  }
}

extension Comparison {
  /// The store's comparison.
  var predicate: PaperPredicate.Comparison {
    switch self {
    case .equal: .equal
    case .less: .less
    case .lessOrEqual: .lessOrEqual
    case .greater: .greater
    case .greaterOrEqual: .greaterOrEqual
    }
  }
}
