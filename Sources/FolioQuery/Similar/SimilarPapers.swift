import FolioCore
import FolioStore
import Foundation

/// "More like this": papers that share a paper's most distinctive words.
///
/// The paper's words are weighted by TF-IDF (title words count three times; document
/// frequencies come from the full-text index's vocabulary), the dozen heaviest are ORed into
/// one FTS5 query, and its matches are ranked by BM25. Ranking by the index's own BM25 keeps
/// this a single indexed query at any library size.
public enum SimilarPapers {
  /// How many distinctive words make the query.
  public static let termCount = 12

  /// Ids of the papers most similar to `entry`, best first, not including it.
  public static func ids(
    similarTo entry: LibraryPaper, in store: LibraryStore, limit: Int
  ) throws(StoreError) -> [String] {
    let paper = entry.paper
    let titleTokens = SearchTokenizer.tokens(paper.title)
    let abstractTokens = SearchTokenizer.tokens(paper.abstract)
    let candidates = Set((titleTokens + abstractTokens).filter(isCandidate))
    guard !candidates.isEmpty else { return [] }
    let frequencies = try store.documentFrequencies(Array(candidates))
    let total = max(1, try store.count())
    let terms = distinctiveTerms(
      title: titleTokens, abstract: abstractTokens, frequencies: frequencies, total: total)
    guard !terms.isEmpty else { return [] }
    let expression = terms.map { "\"\($0)\"" }.joined(separator: " OR ")
    return try store.bestMatches(expression, excluding: paper.id, limit: limit)
  }

  /// The `termCount` words with the highest TF-IDF, most distinctive first. Words found in no
  /// other paper are skipped: they cannot lead anywhere.
  static func distinctiveTerms(
    title: [String], abstract: [String], frequencies: [String: Int], total: Int
  ) -> [String] {
    var weights: [String: Double] = [:]
    for token in title where isCandidate(token) { weights[token, default: 0] += 3 }
    for token in abstract where isCandidate(token) { weights[token, default: 0] += 1 }
    var scored: [(String, Double)] = []
    for (term, frequency) in weights {
      guard let documents = frequencies[term], documents >= 2 else { continue }
      scored.append((term, frequency * log(Double(total) / Double(documents))))
    }
    return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(termCount).map(\.0)
  }

  static func isCandidate(_ token: String) -> Bool {
    token.count >= 3 && !token.allSatisfy(\.isNumber) && !StopWords.english.contains(token)
  }
}
