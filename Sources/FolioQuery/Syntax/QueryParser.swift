import FolioCore

/// Parses the query language into a ``QueryNode``.
///
/// ```
/// query   := or
/// or      := and ("OR" and)*
/// and     := unary (["AND"] unary)*        -- juxtaposition is AND
/// unary   := ("NOT" | "-") unary | primary
/// primary := "(" or ")" | word | "phrase" | field:value
/// ```
/// Keywords are case-insensitive; NOT binds tighter than AND, AND tighter than OR.
public struct QueryParser {
  /// How the last bare word of the query is read.
  public enum Mode: Sendable {
    /// As written.
    case complete
    /// As a prefix when its last token has at least three characters, for
    /// search-as-you-type: `diff` finds diffusion, while a short word being typed (`re`)
    /// stays a word.
    case incremental
  }

  public static let incrementalPrefixLength = 3

  /// The query `text` means; the empty query is ``QueryNode/all``.
  public static func parse(_ text: String, mode: Mode = .complete) throws(QueryError) -> QueryNode {
    var lexer = QueryLexer(text)
    var tokens = try lexer.tokens()
    if mode == .incremental { markLastWordAsPrefix(&tokens) }
    var parser = QueryParser(tokens: tokens, end: text.count + 1)
    guard !tokens.isEmpty else { return .all }
    let node = try parser.parseOr()
    if node.depth > QueryNode.maximumDepth { throw .nestedTooDeeply(column: 1) }
    if let extra = parser.peek {
      if extra.kind == .close {
        throw QueryError(column: extra.column, "unexpected ')' without a matching '('")
      }
      throw QueryError(column: extra.column, "unexpected '\(extra.source)'")
    }
    return node
  }

  private let tokens: [QueryToken]
  private let end: Int
  private var index = 0
  /// Parentheses and NOTs open around the current token: bounded, so no query can exhaust
  /// the parser's stack before its depth is checked.
  private var nesting = 0
  /// Terms read so far.
  private var terms = 0

  private init(tokens: [QueryToken], end: Int) {
    self.tokens = tokens
    self.end = end
  }

  private var peek: QueryToken? { index < tokens.count ? tokens[index] : nil }
  private var previous: QueryToken? { index > 0 ? tokens[index - 1] : nil }

  private mutating func advance() -> QueryToken {
    defer { index += 1 }
    return tokens[index]
  }

  private mutating func parseOr() throws(QueryError) -> QueryNode {
    var children = [try parseAnd()]
    while peek?.kind == .or {
      _ = advance()
      children.append(try parseAnd())
    }
    return children.count == 1 ? children[0] : .or(children)
  }

  private mutating func parseAnd() throws(QueryError) -> QueryNode {
    var children = [try parseUnary()]
    while let token = peek {
      if token.kind == .and {
        _ = advance()
        children.append(try parseUnary())
      } else if startsTerm(token) {
        children.append(try parseUnary())
      } else {
        break
      }
    }
    return children.count == 1 ? children[0] : .and(children)
  }

  private mutating func parseUnary() throws(QueryError) -> QueryNode {
    guard let token = peek else { throw expectedTerm() }
    switch token.kind {
    case .not, .minus:
      _ = advance()
      try enter(token)
      defer { nesting -= 1 }
      let node = QueryNode.not(try parseUnary())
      if node.depth > QueryNode.maximumDepth { throw .nestedTooDeeply(column: token.column) }
      return node
    default:
      return try parsePrimary()
    }
  }

