import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

final class SimilarPapersTests: XCTestCase {
  func testPapersLikeOmniScaleReIDAreMostlyReIDPapers() throws {
    let store = try QueryEquivalenceTests.store.get()
    let omni = try XCTUnwrap(
      try store.papers().first {
        $0.paper.title == "Omni-Scale Feature Learning for Person Re-Identification"
      })
    let similar = try SimilarPapers.ids(similarTo: omni, in: store, limit: 10)
    XCTAssertEqual(similar.count, 10)
    XCTAssertFalse(similar.contains(omni.id))
    let reID = try similar.filter { id in
      let paper = try XCTUnwrap(try store.paper(id: id)).paper
      let text = (paper.title + " " + paper.abstract).lowercased()
      return text.contains("re-identification") || text.contains("reid") || text.contains("re-id")
        || text.contains("person retrieval") || text.contains("person search")
    }
    XCTAssertGreaterThanOrEqual(reID.count, 8, "re-ID among the top 10: \(reID.count)")
  }

  func testDistinctiveTermsPreferRareTitleWords() {
    let terms = SimilarPapers.distinctiveTerms(
      title: ["person", "reid"], abstract: ["the", "person", "common", "rare", "unique"],
      frequencies: ["person": 10, "reid": 5, "common": 250, "rare": 3], total: 284)
    // person: (3 + 1) * ln(284/10) = 13.4; reid: 3 * ln(284/5) = 12.1; rare: ln(284/3) = 4.6;
    // common: ln(284/250) = 0.1. "unique" is in no other paper, "the" a stopword.
    XCTAssertEqual(terms, ["person", "reid", "rare", "common"])
  }
}
