import Foundation

/// scikit-learn's `TfidfVectorizer` as arxiv-sanity-lite configures it (`compute.py`):
/// accents stripped, lowercased, tokens `\b[a-zA-Z_][a-zA-Z0-9_]+\b`, English stop words
/// removed, then unigrams and bigrams; terms kept when in at least `minDF` documents and at
/// most `maxDF` of them, the `maxFeatures` most frequent over the corpus; `1 + ln tf`
/// (sublinear), times the smoothed IDF `ln((1 + n) / (1 + df)) + 1`, L2-normalised.
public struct TfidfVectorizer: Sendable {
  /// The settings; the defaults are arxiv-sanity-lite's.
  public struct Settings: Hashable, Sendable {
    public var minDF = 5
    public var maxDF = 0.1
    public var maxFeatures = 20_000
    public init(minDF: Int = 5, maxDF: Double = 0.1, maxFeatures: Int = 20_000) {
      self.minDF = minDF
      self.maxDF = maxDF
      self.maxFeatures = maxFeatures
    }
  }

  /// Each kept term's column.
  public private(set) var vocabulary: [String: Int]
  /// Each column's IDF.
  public private(set) var idf: [Double]

  /// Learns the vocabulary and IDF from `documents`.
  public init(fitting documents: [String], settings: Settings = Settings()) {
    let analysed = documents.map(Self.terms)
    var frequency: [String: Int] = [:]
    var total: [String: Int] = [:]
    for terms in analysed {
      for term in terms { total[term, default: 0] += 1 }
      for term in Set(terms) { frequency[term, default: 0] += 1 }
    }
    let most = settings.maxDF * Double(documents.count)
    var kept = frequency.filter { Double($0.value) <= most && $0.value >= settings.minDF }
      .map(\.key)
    if kept.count > settings.maxFeatures {
      kept = Array(
        kept.sorted { total[$0]! != total[$1]! ? total[$0]! > total[$1]! : $0 < $1 }
          .prefix(settings.maxFeatures))
    }
    kept.sort()
    vocabulary = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
    let count = Double(documents.count)
    idf = kept.map { log((1 + count) / (1 + Double(frequency[$0]!))) + 1 }
  }

  /// The TF-IDF vector of `document` as sparse columns, L2-normalised.
  public func transform(_ document: String) -> LinearSVM.Row {
    var counts: [Int: Double] = [:]
    for term in Self.terms(document) {
      if let column = vocabulary[term] { counts[column, default: 0] += 1 }
    }
    var row = counts.map { (index: $0.key, value: (1 + log($0.value)) * idf[$0.key]) }
    let norm = row.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
    if norm > 0 { row = row.map { (index: $0.index, value: $0.value / norm) } }
    return row.sorted { $0.index < $1.index }
  }

  /// The unigrams and bigrams of `text`, stop words dropped before the bigrams are formed (as
  /// scikit-learn does).
  public static func terms(_ text: String) -> [String] {
    let words = tokens(text).filter { !SklearnStopWords.english.contains($0) }
    var terms = words
    if words.count > 1 {
      for index in 1..<words.count { terms.append(words[index - 1] + " " + words[index]) }
    }
    return terms
  }

  /// The tokens of `text` by arxiv-sanity-lite's pattern: maximal runs of word characters
  /// that are ASCII letters, digits or underscores, start with a letter or underscore and are
  /// two characters or more (a run holding any other word character cannot match between
  /// `\b`s).
  static func tokens(_ text: String) -> [String] {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased()
    var tokens: [String] = []
    var current = ""
    var valid = true
    func flush() {
      if valid, current.unicodeScalars.count >= 2,
        let first = current.unicodeScalars.first, !("0"..."9").contains(first)
      {
        tokens.append(current)
      }
      current = ""
      valid = true
    }
    for scalar in folded.unicodeScalars {
      let isWord =
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
      guard isWord else {
        if !current.isEmpty || !valid { flush() }
        continue
      }
      if !(scalar.isASCII) { valid = false }
      current.unicodeScalars.append(scalar)
    }
    flush()
    return tokens
  }
}