  private mutating func parsePrimary() throws(QueryError) -> QueryNode {
    guard let token = peek, startsTerm(token) else { throw expectedTerm() }
    _ = advance()
    if token.kind != .open {
      terms += 1
      if terms > QueryNode.maximumTerms { throw .tooManyTerms(column: token.column) }
    }
    switch token.kind {
    case .open:
      try enter(token)
      defer { nesting -= 1 }
      let node = try parseOr()
      guard peek?.kind == .close else {
        throw QueryError(
          column: peek?.column ?? end, "expected ')' after '\(previous?.source ?? "(")'")
      }
      _ = advance()
      if node.depth > QueryNode.maximumDepth { throw .nestedTooDeeply(column: token.column) }
      return node
    case .word(let word):
      return try text(.any, word: word, token: token)
    case .quoted(let text, let prefix):
      return try self.text(.any, TextTerm(text: text, isPrefix: prefix), token: token)
    case .field(let name, let value):
      return try field(name, value, token: token)
    default:
      throw expectedTerm()
    }
  }

  /// Counts one more level of nesting, opened by `token`.
  private mutating func enter(_ token: QueryToken) throws(QueryError) {
    nesting += 1
    if nesting > QueryNode.maximumDepth { throw .nestedTooDeeply(column: token.column) }
  }

  /// The error for a missing term at the current position.
  private func expectedTerm() -> QueryError {
    guard let previous else {
      if let token = peek {
        return QueryError(column: token.column, "expected a search term before '\(token.source)'")
      }
      return QueryError(column: end, "expected a search term")
    }
    return QueryError(
      column: peek?.column ?? end, "expected a search term after '\(previous.source)'")
  }

  private func startsTerm(_ token: QueryToken) -> Bool {
    switch token.kind {
    case .word, .quoted, .field, .open, .not, .minus: true
    case .close, .and, .or: false
    }
  }

  // MARK: - Terms

  private func text(_ field: TextField, word: String, token: QueryToken) throws(QueryError)
    -> QueryNode
  {
    var text = word
    var prefix = false
    if text.hasSuffix("*") {
      text.removeLast()
      prefix = true
    }
    return try self.text(field, TextTerm(text: text, isPrefix: prefix), token: token)
  }

  private func text(_ field: TextField, _ term: TextTerm, token: QueryToken) throws(QueryError)
    -> QueryNode
  {
    guard !term.tokens.isEmpty else {
      if term.text.isEmpty {
        throw QueryError(column: token.column, "expected a search term after '\(token.source)'")
      }
      throw QueryError(
        column: token.column, "'\(term.text)' has no letters or digits to search for")
    }
    return .text(field, term)
  }

  private func field(_ name: String, _ value: QueryToken.Kind, token: QueryToken) throws(QueryError)
    -> QueryNode
  {
    let raw: String
    var quotedPrefix = false
    switch value {
    case .word(let word): raw = word
    case .quoted(let text, let prefix):
      raw = text
      quotedPrefix = prefix
    default: raw = ""
    }
    let valueColumn = token.column + name.count + 1
    func expected(_ what: String) -> QueryError {
      QueryError(column: valueColumn, "expected \(what) after '\(name):'")
    }
    if raw.isEmpty && !quotedPrefix { throw expected(name == "topic" ? "a topic name" : "a value") }
    switch name {
    case "title", "abstract", "author", "authors":
      let field: TextField = name == "title" ? .title : name == "abstract" ? .abstract : .author
      if case .quoted = value {
        return try text(field, TextTerm(text: raw, isPrefix: quotedPrefix), token: token)
      }
      return try text(field, word: raw, token: token)
    case "id":
      let prefix = raw.hasSuffix("*")
      let id = prefix ? String(raw.dropLast()) : raw
      return .id(ArxivID.normalize(id) ?? id.lowercased(), prefix: prefix)
    case "topic":
      return .topic(raw, column: valueColumn)
    case "source":
      return .source(raw.lowercased())
    case "day":
      let (comparison, rest) = Self.comparison(raw)
      guard let day = Self.dayValue(rest) else {
        if Self.isOutOfRange(rest) {
          let range = Day.supported
          throw expected("a day from \(range.lowerBound) to \(range.upperBound)")
        }
        throw expected("a day (YYYY-MM-DD, today, yesterday or -7d, optionally after >= > <= < =)")
      }
      // `day:-7d` alone means "within the last 7 days".
      if case .lastDays = day, rest == raw { return .day(.greaterOrEqual, day) }
      return .day(comparison, day)
    case "upvotes", "cites":
      let (comparison, rest) = Self.comparison(raw)
      guard let count = Int(rest), count >= 0 else {
        throw expected("a number, optionally after >= > <= < =")
      }
      return name == "cites" ? .citations(comparison, count) : .upvotes(comparison, count)
    case "cat", "kw", "org":
      // `cat:cs.*`: entries that begin with the value; a quoted value ends in `*` as a prefix.
      let prefix = quotedPrefix || (!Self.isQuoted(value) && raw.hasSuffix("*"))
      let text = prefix && !quotedPrefix ? String(raw.dropLast()) : raw
      guard !text.isEmpty else { throw expected("a value") }
      switch name {
      case "cat": return .facet(.category(text, prefix: prefix))
      case "kw": return .facet(.keyword(text, prefix: prefix))
      default: return .facet(.organization(text, prefix: prefix))
      }
    case "is":
      if raw.lowercased() == "withdrawn" { return .facet(.withdrawn) }
      guard let state = PaperStateKind(rawValue: raw.lowercased()) else {
        throw expected("starred, unstarred, unread, read, dismissed or withdrawn")
      }
      return .state(state)
    case "tag":
      guard let tag = TagName(raw) else {
        throw expected("a tag name (letters, digits, '-', '_', '/', '.')")
      }
      return .tag(tag.key)
    default:  // "has"
      if raw.lowercased() == "summary" { return .facet(.hasSummary) }
      // The cache's names are the compiler's context (QueryCompiler.cachedPDFs).
      if raw.lowercased() == "pdf" { return .facet(.cachedPDF([])) }
      guard let feature = PaperFeature(rawValue: raw.lowercased()) else {
        throw expected("note, code, arxiv, tag, summary or pdf")
      }
      return .has(feature)
    }
  }

  private static func isQuoted(_ value: QueryToken.Kind) -> Bool {
    if case .quoted = value { return true }
    return false
  }

  static func comparison(_ value: String) -> (Comparison, String) {
    for comparison in [Comparison.greaterOrEqual, .lessOrEqual, .greater, .less, .equal]
    where value.hasPrefix(comparison.rawValue) {
      return (comparison, String(value.dropFirst(comparison.rawValue.count)))
    }
    return (.equal, value)
  }

  static func dayValue(_ value: String) -> DayValue? {
    switch value.lowercased() {
    case "today": return .today
    case "yesterday": return .yesterday
    default:
      if let day = Day(value), day.isSupported { return .date(day) }
      if let count = lastDaysCount(value), count <= supportedSpan { return .lastDays(count) }
      return nil
    }
  }

  /// Whether `value` is a well-formed day outside ``FolioCore/Day/supported``, or `-Nd` with
  /// N beyond its length.
  static func isOutOfRange(_ value: String) -> Bool {
    if let day = Day(value) { return !day.isSupported }
    return lastDaysCount(value).map { $0 > supportedSpan } ?? false
  }

  /// N of `-Nd`.
  private static func lastDaysCount(_ value: String) -> Int? {
    guard value.hasPrefix("-"), value.hasSuffix("d"), let count = Int(value.dropFirst().dropLast()),
      count > 0
    else { return nil }
    return count
  }

  /// The number of days in ``FolioCore/Day/supported``: `-Nd` reaches no further back.
  private static let supportedSpan =
    Day.supported.upperBound.ordinal - Day.supported.lowerBound.ordinal + 1

  /// Makes the query's last token a prefix when it is a bare word (or a field's bare text)
  /// whose last search token is long enough, for search-as-you-type: `diff` and `re-ide`
  /// become prefixes, `re-` and `re-i` do not (a one- or two-letter prefix matches nearly
  /// everything, and costs as much).
  static func markLastWordAsPrefix(_ tokens: inout [QueryToken]) {
    guard let last = tokens.last else { return }
    func isLong(_ word: String) -> Bool {
      !word.hasSuffix("*") && word.last.map { $0.isLetter || $0.isNumber } == true
        && (SearchTokenizer.tokens(word).last?.count ?? 0) >= incrementalPrefixLength
    }
    switch last.kind {
    case .word(let word) where isLong(word):
      tokens[tokens.count - 1].kind = .word(word + "*")
    case .field(let name, .word(let word))
    where ["title", "abstract", "author", "authors"].contains(name) && isLong(word):
      tokens[tokens.count - 1].kind = .field(name, .word(word + "*"))
    case .field(let name, .word(let word))
    where ["cat", "kw", "org"].contains(name) && !word.isEmpty && !word.hasSuffix("*"):
      // A category, keyword or organisation being typed (`cat:cs.L`) shows what it begins:
      // entries are short, and an exact match of a half-typed value would select nothing.
      tokens[tokens.count - 1].kind = .field(name, .word(word + "*"))
    default:
      break
    }
  }
}
