import Foundation

/// The reader's taste as a linear model over ``ForYouFeatures``: learnt from their signals on
/// this machine, kept in the library, scoring any paper from its document alone (no lookups),
/// and explainable feature by feature.
public struct ForYouModel: Hashable, Sendable {
  /// The most features a model keeps (the heaviest by absolute weight): bounds its size in
  /// the library (about 1.5 MB) and the time to load it.
  public static let featureCap = 50_000
  /// Positive signals (star, note, tag) needed before the model ranks anything: below this
  /// the views fall back to topics and upvotes (the cold start).
  public static let minimumPositives = 3

  /// Weight of each feature.
  public let weights: [String: Double]
  /// Inverse document frequency of each feature, as the library said when the model learnt.
  public let idf: [String: Double]
  /// The IDF of a feature the model does not know (for a document's length only).
  public let defaultIDF: Double
  public internal(set) var bias: Double
  /// Signals learnt from.
  public internal(set) var positives: Int
  public internal(set) var negatives: Int
  /// Each feature's weight and IDF by the hash of its key (``ForYouFeatures/hash(_:)``), so
  /// scoring looks a feature up once and builds no strings.
  let table: [UInt64: Entry]

  struct Entry: Hashable, Sendable {
    var weight: Double
    var idf: Double
  }

  init(
    weights: [String: Double], idf: [String: Double], defaultIDF: Double, bias: Double,
    positives: Int, negatives: Int
  ) {
    self.weights = weights
    self.idf = idf
    self.defaultIDF = defaultIDF
    self.bias = bias
    self.positives = positives
    self.negatives = negatives
    var table: [UInt64: Entry] = [:]
    table.reserveCapacity(weights.count)
    for (key, weight) in weights {
      table[ForYouFeatures.hash(key)] = Entry(weight: weight, idf: idf[key] ?? defaultIDF)
    }
    self.table = table
  }

  /// A model whose lookup table is built already (training knows each feature's hash).
  init(
    weights: [String: Double], idf: [String: Double], defaultIDF: Double, bias: Double,
    positives: Int, negatives: Int, table: [UInt64: Entry]
  ) {
    self.weights = weights
    self.idf = idf
    self.defaultIDF = defaultIDF
    self.bias = bias
    self.positives = positives
    self.negatives = negatives
    self.table = table
  }

  /// The document's feature vector: `(1 + ln count) · idf`, L2-normalised.
  public func vector(_ document: RecommendDocument) -> [String: Double] {
    Self.vector(ForYouFeatures.counts(document)) { idf[$0] ?? defaultIDF }
  }

  static func vector(
    _ counts: [String: Double], idf: (String) -> Double
  ) -> [String: Double] {
    var vector: [String: Double] = [:]
    vector.reserveCapacity(counts.count)
    var norm = 0.0
    for (key, count) in counts {
      let value = (1 + log(max(count, 1))) * idf(key)
      vector[key] = value
      norm += value * value
    }
    guard norm > 0 else { return vector }
    let scale = 1 / norm.squareRoot()
    for key in vector.keys { vector[key]! *= scale }
    return vector
  }

  /// The for-you score of `document`, between 0 and 1 (higher: more likely wanted).
  public func score(_ document: RecommendDocument) -> Double {
    // The dot product with the normalised vector, in one pass and without building it: the
    // weight times the raw value, divided by the norm at the end.
    var dot = 0.0
    var norm = 0.0
    for (key, count) in ForYouFeatures.hashedCounts(document) {
      let entry = table[key]
      let value = (1 + log(max(count, 1))) * (entry?.idf ?? defaultIDF)
      norm += value * value
      if let entry { dot += entry.weight * value }
    }
    let margin = bias + (norm > 0 ? dot / norm.squareRoot() : 0)
    return 1 / (1 + exp(-margin))
  }

  /// The features of `document` that moved its score most, heaviest first: up to `limit`
  /// raising it and up to `limit` lowering it.
  public func explain(_ document: RecommendDocument, limit: Int = 5) -> [ForYouContribution] {
    var contributions: [ForYouContribution] = []
    for (key, value) in vector(document) {
      guard let weight = weights[key], weight != 0 else { continue }
      contributions.append(
        ForYouContribution(feature: key, weight: weight, contribution: weight * value))
    }
    let sorted = contributions.sorted {
      $0.contribution != $1.contribution
        ? $0.contribution > $1.contribution : $0.feature < $1.feature
    }
    let up = sorted.filter { $0.contribution > 0 }.prefix(limit)
    let down = sorted.reversed().filter { $0.contribution < 0 }.prefix(limit)
    return Array(up) + Array(down)
  }

  /// The `limit` words with the largest positive weights, heaviest first: the full-text
  /// queries that find candidates in a large library.
  public func candidateTerms(limit: Int) -> [String] {
    candidateTerms(limit: limit, maximumShare: 1)
  }

  /// ``candidateTerms(limit:)`` leaving out words in more than `maximumShare` of the
  /// library's papers (by the IDF learnt with them): a word most papers hold selects nothing,
  /// and searching for it reads its whole posting list.
  public func candidateTerms(limit: Int, maximumShare: Double) -> [String] {
    // idf = ln((N + 1) / (df + 1)) + 1, so the share df / N is about e^(1 - idf).
    let minimumIDF = maximumShare >= 1 ? -Double.infinity : 1 - log(max(maximumShare, 1e-12))
    return weights.filter {
      $0.value > 0 && ForYouFeatures.isWord(key: $0.key)
        && (idf[$0.key] ?? defaultIDF) >= minimumIDF
    }
    .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    .prefix(limit).map(\.key)
  }
}

/// One feature's part in a score.
public struct ForYouContribution: Hashable, Sendable {
  /// The feature's key (see ``ForYouFeatures``); ``label`` is how it reads.
  public var feature: String
  /// The model's weight of the feature.
  public var weight: Double
  /// Weight times the feature's value in this document: what it added to the margin.
  public var contribution: Double

  public var label: String { ForYouFeatures.label(feature) }
}
