/// A lexical piece of a query, with the 1-based column where it starts.
struct QueryToken: Hashable {
  indirect enum Kind: Hashable {
    case word(String)
    /// `"..."`, with `*` right after the closing quote for a prefix.
    case quoted(String, prefix: Bool)
    /// `name:value`, the value being a word or a quoted string.
    case field(String, Kind)
    case open
    case close
    /// `-` directly before a term.
    case minus
    case and
    case or
    case not
  }

  var kind: Kind
  var column: Int
  /// The text as written, for messages.
  var source: String
}

/// Splits a query into tokens.
struct QueryLexer {
  static let fieldNames = [
    "title", "abstract", "author", "authors", "id", "topic", "source", "day", "upvotes", "cites",
    "is", "has", "tag", "cat", "kw", "org",
  ]

  let characters: [Character]
  var position = 0

  init(_ query: String) {
    characters = Array(query)
  }

  mutating func tokens() throws(QueryError) -> [QueryToken] {
    var tokens: [QueryToken] = []
    while let token = try next() { tokens.append(token) }
    return tokens
  }

  private var column: Int { position + 1 }

  private mutating func next() throws(QueryError) -> QueryToken? {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    guard position < characters.count else { return nil }
    let start = column
    switch characters[position] {
    case "(":
      position += 1
      return QueryToken(kind: .open, column: start, source: "(")
    case ")":
      position += 1
      return QueryToken(kind: .close, column: start, source: ")")
    case "\"":
      let (text, prefix) = try quoted()
      return QueryToken(
        kind: .quoted(text, prefix: prefix), column: start, source: source(from: start))
    case "-":
      position += 1
      guard position < characters.count, !characters[position].isWhitespace,
        characters[position] != ")"
      else {
        throw QueryError(column: start + 1, "expected a search term after '-'")
      }
      return QueryToken(kind: .minus, column: start, source: "-")
    default:
      return try word(start: start)
    }
  }

  /// A bare word, keyword, or `field:value`.
  private mutating func word(start: Int) throws(QueryError) -> QueryToken {
    var text = ""
    while position < characters.count {
      let character = characters[position]
      if character.isWhitespace || character == "(" || character == ")" || character == "\"" {
        break
      }
      text.append(character)
      position += 1
    }
    if let colon = text.firstIndex(of: ":") {
      let name = text[..<colon].lowercased()
      let rest = String(text[text.index(after: colon)...])
      if Self.fieldNames.contains(name) {
        if rest.isEmpty, position < characters.count, characters[position] == "\"" {
          let (value, prefix) = try quoted()
          return QueryToken(
            kind: .field(name, .quoted(value, prefix: prefix)), column: start,
            source: source(from: start))
        }
        return QueryToken(kind: .field(name, .word(rest)), column: start, source: text)
      }
      if !name.isEmpty, name.allSatisfy({ $0.isLetter }) {
        throw QueryError(
          column: start,
          "unknown field '\(text[...colon])'; fields are "
            + "title: abstract: author: id: topic: source: day: upvotes: cites: is: has: tag:")
      }
    }
    if position < characters.count, characters[position] == "\"" {
      throw QueryError(column: column, "unexpected '\"' inside '\(text)'")
    }
    switch text.uppercased() {
    case "AND": return QueryToken(kind: .and, column: start, source: text)
    case "OR": return QueryToken(kind: .or, column: start, source: text)
    case "NOT": return QueryToken(kind: .not, column: start, source: text)
    default: return QueryToken(kind: .word(text), column: start, source: text)
    }
  }

  /// A `"..."` string starting at the current position: `\"` and `\\` are escapes; a `*` right
  /// after the closing quote makes it a prefix.
  private mutating func quoted() throws(QueryError) -> (String, Bool) {
    let opening = column
    position += 1
    var text = ""
    while position < characters.count {
      let character = characters[position]
      position += 1
      if character == "\\", position < characters.count,
        characters[position] == "\"" || characters[position] == "\\"
      {
        text.append(characters[position])
        position += 1
      } else if character == "\"" {
        if position < characters.count, characters[position] == "*" {
          position += 1
          return (text, true)
        }
        return (text, false)
      } else {
        text.append(character)
      }
    }
    throw QueryError(column: opening, "unterminated quote: no closing '\"'")
  }

  private func source(from start: Int) -> String {
    String(characters[(start - 1)..<position])
  }
}
