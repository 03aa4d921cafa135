import Foundation

/// The features of a document: a word of the title or abstract (its folded search token, as
/// the full-text index spells it, so candidate papers can be found through the index), a whole
/// author name (`@ada lovelace`), an arXiv category (`#cs.lg`) or a Hugging Face keyword
/// (`~world model`).
public enum ForYouFeatures {
  /// How many times a title word counts against a word of the abstract (5 edged out 2 and 3 on
  /// the evaluation's tuning seeds: a title names the topic, an abstract wanders).
  public static let titleWeight = 5.0

  /// Each feature of `document` with its raw weight: occurrences for words (title words
  /// counting ``titleWeight``), 1 for names, categories and keywords.
  public static func counts(_ document: RecommendDocument) -> [String: Double] {
    var counts: [String: Double] = [:]
    counts.reserveCapacity(128)
    for token in SearchTokenizer.tokens(document.title) where isWord(token) {
      counts[token, default: 0] += titleWeight
    }
    for token in SearchTokenizer.tokens(document.abstract) where isWord(token) {
      counts[token, default: 0] += 1
    }
    for author in document.authors { if let key = authorKey(author) { counts[key] = 1 } }
    for category in document.categories where !category.isEmpty {
      counts["#" + category.lowercased()] = 1
    }
    for keyword in document.keywords where !keyword.isEmpty {
      counts["~" + keyword.lowercased()] = 1
    }
    return counts
  }

  /// The feature keys of `document`, for looking up their document frequencies.
  public static func keys(_ document: RecommendDocument) -> Set<String> {
    Set(counts(document).keys)
  }

  /// Whether `key` is a word (and so can be searched for in the full-text index).
  public static func isWord(key: String) -> Bool {
    guard let first = key.unicodeScalars.first else { return false }
    return first != "@" && first != "#" && first != "~"
  }

  /// A word worth a feature: three letters or more, not only digits, not a stop word.
  static func isWord(_ token: String) -> Bool {
    let utf8 = token.utf8
    guard utf8.count >= 3 else { return false }
    // Bytes first: this runs for every word of every paper scored.
    if utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return false }
    if !utf8.allSatisfy({ $0 < 0x80 }), token.allSatisfy(\.isNumber) { return false }
    return !StopWords.english.contains(token)
  }

  /// `@` and the name's folded tokens joined by single spaces; nil for a name with none.
  static func authorKey(_ name: String) -> String? {
    let tokens = SearchTokenizer.tokens(name)
    return tokens.isEmpty ? nil : "@" + tokens.joined(separator: " ")
  }

  /// How a feature reads in an explanation: the word itself, the author's name, `cat:cs.lg`,
  /// `kw:world model`.
  public static func label(_ key: String) -> String {
    switch key.unicodeScalars.first {
    case "@": String(key.dropFirst())
    case "#": "cat:" + key.dropFirst()
    case "~": "kw:" + key.dropFirst()
    default: key
    }
  }
}

/// How many papers of the library hold each feature, for inverse document frequencies.
public struct DocumentFrequencies: Sendable {
  /// Papers in the library.
  public var documentCount: Int
  /// Papers holding each feature; a feature missing here is taken to be in one paper.
  public var counts: [String: Int]

  public init(documentCount: Int, counts: [String: Int]) {
    self.documentCount = documentCount
    self.counts = counts
  }

  /// Smoothed inverse document frequency: `ln((N + 1) / (df + 1)) + 1`.
  public func idf(_ key: String) -> Double {
    Self.idf(documents: documentCount, frequency: counts[key] ?? 1)
  }

  static func idf(documents: Int, frequency: Int) -> Double {
    log(Double(max(documents, 1) + 1) / Double(max(frequency, 1) + 1)) + 1
  }
}
