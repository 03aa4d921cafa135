import Foundation

/// Finds the links an abstract mentions in its text.
///
/// Abstracts end sentences right after URLs (`https://github.com/x/y.`), wrap them in
/// parentheses, or carry LaTeX `\href{a}{b}` leftovers (`https://a}{https://b`); all of that is
/// trimmed away.
public enum LinkExtractor {
  /// Every http(s) URL in `text`, in order, cleaned of trailing punctuation.
  public static func urls(in text: String) -> [String] {
    var found: [String] = []
    var rest = Substring(text)
    while let start = firstScheme(in: rest) {
      let candidate = rest[start...].prefix {
        !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\""
      }
      rest = rest[candidate.endIndex...]
      for (index, piece) in candidate.components(separatedBy: "}{").enumerated() {
        // After `}{` comes the link text of an `\href`: a link only when it is a URL itself.
        let piece = Substring(piece)
        guard index == 0 || startsWith(piece.utf8, "https://") || startsWith(piece.utf8, "http://")
        else { continue }
        if let url = trim(piece) { found.append(url) }
      }
    }
    return found
  }

  /// The links in `text`, classified: arXiv abs/pdf, the first GitHub repository, the first other
  /// page as the project page.
  public static func links(in text: String) -> PaperLinks {
    var links = PaperLinks()
    for url in urls(in: text) {
      let lowered = url.lowercased()
      let host = hostAndPath(lowered)
      if host.hasPrefix("arxiv.org/abs/") {
        if links.abs == nil, let id = ArxivID.normalize(url) {
          links.abs = "https://arxiv.org/abs/\(id)"
        }
      } else if host.hasPrefix("arxiv.org/pdf/") {
        if links.pdf == nil, let id = ArxivID.normalize(url) {
          links.pdf = "https://arxiv.org/pdf/\(id)"
        }
      } else if host.hasPrefix("github.com/") {
        // A repository has an owner and a name; `https://github.com/` alone is no link to code.
        let parts = host.split(separator: "/")
        if links.github == nil, parts.count >= 3 { links.github = url }
      } else if links.project == nil, host.contains(".") {
        links.project = url
      }
    }
    return links
  }

  /// Where the first `http://` or `https://` (any case) in `text` starts. Scans bytes, not
  /// characters: every abstract of an import goes through here.
  private static func firstScheme(in text: Substring) -> Substring.Index? {
    let bytes = text.utf8
    var index = bytes.startIndex
    while let h = bytes[index...].firstIndex(where: { $0 | 0x20 == UInt8(ascii: "h") }) {
      let tail = bytes[h...]
      if startsWith(tail, "https://") || startsWith(tail, "http://") { return h }
      index = bytes.index(after: h)
    }
    return nil
  }

  /// Whether `bytes` starts with `prefix`, ignoring the case of ASCII letters.
  private static func startsWith(_ bytes: Substring.UTF8View, _ prefix: StaticString) -> Bool {
    var index = bytes.startIndex
    for offset in 0..<prefix.utf8CodeUnitCount {
      guard index < bytes.endIndex else { return false }
      let expected = prefix.utf8Start[offset]
      let byte = bytes[index]
      let isLetter = (0x61...0x7A).contains(expected)
      guard (isLetter ? byte | 0x20 : byte) == expected else { return false }
      index = bytes.index(after: index)
    }
    return true
  }

  private static func hostAndPath(_ url: String) -> Substring {
    var rest = Substring(url)
    for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) {
      rest = rest.dropFirst(scheme.count)
    }
    if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
    return rest
  }

  /// Drops sentence punctuation and unbalanced closing brackets from the end. Nil when nothing
  /// but a scheme is left.
  ///
  /// One pass to count the brackets, one backwards over what is dropped: a URL followed by
  /// thousands of `)` must not be recounted per bracket (that was quadratic, issue 15 #9).
  private static func trim(_ candidate: Substring) -> String? {
    var opens = (round: 0, square: 0)
    var closes = (round: 0, square: 0)
    for character in candidate {
      switch character {
      case "(": opens.round += 1
      case ")": closes.round += 1
      case "[": opens.square += 1
      case "]": closes.square += 1
      default: break
      }
    }
    // `index(before:)`, not `dropLast()`: on a Substring that one measures the whole string.
    var end = candidate.endIndex
    trimming: while end > candidate.startIndex {
      let before = candidate.index(before: end)
      switch candidate[before] {
      case let last where ".,;:!?'*}".contains(last): break
      case ")" where opens.round < closes.round: closes.round -= 1
      case "]" where opens.square < closes.square: closes.square -= 1
      default: break trimming
      }
      end = before
    }
    let url = candidate[..<end]
    let host = hostAndPath(String(url))
    guard !host.isEmpty, host.first != "/" else { return nil }
    return String(url)
  }
}
