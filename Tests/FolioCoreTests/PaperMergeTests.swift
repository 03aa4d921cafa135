import XCTest

@testable import FolioCore

final class PaperMergeTests: XCTestCase {
  let early = Day("2026-11-26")!
  let late = Day("2026-11-27")!

  func testArxivIDUpgradesTheStableID() throws {
    let titleOnly = try XCTUnwrap(
      Paper.fromSource(title: "Deep Nets", abstract: "A.", day: late, source: "text"))
    let withID = try XCTUnwrap(
      Paper.fromSource(
        title: "Deep Nets", abstract: "A.", arxivID: "2401.00001", day: late, source: "hf"))
    let merged = titleOnly.merging(withID)
    XCTAssertEqual(merged.id, "2401.00001")
    XCTAssertEqual(merged.arxivID, "2401.00001")
    XCTAssertEqual(merged.source, "text", "the first source is kept")
    XCTAssertEqual(merged.links.abs, "https://arxiv.org/abs/2401.00001")
  }

  func testNewerFieldsWinButMissingOnesDoNotErase() throws {
    let old = try XCTUnwrap(
      Paper.fromSource(
        title: "T", abstract: "Old.", authors: ["A"], arxivID: "2401.00001", day: early,
        source: "hf", upvotes: 3, categories: ["cs.LG"]))
    let new = try XCTUnwrap(
      Paper.fromSource(
        title: "T", abstract: "New.", arxivID: "2401.00001", day: late, source: "arxiv", upvotes: 9)
    )
    let merged = old.merging(new)
    XCTAssertEqual(merged.abstract, "New.")
    XCTAssertEqual(merged.authors, ["A"])
    XCTAssertEqual(merged.categories, ["cs.LG"])
    XCTAssertEqual(merged.upvotes, 9)
    XCTAssertEqual(merged.day, early, "the listing day is the first one")
  }

  func testMergingTheSamePaperChangesNothing() throws {
    let paper = try XCTUnwrap(
      Paper.fromSource(title: "T", abstract: "A.", day: late, source: "text"))
    XCTAssertEqual(paper.merging(paper), paper)
  }
}
