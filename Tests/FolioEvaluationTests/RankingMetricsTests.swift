import FolioEvaluation
import Foundation
import XCTest

final class RankingMetricsTests: XCTestCase {
  func testPrecisionCountsRelevantPapersInTheFirstTen() {
    let ranking = Array(0..<20)
    XCTAssertEqual(RankingMetrics.precision(ranking, relevant: [0, 3, 15]), 0.2, accuracy: 1e-12)
    XCTAssertEqual(RankingMetrics.precision(ranking, relevant: []), 0)
    // A short ranking cannot score higher: missing places are not relevant.
    XCTAssertEqual(RankingMetrics.precision([1, 2], relevant: [1, 2]), 0.2, accuracy: 1e-12)
  }

  func testNDCGOfHandMadeRankings() {
    // Relevant at places 1 and 3 of 2 relevant: (1 + 1/log2(4)) / (1 + 1/log2(3)).
    let expected = (1 + 1 / 2.0) / (1 + 1 / log2(3.0))
    XCTAssertEqual(
      RankingMetrics.ndcg([7, 8, 9, 10], relevant: [7, 9]), expected, accuracy: 1e-12)
    XCTAssertEqual(RankingMetrics.ndcg([7, 9, 8], relevant: [7, 9]), 1, accuracy: 1e-12)
    XCTAssertEqual(RankingMetrics.ndcg([1, 2, 3], relevant: [4]), 0)
    XCTAssertEqual(RankingMetrics.ndcg([1, 2, 3], relevant: []), 0)
    // Only the first ten places count; the ideal has min(10, relevant) papers first.
    let late = Array(0..<20)
    XCTAssertEqual(RankingMetrics.ndcg(late, relevant: [12]), 0)
    XCTAssertEqual(RankingMetrics.ndcg(late, relevant: Set(0..<15)), 1, accuracy: 1e-12)
  }
}
