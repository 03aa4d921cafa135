import FolioCore
import FolioStore

/// Compiles a ``QueryNode`` to an SQL condition over `paper p LEFT JOIN paper_state s`.
///
/// Text terms become FTS5 `MATCH` subqueries on `paper_fts`; neighbouring text terms under
/// one AND or OR share a single `MATCH`, so FTS5 intersects their posting lists itself. The
/// FTS5 expression is built from the terms' folded tokens (letters and digits only), each
/// phrase in double quotes, so nothing a user types is read as FTS5 syntax; all values travel
/// as bound parameters, never inside the SQL text.
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

  public init(
    topics: TopicSet = .defaults, today: Day = .today(),
    prefixWords: (@Sendable (String) -> [String]?)? = nil
  ) {
    self.topics = topics
    self.today = today
    self.prefixWords = prefixWords
  }

  /// The prefix length the full-text index keeps a prefix index for (`prefix='3'`).
  static let indexedPrefixLength = 3
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
  func expandingPrefixes(_ node: QueryNode) -> QueryNode {
    guard let prefixWords else { return node }
    switch node {
    case .text(let field, let term):
      guard term.isPrefix, let last = term.tokens.last,
        last.unicodeScalars.count > Self.indexedPrefixLength,
        last.utf8.allSatisfy({ $0 < 0x80 }),
        let words = prefixWords(last), !words.isEmpty
      else { return node }
      let lead = term.tokens.dropLast()
      let alternatives = words.map { word in
        QueryNode.text(field, TextTerm(text: (lead + [word]).joined(separator: " ")))
      }
      return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    case .and(let children): return .and(children.map(expandingPrefixes))
    case .or(let children): return .or(children.map(expandingPrefixes))
    case .not(let child): return .not(expandingPrefixes(child))
    default: return node
    }
  }

  /// Parses and compiles `query`; nil for the empty query.
  public func condition(
    for query: String, mode: QueryParser.Mode = .complete
  ) throws(QueryError) -> SQLCondition? {
    let node = try QueryParser.parse(query, mode: mode)
    if node == .all { return nil }
    return try compile(node)
  }

  /// `node` as one SQL condition.
  public func compile(_ node: QueryNode) throws(QueryError) -> SQLCondition {
    var visiting: Set<String> = []
    return try compile(expandingPrefixes(try expandTopics(node)), visiting: &visiting)
  }

  /// `node` as a store filter: when every match must satisfy a full-text expression, that
  /// expression drives the listing (walked in listing order, stopping after a screenful) and
  /// the rest is a condition checked per match; otherwise it is all one condition.
  public func filter(_ node: QueryNode) throws(QueryError) -> PaperFilter {
    let expanded = expandingPrefixes(try expandTopics(node))
    if expanded == .all { return PaperFilter() }
    if let expression = Self.ftsExpression(expanded) { return PaperFilter(match: expression) }
    if case .and(let children) = expanded {
      let (textual, rest) = Self.partitionTextual(children, keyword: "AND")
      if let textual {
        let condition = try rest.isEmpty ? nil : compile(rest.count == 1 ? rest[0] : .and(rest))
        return PaperFilter(match: textual, condition: condition)
      }
    }
    return PaperFilter(condition: try compile(expanded))
  }

  /// `node` with every `topic:` replaced by the topic's query.
  ///
  /// Throws when a topic nests the query deeper than ``QueryNode/maximumDepth``, or the
  /// topics make it hold more than ``QueryNode/maximumTerms``.
  public func expandTopics(_ node: QueryNode) throws(QueryError) -> QueryNode {
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
    throws(QueryError) -> QueryNode
  {
    switch node {
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
      var expanded: [QueryNode] = []
      for child in children {
        expanded.append(try expandTopics(child, level: level + 1, visiting: &visiting))
      }
      return .and(expanded)
    case .or(let children):
      var expanded: [QueryNode] = []
      for child in children {
        expanded.append(try expandTopics(child, level: level + 1, visiting: &visiting))
      }
      return .or(expanded)
    case .not(let child):
      return .not(try expandTopics(child, level: level + 1, visiting: &visiting))
    default:
      return node
    }
  }

  private func compile(_ node: QueryNode, visiting: inout Set<String>) throws(QueryError)
    -> SQLCondition
  {
    if let expression = Self.ftsExpression(node) { return Self.match(expression) }
    switch node {
    case .all: return .always
    case .text: return .always  // unreachable: text is always an FTS expression
    case .id(let id, let prefix):
      // A paper with an arXiv id has it as its stable id, so `p.id` covers both.
      if prefix {
        return SQLCondition("p.id LIKE ? ESCAPE '\\'", [.text(Self.escapeLike(id) + "%")])
      }
      return SQLCondition("p.id = ?", [.text(id)])
    case .topic(let name, let column):
      let topic = try topics.resolve(name, column: column)
      guard !visiting.contains(topic.name) else {
        throw QueryError(column: column, "topic '\(topic.name)' refers to itself")
      }
      visiting.insert(topic.name)
      defer { visiting.remove(topic.name) }
      return try compile(topic.node, visiting: &visiting)
    case .source(let source):
      return SQLCondition("p.source = ?", [.text(source)])
    case .day(let comparison, let value):
      return SQLCondition("p.day \(comparison.rawValue) ?", [.text(resolve(value).description)])
    case .upvotes(let comparison, let count):
      return SQLCondition("coalesce(p.upvotes \(comparison.rawValue) ?, 0)", [.integer(count)])
    case .state(let state):
      switch state {
      case .starred: return SQLCondition("s.starred_at IS NOT NULL")
      case .unstarred: return SQLCondition("s.starred_at IS NULL")
      case .unread: return SQLCondition("s.read_at IS NULL")
      case .read: return SQLCondition("s.read_at IS NOT NULL")
      }
    case .has(let feature):
      switch feature {
      case .note: return SQLCondition("s.note IS NOT NULL")
      case .code: return SQLCondition("json_extract(p.links, '$.github') IS NOT NULL")
      case .arxiv: return SQLCondition("p.arxiv_id IS NOT NULL")
      }
    case .not(let child):
      let inner = try compile(child, visiting: &visiting)
      return SQLCondition("NOT (\(inner.sql))", inner.arguments)
    case .and(let children):
      return try combine(children, with: "AND", visiting: &visiting)
    case .or(let children):
      return try combine(children, with: "OR", visiting: &visiting)
    }
  }

  /// Joins children with AND or OR, folding the ones FTS5 can take into one `MATCH`.
  private func combine(
    _ children: [QueryNode], with keyword: String, visiting: inout Set<String>
  ) throws(QueryError) -> SQLCondition {
    var parts: [SQLCondition] = []
    let (textual, rest) = Self.partitionTextual(children, keyword: keyword)
    if let textual { parts.append(Self.match(textual)) }
    for child in rest { parts.append(try compile(child, visiting: &visiting)) }
    if parts.count == 1 { return parts[0] }
    return SQLCondition(
      "(" + parts.map(\.sql).joined(separator: " \(keyword) ") + ")", parts.flatMap(\.arguments))
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

  // MARK: - FTS5

  static func match(_ expression: String) -> SQLCondition {
    SQLCondition(
      "p.sort_key IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?)", [.text(expression)])
  }

  /// The FTS5 expression for a node made only of text terms, AND, OR and NOT-within-AND;
  /// nil when some part needs plain SQL.
  static func ftsExpression(_ node: QueryNode) -> String? {
    switch node {
    case .text(let field, let term):
      let phrase = "\"" + term.tokens.joined(separator: " ") + "\"" + (term.isPrefix ? "*" : "")
      return field.column.map { "\($0) : \(phrase)" } ?? phrase
    case .and(let children):
      let (textual, rest) = partitionTextual(children, keyword: "AND")
      return rest.isEmpty ? textual : nil
    case .or(let children):
      let (textual, rest) = partitionTextual(children, keyword: "OR")
      return rest.isEmpty ? textual : nil
    default:
      return nil
    }
  }

  /// Splits `children` of an AND or OR into one FTS5 expression for the ones it can express,
  /// and the rest. Under AND, `NOT x` joins as FTS5's binary NOT when there is a positive
  /// text term to subtract from.
  static func partitionTextual(_ children: [QueryNode], keyword: String) -> (String?, [QueryNode]) {
    var positives: [String] = []
    var negatives: [(String, QueryNode)] = []
    var rest: [QueryNode] = []
    for child in children {
      if let expression = ftsExpression(child) {
        positives.append(expression)
      } else if keyword == "AND", case .not(let inner) = child,
        let expression = ftsExpression(inner)
      {
        negatives.append((expression, child))
      } else {
        rest.append(child)
      }
    }
    guard !positives.isEmpty else { return (nil, rest + negatives.map(\.1)) }
    var expression =
      positives.count == 1 ? positives[0] : "(" + positives.joined(separator: " \(keyword) ") + ")"
    // `a -b -c` as `a NOT (b OR c)`: one level, where a NOT per term would nest as deep as
    // there are terms, and FTS5's parser runs out of stack at a few dozen.
    if !negatives.isEmpty {
      let subtracted =
        negatives.count == 1
        ? negatives[0].0 : "(" + negatives.map(\.0).joined(separator: " OR ") + ")"
      expression = "(\(expression) NOT \(subtracted))"
    }
    return (expression, rest)
  }

  static func escapeLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
