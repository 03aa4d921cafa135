import Foundation
import XCTest

@testable import FolioCore

/// What Hugging Face's daily_papers entries carry beyond the bibliographic fields (issue 18):
/// read from the recorded payload, cleaned, capped and merged.
final class HuggingFaceDetailsTests: XCTestCase {
  func papers() throws -> [Paper] {
    let data = try Data(
      contentsOf: SourceImporterTests.fixtures.appendingPathComponent("hf-daily.json"))
    var sink = RecordingSink()
    let context = ImportContext(file: "f", day: Day("2026-11-27")!, source: "hf")
    try HuggingFaceImporter().read(data, context: context, into: &sink)
    return sink.added
  }

  func testEveryFieldOfTheDailyEntryIsRead() throws {
    let scicode = try papers()[0]
    let details = scicode.huggingFace
    XCTAssertEqual(details.summary, "An AI summary.")
    XCTAssertEqual(details.githubStars, 80)
    XCTAssertEqual(
      details.organization, PaperOrganization(name: "scicode-bench", fullName: "SciCode Bench"))
    XCTAssertEqual(details.submittedBy, "akhaliq")
    XCTAssertFalse(details.isWithdrawn)
    XCTAssertEqual(scicode.links.hf, "https://huggingface.co/papers/2407.13168")
    XCTAssertEqual(scicode.keywords, ["code generation", "benchmark"])
    XCTAssertEqual(scicode.commentCount, 3)
  }

  func testHostileDetailsAreInertAndBounded() throws {
    let hostile = try papers()[1]
    let details = hostile.huggingFace
    XCTAssertTrue(details.isWithdrawn)
    XCTAssertEqual(details.githubStars, ClampedCount.max, "a huge count is clamped")
    XCTAssertEqual(details.organization?.name, "Only Full Name", "the full name stands in")
    XCTAssertEqual(details.summary, "Summary with bidi and a newline.")
    XCTAssertEqual(hostile.keywords, ["ok", "bad"], "empty and non-string keywords dropped")
    for text in [details.summary!, details.organization!.name] + hostile.keywords {
      XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
    }
  }

  func testMissingFieldsLeaveDetailsEmpty() throws {
    let minimal = try papers()[2]
    XCTAssertEqual(minimal.huggingFace, HuggingFaceDetails())
    XCTAssertEqual(minimal.links.hf, "https://huggingface.co/papers/2407.11111")
  }

  func testSummaryAndKeywordsAreCapped() {
    let paper = Paper.fromSource(
      title: "T", abstract: "",
      day: Day("2026-11-27")!, source: "hf",
      keywords: (0..<100).map { "k\($0)" } + [String(repeating: "w", count: 500)],
      huggingFace: HuggingFaceDetails(
        summary: String(repeating: "s", count: 10_000),
        organization: PaperOrganization(name: String(repeating: "o", count: 1_000))))!
    XCTAssertEqual(paper.keywords.count, Paper.keywordLimit)
    XCTAssertEqual(
      paper.huggingFace.summary?.unicodeScalars.count,
      HuggingFaceDetails.summaryScalarLimit + 1, "cut, with an ellipsis")
    XCTAssertTrue(paper.huggingFace.summary!.hasSuffix("…"))
    XCTAssertEqual(
      paper.huggingFace.organization?.name.unicodeScalars.count,
      HuggingFaceDetails.nameScalarLimit + 1)
    let long = Paper.fromSource(
      title: "T", abstract: "", day: Day("2026-11-27")!, source: "hf",
      keywords: [String(repeating: "w", count: 500)])!
    XCTAssertEqual(long.keywords[0].unicodeScalars.count, Paper.keywordScalarLimit + 1)
  }

  func testMergeKeepsTheLargerStarsAndTheWithdrawnMark() {
    let day = Day("2026-11-27")!
    let older = Paper.fromSource(
      title: "T", abstract: "", arxivID: "2401.00001", day: day, source: "hf",
      revised: Day("2026-11-01"),
      huggingFace: HuggingFaceDetails(
        summary: "old", githubStars: 500, organization: PaperOrganization(name: "a"),
        isWithdrawn: true))!
    let newer = Paper.fromSource(
      title: "T", abstract: "", arxivID: "2401.00001", day: day, source: "hf",
      revised: Day("2026-11-20"),
      huggingFace: HuggingFaceDetails(summary: "new", githubStars: 20))!
    for merged in [older.merging(newer), newer.merging(older)] {
      XCTAssertEqual(merged.huggingFace.githubStars, 500, "stars only grow")
      XCTAssertEqual(merged.huggingFace.summary, "new", "the newer copy's summary")
      XCTAssertEqual(merged.huggingFace.organization?.name, "a", "kept when the newer has none")
      XCTAssertTrue(merged.huggingFace.isWithdrawn)
    }
  }
}
