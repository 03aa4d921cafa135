import FolioStore
import Foundation
import XCTest

@testable import FolioCore
@testable import FolioReader

/// Render snapshots of For you: the view with a model (its scores and "why" line fixed here,
/// so the snapshots do not move with the learner) and the cold start on the sample library.
final class ForYouSnapshotTests: XCTestCase {
  /// The test library with a for-you model that scores the papers of a filter from 0.97 down
  /// by 0.04 in listing order, and explains every paper the same way.
  struct FixedForYou: LibraryReading {
    let store: LibraryStore

    func days() throws(StoreError) -> [Day] { try store.days() }
    func listing(_ filter: PaperFilter, from start: ListingStart, limit: Int) throws(StoreError)
      -> [ListedPaper]
    { try store.listing(filter, from: start, limit: limit) }
    func counts(_ filter: PaperFilter) throws(StoreError) -> ListCounts {
      try store.counts(filter)
    }
    func position(of id: String, in filter: PaperFilter) throws(StoreError) -> Int? {
      try store.position(of: id, in: filter)
    }
    func paper(id: String) throws(StoreError) -> LibraryPaper? { try store.paper(id: id) }
    func papers(sortKeys: [Int64]) throws(StoreError) -> [Int64: LibraryPaper] {
      try store.papers(sortKeys: sortKeys)
    }
    func similarIDs(to paper: LibraryPaper, limit: Int) throws(StoreError) -> [String] {
      try store.similarIDs(to: paper, limit: limit)
    }
    func searchTerms(startingWith prefix: String, limit: Int) throws(StoreError) -> [String]? {
      try store.searchTerms(startingWith: prefix, limit: limit)
    }
    func tagNames() throws(StoreError) -> [String] { try store.tagNames() }

    func forYouRanking(_ filter: PaperFilter, limit: Int) throws(StoreError) -> ForYouRanking? {
      let ids = try store.listing(filter, from: .position(0), limit: min(limit, 20)).map(
        \.summary.id)
      let scores = Dictionary(
        ids.enumerated().map { ($1, max(0.01, 0.97 - 0.04 * Double($0))) }
      ) { first, _ in first }
      return ForYouRanking(ids: ids, scores: scores, isExact: false)
    }

    func forYouExplanation(id: String) throws(StoreError) -> ForYouExplanation? {
      ForYouExplanation(
        score: 0.97,
        contributions: [
          ForYouContribution(feature: "language", weight: 1.2, contribution: 0.8),
          ForYouContribution(feature: "@Ada Lovelace", weight: 0.9, contribution: 0.4),
          ForYouContribution(feature: "#cs.lg", weight: 0.5, contribution: 0.2),
          ForYouContribution(feature: "protein", weight: -0.7, contribution: -0.3),
        ])
    }
  }

  func testTheForYouViewWithScoresAndTheWhyLine() throws {
    for (width, height) in [(80, 24), (120, 40), (40, 10)] {
      let library = FixedForYou(store: try makeLibrary())
      var state = ReaderState(
        store: library, settings: ReaderSettings(libraryName: "test.sqlite"),
        size: Size(width: width, height: height), now: 1000)
      _ = state.handle(.key(.character("f")), now: 1001)
      XCTAssertNotNil(state.listing.forYouView)
      XCTAssertNotNil(state.forYouWhy)
      assertSnapshot(ReaderView.render(state), named: "for-you-\(width)x\(height)")
    }
  }

  func testTheColdStartView() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.type("f")
    XCTAssertEqual(harness.state.listing.forYouView?.isColdStart, true)
    assertSnapshot(harness.grid, named: "for-you-cold-start-80x24")
  }
}
