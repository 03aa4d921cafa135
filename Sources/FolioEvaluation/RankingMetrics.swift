import Foundation

/// The two measures of a ranking the evaluation reports, with binary relevance (a paper is in
/// the reader's interest or not).
public enum RankingMetrics {
  /// The share of the first `cutoff` ranked papers that are relevant (missing places count as
  /// not relevant, so a short ranking cannot score higher).
  public static func precision(
    _ ranking: [Int], relevant: Set<Int>, cutoff: Int = 10
  ) -> Double {
    guard cutoff > 0 else { return 0 }
    let hits = ranking.prefix(cutoff).filter(relevant.contains).count
    return Double(hits) / Double(cutoff)
  }

  /// Normalised discounted cumulative gain at `cutoff`: the gain `1 / log2(rank + 1)` of each
  /// relevant paper in the first `cutoff` places, over the gain of the best possible ranking
  /// (all relevant papers first). 0 when nothing is relevant.
  public static func ndcg(_ ranking: [Int], relevant: Set<Int>, cutoff: Int = 10) -> Double {
    var gain = 0.0
    for (place, item) in ranking.prefix(cutoff).enumerated() where relevant.contains(item) {
      gain += 1 / log2(Double(place) + 2)
    }
    var ideal = 0.0
    for place in 0..<min(cutoff, relevant.count) { ideal += 1 / log2(Double(place) + 2) }
    return ideal > 0 ? gain / ideal : 0
  }
}
