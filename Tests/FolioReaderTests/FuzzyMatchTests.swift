import XCTest

@testable import FolioReader

final class FuzzyMatchTests: XCTestCase {
  func testASubsequenceMatchesIgnoringCaseAndAnythingElseDoesNot() {
    XCTAssertNotNil(FuzzyMatch.score("sta", in: "star / unstar"))
    XCTAssertNotNil(FuzzyMatch.score("STAR", in: "star / unstar"))
    XCTAssertNotNil(FuzzyMatch.score("mlt", in: "more-like-this"))
    XCTAssertNil(FuzzyMatch.score("rats", in: "star"), "order matters")
    XCTAssertNil(FuzzyMatch.score("starx", in: "star"))
    XCTAssertEqual(FuzzyMatch.score("", in: "anything"), 0, "no text matches everything")
  }

  func testPrefixBeatsWordStartBeatsContiguousBeatsScattered() throws {
    let prefix = try XCTUnwrap(FuzzyMatch.score("no", in: "note"))
    let wordStart = try XCTUnwrap(FuzzyMatch.score("no", in: "edit note"))
    let inside = try XCTUnwrap(FuzzyMatch.score("no", in: "canon"))
    let scattered = try XCTUnwrap(FuzzyMatch.score("no", in: "canyon"))
    XCTAssertGreaterThan(prefix, wordStart)
    XCTAssertGreaterThan(wordStart, inside)
    XCTAssertGreaterThan(inside, scattered)
    XCTAssertGreaterThan(
      try XCTUnwrap(FuzzyMatch.score("nm", in: "next-match")),
      try XCTUnwrap(FuzzyMatch.score("nm", in: "unmet")), "word starts beat letters inside")
  }

  func testRankingKeepsTableOrderForEqualScores() {
    let candidates = [["read", "mark read / unread"], ["star", "star / unstar"], ["x", "star"]]
    XCTAssertEqual(FuzzyMatch.rank("star", candidates), [1, 2])
    XCTAssertEqual(FuzzyMatch.rank("", candidates), [0, 1, 2])
    XCTAssertEqual(FuzzyMatch.rank("zzz", candidates), [])
  }

  /// One pass over each string, and the query is capped: a huge candidate or query costs
  /// time in proportion to its length, and a query past the cap is cut, not scanned.
  func testLongInputsAreLinearAndTheQueryIsCapped() {
    let long = String(repeating: "ab", count: 500_000)
    XCTAssertNotNil(FuzzyMatch.score("ab", in: long))
    XCTAssertNil(FuzzyMatch.score("abc", in: long))
    let query = String(repeating: "a", count: FuzzyMatch.maxQueryLength) + "zzzz"
    XCTAssertNotNil(
      FuzzyMatch.score(query, in: String(repeating: "a", count: FuzzyMatch.maxQueryLength)),
      "characters past the cap are ignored")
  }
}
