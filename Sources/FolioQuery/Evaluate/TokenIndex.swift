/// The search tokens of one field with where each occurs, so a term is looked up instead of
/// searched for: the reader evaluates every topic's terms against every row it loads.
public struct TokenIndex: Sendable {
  public let tokens: [String]
  private let positions: [String: [Int]]

  public init(_ tokens: [String]) {
    self.tokens = tokens
    var positions: [String: [Int]] = [:]
    positions.reserveCapacity(tokens.count)
    for (position, token) in tokens.enumerated() {
      positions[token, default: []].append(position)
    }
    self.positions = positions
  }

  /// Whether the term's tokens occur consecutively (the last as a prefix for a prefix term),
  /// as an FTS5 phrase within one column.
  public func contains(_ term: TextTerm) -> Bool {
    let needle = term.tokens
    guard let first = needle.first, tokens.count >= needle.count else { return false }
    if needle.count == 1 && term.isPrefix {
      return positions.keys.contains { $0.hasPrefix(first) }
    }
    guard let starts = positions[first] else { return false }
    let last = needle.count - 1
    return starts.contains { start in
      guard start + last < tokens.count else { return false }
      for offset in 1..<needle.count {
        let token = tokens[start + offset]
        let wanted = needle[offset]
        let equal = offset == last && term.isPrefix ? token.hasPrefix(wanted) : token == wanted
        if !equal { return false }
      }
      return true
    }
  }
}
