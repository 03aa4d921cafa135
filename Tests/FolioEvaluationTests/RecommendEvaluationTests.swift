import FolioCore
import FolioEvaluation
import Foundation
import XCTest

final class RecommendEvaluationTests: XCTestCase {
  func testSimulatedReaderFollowsTheRules() {
    let interesting = Set(stride(from: 0, to: 100, by: 5))
    let reader = SimulatedReader(
      count: 100, interesting: interesting, stars: 30, splitSeed: 3, readerSeed: 4)
    let training = reader.starred + reader.dismissed + reader.skipped + reader.unlabelled
    XCTAssertEqual(training.count + reader.test.count, 100)
    XCTAssertTrue(Set(training).isDisjoint(with: reader.test))
    XCTAssertTrue(reader.starred.allSatisfy(interesting.contains))
    // Fewer interesting training papers than asked: all of them are starred.
    XCTAssertEqual(reader.starred.count, training.filter(interesting.contains).count)
    XCTAssertTrue((reader.dismissed + reader.skipped).allSatisfy { !interesting.contains($0) })
    XCTAssertEqual(reader.dismissed.count, SimulatedReader.dismissals)
    XCTAssertEqual(reader.skipped.count, SimulatedReader.skips)
    XCTAssertEqual(reader.relevant, Set(reader.test.filter(interesting.contains)))
  }

  func testInterestsAreSizeableClustersOfTheSample() throws {
    let papers = try RecommendEvaluation.samplePapers()
    XCTAssertEqual(papers.count, 284)
    for interest in ReaderInterest.sample {
      let size = papers.filter { interest.contains(title: $0.title) }.count
      XCTAssertTrue((10...40).contains(size), "\(interest.name): \(size)")
    }
  }

  func testTheEvaluationIsDeterministicForASeed() throws {
    let papers = try RecommendEvaluation.samplePapers()
    let first = try RecommendEvaluation(papers: papers).run(seeds: [9], stars: [3])
    let second = try RecommendEvaluation(papers: papers).run(seeds: [9], stars: [3])
    XCTAssertEqual(first.markdown(), second.markdown())
    XCTAssertEqual(first.cells[.forYou]?[3], second.cells[.forYou]?[3])
    XCTAssertEqual(Set(first.cells.keys), Set(Ranker.allCases))
    let listing = try XCTUnwrap(first.cells[.listing]?[3])
    XCTAssertTrue((0...1).contains(listing.precision) && (0...1).contains(listing.ndcg))
  }
}
