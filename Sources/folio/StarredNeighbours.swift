import FolioCore
import FolioStore
import Foundation

/// The starred papers most like one paper, for `folio why`: cosine similarity of their
/// TF-IDF vectors over the for-you model's words and author names (categories and keywords
/// are left out: shared by too many papers to say "like this one").
enum StarredNeighbours {
  /// How many `why` shows.
  static let shown = 3
  /// The most starred papers compared (the most recently listed): bounds the work and the
  /// document-frequency lookups whatever the number of stars.
  static let starredCap = 1_000

  /// Up to `limit` starred papers most like `entry`, most similar first, each with its
  /// similarity (0…1); not `entry` itself, and none that shares nothing with it.
  static func papers(
    like entry: LibraryPaper, in store: LibraryStore, limit: Int
  ) throws -> [(paper: LibraryPaper, similarity: Double)] {
    let starred = try store.papers(PaperFilter(state: .starred), limit: starredCap)
      .filter { $0.paper.id != entry.paper.id }
    guard !starred.isEmpty, limit > 0 else { return [] }
    let documents = ([entry] + starred).map { counts(of: $0) }
    var words = Set<String>()
    for document in documents {
      for key in document.keys where ForYouFeatures.isWord(key: key) { words.insert(key) }
    }
    let frequencies = DocumentFrequencies(
      documentCount: try store.count(), counts: try store.documentFrequencies(Array(words)))
    let vectors = documents.map { vector($0, idf: frequencies.idf) }
    let target = vectors[0]
    var scored: [(paper: LibraryPaper, similarity: Double)] = []
    for (paper, vector) in zip(starred, vectors.dropFirst()) {
      var dot = 0.0
      for (key, value) in target { dot += value * (vector[key] ?? 0) }
      if dot > 0 { scored.append((paper, dot)) }
    }
    return Array(
      scored.sorted {
        $0.similarity != $1.similarity
          ? $0.similarity > $1.similarity : $0.paper.paper.id < $1.paper.paper.id
      }.prefix(limit))
  }

  /// The paper's words and author names with their raw weights (``ForYouFeatures``).
  static func counts(of entry: LibraryPaper) -> [String: Double] {
    ForYouFeatures.counts(RecommendDocument(entry.paper)).filter {
      ForYouFeatures.isWord(key: $0.key) || $0.key.hasPrefix("@")
    }
  }

  /// `(1 + ln count) · idf`, L2-normalised, as the model weighs features.
  static func vector(_ counts: [String: Double], idf: (String) -> Double) -> [String: Double] {
    var vector: [String: Double] = [:]
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
}
