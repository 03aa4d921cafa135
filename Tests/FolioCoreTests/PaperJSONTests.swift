import Foundation
import XCTest

@testable import FolioCore

final class PaperJSONTests: XCTestCase {
  func testDocumentHasEveryKeyInOrderAndParses() throws {
    let paper = try XCTUnwrap(
      Paper.fromSource(
        title: "Quote \" and \\ slash", abstract: "Line", authors: ["Ann", "Bo"],
        arxivID: "2401.00001",
        day: Day("2026-11-27")!, source: "hf", upvotes: 4))
    let entry = LibraryPaper(paper: paper, state: PaperState(starredAt: Date(), note: "n"))
    let text = PaperJSON.document([entry])
    let keys = text.split(separator: "\n").filter { $0.hasPrefix("    \"") }.map {
      $0.dropFirst(5).prefix { $0 != "\"" }
    }
    XCTAssertEqual(
      keys,
      [
        "id", "arxiv_id", "title", "authors", "abstract", "day", "published", "source", "links",
        "upvotes", "categories", "comments", "keywords", "topics", "starred", "read", "note",
        "tags", "dismissed",
        "summary", "github_stars", "organization", "withdrawn",
        "citations", "influential_citations", "tldr",
      ])
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[String: Any]]
    XCTAssertEqual(parsed[0]["title"] as? String, "Quote \" and \\ slash")
    XCTAssertEqual(parsed[0]["starred"] as? Bool, true)
    XCTAssertEqual(parsed[0]["read"] as? Bool, false)
    XCTAssertTrue(parsed[0]["published"] is NSNull)
    XCTAssertTrue(parsed[0]["summary"] is NSNull, "no Hugging Face summary: null")
    XCTAssertTrue(parsed[0]["organization"] is NSNull)
    XCTAssertTrue(parsed[0]["citations"] is NSNull, "never asked Semantic Scholar: null")
    XCTAssertTrue(parsed[0]["tldr"] is NSNull)
    XCTAssertEqual(
      (parsed[0]["links"] as? [String: Any])?["abs"] as? String, "https://arxiv.org/abs/2401.00001")
  }

  func testSemanticScholarsFactsAreNullWhenUnknownNeverZero() throws {
    let paper = try XCTUnwrap(
      Paper.fromSource(title: "T", abstract: "A", day: Day("2026-11-27")!, source: "hf"))
    let asked = Date(timeIntervalSince1970: 1_795_000_000)
    func keys(_ facts: ScholarFacts?) throws -> [String: Any] {
      let text = PaperJSON.document([LibraryPaper(paper: paper, scholar: facts)])
      return try XCTUnwrap(
        (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])?.first)
    }
    let known = try keys(
      ScholarFacts(citations: 1234, influentialCitations: 0, tldr: "In short.", checkedAt: asked))
    XCTAssertEqual(known["citations"] as? Int, 1234)
    XCTAssertEqual(known["influential_citations"] as? Int, 0)
    XCTAssertEqual(known["tldr"] as? String, "In short.")
    let unknown = try keys(ScholarFacts(checkedAt: asked))
    for key in ["citations", "influential_citations", "tldr"] {
      XCTAssertTrue(unknown[key] is NSNull, "unknown to Semantic Scholar: \(key) is null")
    }
  }

  func testControlCharactersAreEscaped() {
    XCTAssertEqual(JSONValue.string("a\u{1}\nb").rendered(), "\"a\\u0001\\nb\"")
  }
}
