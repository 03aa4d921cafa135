import FolioCore

// The one place a query's predicate becomes SQL: over `paper p LEFT JOIN paper_state s`, all
// values bound as parameters, never inside the SQL text.

extension PaperPredicate {
  /// The predicate as a boolean SQL expression over `paper p LEFT JOIN paper_state s`.
  var sql: SQLCondition { sql(dense: []) }

  /// The predicate as SQL, the facets in `dense` checked row by row
  /// (``PaperFacet/rowCheck``), the others through their index.
  func sql(dense: Set<PaperFacet>) -> SQLCondition {
    switch self {
    case .always: return .always
    case .match(let match):
      return SQLCondition(
        "p.sort_key IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?)", [.text(match.fts)])
    case .id(let id): return SQLCondition("p.id = ?", [.text(id)])
    case .idPrefix(let prefix):
      return SQLCondition("p.id LIKE ? ESCAPE '\\'", [.text(Self.escapeLike(prefix) + "%")])
    case .source(let source): return SQLCondition("p.source = ?", [.text(source)])
    case .day(let comparison, let day):
      return SQLCondition("p.day \(comparison.sql) ?", [.text(day.description)])
    case .upvotes(let comparison, let count):
      // No count never matches: NULL compares to NULL, which coalesce turns to false.
      return SQLCondition("coalesce(p.upvotes \(comparison.sql) ?, 0)", [.integer(count)])
    case .citations(let comparison, let count):
      // Never asked or unknown (NULL) never matches, as for upvotes.
      return SQLCondition("coalesce(p.s2_citations \(comparison.sql) ?, 0)", [.integer(count)])
    case .state(let state):
      switch state {
      case .starred: return SQLCondition("s.starred_at IS NOT NULL")
      case .unstarred: return SQLCondition("s.starred_at IS NULL")
      case .unread: return SQLCondition("s.read_at IS NULL")
      case .read: return SQLCondition("s.read_at IS NOT NULL")
      case .dismissed: return SQLCondition("s.dismissed_at IS NOT NULL")
      }
    case .has(let feature):
      switch feature {
      case .note: return SQLCondition("s.note IS NOT NULL")
      case .code: return SQLCondition("json_extract(p.links, '$.github') IS NOT NULL")
      case .arxiv: return SQLCondition("p.arxiv_id IS NOT NULL")
      case .tag: return SQLCondition("p.seq IN (SELECT paper_seq FROM paper_tag)")
      }
    case .tag(let key):
      // The tag's papers through the link table's primary key (tag_id, paper_seq).
      return SQLCondition(
        "p.seq IN (SELECT pt.paper_seq FROM paper_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.key = ?)",
        [.text(key)])
    case .facet(let facet): return dense.contains(facet) ? facet.rowCheck : facet.sql
    case .not(let child):
      let inner = child.sql(dense: dense)
      return SQLCondition("NOT (\(inner.sql))", inner.arguments)
    case .and(let children):
      return Self.join(children.map { $0.sql(dense: dense) }, with: "AND", empty: .always)
    case .or(let children):
      return Self.join(children.map { $0.sql(dense: dense) }, with: "OR", empty: SQLCondition("0"))
    }
  }

  private static func join(
    _ parts: [SQLCondition], with keyword: String, empty: SQLCondition
  ) -> SQLCondition {
    if parts.isEmpty { return empty }
    if parts.count == 1 { return parts[0] }
    return SQLCondition(
      "(" + parts.map(\.sql).joined(separator: " \(keyword) ") + ")", parts.flatMap(\.arguments))
  }

  /// `text` with LIKE's wildcards and the escape character escaped by `\`.
  static func escapeLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}

extension PaperPredicate.Comparison {
  /// The SQL operator.
  var sql: String {
    switch self {
    case .equal: "="
    case .less: "<"
    case .lessOrEqual: "<="
    case .greater: ">"
    case .greaterOrEqual: ">="
    }
  }
}

extension TextMatch {
  /// The FTS5 expression: each phrase in double quotes (a quote inside doubled, as FTS5
  /// strings escape it), so tokens are always strings and never operators.
  var fts: String {
    switch self {
    case .phrase(let tokens, let column, let prefix):
      let quoted = tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"")
      let phrase = "\"" + quoted + "\"" + (prefix ? "*" : "")
      return column.map { "\($0.name) : \(phrase)" } ?? phrase
    case .and(let children): return Self.join(children, with: "AND")
    case .or(let children): return Self.join(children, with: "OR")
    case .subtracting(let kept, let removed): return "(\(kept.fts) NOT \(removed.fts))"
    }
  }

  private static func join(_ children: [TextMatch], with keyword: String) -> String {
    children.count == 1
      ? children[0].fts : "(" + children.map(\.fts).joined(separator: " \(keyword) ") + ")"
  }
}

extension TextMatch.Column {
  /// The column's name in `paper_fts`.
  var name: String {
    switch self {
    case .title: "title"
    case .abstract: "abstract"
    case .authors: "authors"
    }
  }
}
