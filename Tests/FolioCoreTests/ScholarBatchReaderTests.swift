import Foundation
import XCTest

@testable import FolioCore

/// Semantic Scholar's batch answer, read from recorded-shape payloads: aligned with the ids
/// asked, null as unknown (never 0), counts clamped, TL;DRs cleaned and capped, and anything
/// that is not the array asked for refused whole.
final class ScholarBatchReaderTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  let asked = Date(timeIntervalSince1970: 1_800_000_000)

  func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
  }

  func read(_ answer: String, _ ids: [String]) throws(ScholarBatchReader.Failure)
    -> [ScholarFacts]
  {
    try ScholarBatchReader.read(Array(answer.utf8), asked: ids, checkedAt: asked)
  }

  func failure(_ answer: some Collection<UInt8>, _ ids: [String]) -> ScholarBatchReader.Failure? {
    do {
      _ = try ScholarBatchReader.read(answer, asked: ids, checkedAt: asked)
      return nil
    } catch {
      return error
    }
  }

  let recordedIDs = ["1706.03762", "2401.99999", "1810.04805", "2401.00001"]

  func testKnownAndUnknownPapersAreAlignedWithTheIdsAsked() throws {
    let facts = try ScholarBatchReader.read(
      try fixture("s2-batch.json"), asked: recordedIDs, checkedAt: asked)
    XCTAssertEqual(facts.count, 4)
    XCTAssertEqual(facts[0].citations, 149_342)
    XCTAssertEqual(facts[0].influentialCitations, 17_961)
    XCTAssertTrue(facts[0].tldr?.hasPrefix("A new simple network architecture") ?? false)
    XCTAssertEqual(facts[1], ScholarFacts(checkedAt: asked), "null is unknown, not 0")
    XCTAssertFalse(facts[1].isKnown)
    XCTAssertEqual(facts[2].citations, 103_817)
    XCTAssertEqual(facts[3], ScholarFacts(citations: 0, influentialCitations: 0, checkedAt: asked))
    XCTAssertTrue(facts[3].isKnown, "known with no citations is 0, not unknown")
    XCTAssertTrue(facts.allSatisfy { $0.checkedAt == asked })
  }

  func testAnswerFedOneByteAtATimeReadsTheSame() throws {
    let data = try fixture("s2-batch.json")
    var reader = ScholarBatchReader(asked: recordedIDs, checkedAt: asked)
    for byte in data {
      try [byte].withUnsafeBufferPointer { try reader.feed($0) }
    }
    XCTAssertEqual(
      try reader.finish(),
      try ScholarBatchReader.read(data, asked: recordedIDs, checkedAt: asked))
  }

  func testHostileCountsAreClampedAndTheTLDRIsCleaned() throws {
    let facts = try ScholarBatchReader.read(
      try fixture("s2-batch-hostile.json"), asked: ["2401.00002", "2401.00003"], checkedAt: asked)
    XCTAssertEqual(facts[0].citations, ClampedCount.max)
    XCTAssertEqual(facts[0].influentialCitations, 0)
    XCTAssertEqual(facts[0].tldr, "Evil summary with controls.")
    XCTAssertNil(facts[1].citations, "a record without a count is not counted as 0")
    XCTAssertNil(facts[1].influentialCitations)
    XCTAssertEqual(facts[1].tldr, "Known, but not counted.")
  }

  func testALongTLDRIsCutAtTheLimit() throws {
    let long = String(repeating: "word ", count: ScholarFacts.tldrScalarLimit)
    let facts = try read(
      #"[{"citationCount": 3, "tldr": {"model": "m", "text": "\#(long)"}}]"#, ["2401.00001"])
    XCTAssertEqual(facts[0].tldr?.unicodeScalars.count, ScholarFacts.tldrScalarLimit)
    XCTAssertEqual(facts[0].tldr?.last, "…")
  }

  func testAMisalignedAnswerIsRefused() throws {
    let failure = try XCTUnwrap(
      failure(try fixture("s2-batch-misaligned.json"), ["1706.03762", "1810.04805"]))
    XCTAssertEqual(failure.line, 1)
    XCTAssertEqual(failure.column, 2)
    XCTAssertTrue(failure.reason.contains("not 1706.03762 as asked"), failure.reason)
    // An old-style id and a versioned spelling of the one asked are the same paper.
    XCTAssertNoThrow(
      try read(
        #"[{"externalIds": {"ArXiv": "hep-th/9901001v2"}, "citationCount": 1}]"#,
        ["hep-th/9901001"]))
  }

  func testTooFewOrTooManyRecordsAreRefused() {
    XCTAssertTrue(
      failure(Array("[null]".utf8), ["2401.00001", "2401.00002"])?.reason.contains(
        "1 records for 2 ids") ?? false)
    let extra = failure(Array("[null, null, {\"citationCount\": 1}]".utf8), ["2401.00001"])
    XCTAssertEqual(extra?.column, 8, "stops at the first record too many")
    XCTAssertTrue(extra?.reason.contains("more records than") ?? false)
  }

  func testWhatIsNotTheArrayIsAOneLineFailure() throws {
    let cases: [(String, String)] = [
      (
        String(decoding: try fixture("s2-batch-error.json"), as: UTF8.self), "expected a JSON array"
      ),
      ("<!DOCTYPE html><html><body>Bad gateway</body></html>", "expected a JSON array"),
      (#"[{"citationCount": 5}, {"citationCou"#, "not valid JSON"),
      (#"[{"citationCount": "many"}]"#, "citationCount is not a count"),
      (#"[{"citationCount": true}]"#, "citationCount is not a count"),
      ("[42]", "neither a paper nor null"),
      ("", "not valid JSON"),
    ]
    for (answer, reason) in cases {
      let failure = try XCTUnwrap(self.failure(Array(answer.utf8), ["2401.00001"]), answer)
      XCTAssertTrue(failure.reason.contains(reason), "\(answer): \(failure)")
      XCTAssertFalse(failure.description.contains("\n"))
    }
  }

  func testAnIDInAMessageIsInert() throws {
    let failure = try XCTUnwrap(
      failure(
        Array(
          #"[{"externalIds": {"ArXiv": "\u001b]2;x\u0007 2401.00009"}, "citationCount": 1}]"#.utf8),
        ["2401.00001"]))
    XCTAssertFalse(failure.reason.unicodeScalars.contains { $0.value < 0x20 }, failure.reason)
  }
}
