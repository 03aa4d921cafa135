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

  func testTheFirstImportsListingDayStaysEvenWhenALaterOneIsEarlier() throws {
    // An arXiv feed after Hugging Face moved the paper to its first version's day.
    let featured = try XCTUnwrap(
      Paper.fromSource(title: "T", abstract: "A.", arxivID: "2411.01234", day: late, source: "hf"))
    let feed = try XCTUnwrap(
      Paper.fromSource(
        title: "T", abstract: "A.", arxivID: "2411.01234", day: early, source: "arxiv"))
    XCTAssertEqual(featured.merging(feed).day, late)
    XCTAssertEqual(feed.merging(featured).day, early)
  }

  func testAnOlderCopyFillsInButRollsNothingBack() throws {
    let newer = try XCTUnwrap(
      Paper.fromSource(
        title: "Fixed Title", abstract: "Fixed.", arxivID: "2411.01234", day: late, source: "hf",
        upvotes: 99, commentCount: 5, revised: late))
    let older = try XCTUnwrap(
      Paper.fromSource(
        title: "Typo Title", abstract: "Typo.", authors: ["Ada"], arxivID: "2411.01234",
        day: early, source: "hf", links: PaperLinks(github: "https://github.com/a/b"), upvotes: 42,
        commentCount: 7, keywords: ["k"], revised: early))
    let merged = newer.merging(older)
    XCTAssertEqual(merged.title, "Fixed Title")
    XCTAssertEqual(merged.abstract, "Fixed.")
    XCTAssertEqual(merged.upvotes, 99, "counts only grow")
    XCTAssertEqual(merged.commentCount, 7, "the larger count, whichever copy has it")
    XCTAssertEqual(merged.authors, ["Ada"], "what the newer copy lacks is filled in")
    XCTAssertEqual(merged.keywords, ["k"])
    XCTAssertEqual(merged.links.github, "https://github.com/a/b")
    XCTAssertEqual(merged.revised, late)
    // The other way round, the newer copy wins where it says something.
    let forward = older.merging(newer)
    XCTAssertEqual(forward.title, "Fixed Title")
    XCTAssertEqual(forward.upvotes, 99)
    XCTAssertEqual(forward.commentCount, 7)
    XCTAssertEqual(forward.authors, ["Ada"])
    XCTAssertEqual(forward.revised, late)
  }

  func testUndatedAndSameDayCopiesWinByImportOrderButCountsOnlyGrow() throws {
    let first = try XCTUnwrap(
      Paper.fromSource(
        title: "T", abstract: "First.", day: late, source: "text", upvotes: 10, revised: late))
    let undated = try XCTUnwrap(
      Paper.fromSource(title: "T", abstract: "Second.", day: late, source: "text", upvotes: 3))
    let merged = first.merging(undated)
    XCTAssertEqual(merged.abstract, "Second.")
    XCTAssertEqual(merged.upvotes, 10)
    XCTAssertEqual(merged.revised, late)
  }

  func testMergingTheSamePaperChangesNothing() throws {
    let paper = try XCTUnwrap(
      Paper.fromSource(title: "T", abstract: "A.", day: late, source: "text"))
    XCTAssertEqual(paper.merging(paper), paper)
  }
}
