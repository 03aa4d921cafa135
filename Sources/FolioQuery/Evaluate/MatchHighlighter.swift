import FolioCore

/// Finds the words of a text that a query's terms match, to highlight them.
///
/// Words are compared as the index compares them (folded tokens, see ``SearchTokenizer``); each
/// word of a phrase is highlighted wherever it occurs, and a prefix term's last word matches
/// any word it begins.
public enum MatchHighlighter {
  /// The ranges (in `text`'s unicode scalars) of the words `terms` match, in order.
  public static func ranges(
    in text: String, terms: [TextTerm]
  ) -> [Range<String.UnicodeScalarView.Index>] {
    guard !terms.isEmpty else { return [] }
    var exact: Set<String> = []
    var prefixes: [String] = []
    for term in terms {
      if term.isPrefix, let last = term.tokens.last {
        exact.formUnion(term.tokens.dropLast())
        prefixes.append(last)
      } else {
        exact.formUnion(term.tokens)
      }
    }
    return SearchTokenizer.spans(text).filter { token in
      exact.contains(token.text) || prefixes.contains { token.text.hasPrefix($0) }
    }.map(\.range)
  }

  /// `text` cut into runs, each marked whether it is a match.
  public static func segments(_ text: String, terms: [TextTerm]) -> [(text: String, isMatch: Bool)]
  {
    let matches = ranges(in: text, terms: terms)
    guard !matches.isEmpty else { return [(text, false)] }
    let scalars = text.unicodeScalars
    var segments: [(String, Bool)] = []
    var cursor = scalars.startIndex
    for range in matches {
      if cursor < range.lowerBound {
        segments.append((String(scalars[cursor..<range.lowerBound]), false))
      }
      segments.append((String(scalars[range]), true))
      cursor = range.upperBound
    }
    if cursor < scalars.endIndex { segments.append((String(scalars[cursor...]), false)) }
    return segments
  }
}
