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
    token.count >= 3 && !token.allSatisfy(\.isNumber) && !stopwords.contains(token)
  }

  /// Function words and the boilerplate of abstracts, which say nothing about a topic.
  static let stopwords: Set<String> = [
    "the", "and", "for", "with", "that", "this", "these", "those", "from", "into", "onto", "over",
    "are", "was", "were", "been", "being", "has", "have", "had", "its", "our", "their", "they",
    "which", "who", "whom", "can", "could", "may", "might", "will", "would", "should", "also",
    "such", "than", "then", "more", "most", "both", "each", "other", "some", "any", "all", "not",
    "but", "via", "while", "when", "where", "how", "what", "why", "between", "through", "under",
    "upon", "about", "above", "after", "before", "during", "without", "within", "across", "among",
    "however", "thus", "therefore", "moreover", "furthermore", "here", "there", "very", "well",
    "only", "even", "further", "often", "many", "much", "several", "various", "new", "novel",
    "paper", "propose", "proposed", "proposes", "present", "presents", "show", "shows", "shown",
    "demonstrate", "demonstrates", "method", "methods", "approach", "approaches", "results",
    "result", "based", "using", "use", "used", "uses", "work", "works", "state", "art",
    "existing", "different", "first", "one", "two", "three", "significantly", "significant",
    "performance", "improve", "improves", "improved", "achieve", "achieves", "code", "available",
    "https", "http", "github", "com", "www", "experiments", "experimental", "extensive",
    "framework", "task", "tasks", "problem", "problems", "effective", "effectively", "recent",
    "recently", "study", "studies", "large", "high", "low", "data", "learning", "model", "models",
  ]
}
