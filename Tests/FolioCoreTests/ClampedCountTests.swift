import Foundation
import XCTest

@testable import FolioCore

/// Counts from sources are clamped to 0...ClampedCount.max, never wrapped: upvotes `1e300`
/// were stored as -9223372036854775808.
final class ClampedCountTests: XCTestCase {
  func testNumbersAreClampedNotWrapped() {
    XCTAssertEqual(ClampedCount.from(NSNumber(value: 1e300)), ClampedCount.max)
    XCTAssertEqual(ClampedCount.from(NSNumber(value: -1e300)), 0)
    XCTAssertEqual(ClampedCount.from(NSNumber(value: Double.infinity)), ClampedCount.max)
    XCTAssertNil(ClampedCount.from(NSNumber(value: Double.nan)))
    XCTAssertEqual(ClampedCount.from(NSNumber(value: Int64.max)), ClampedCount.max)
    XCTAssertEqual(ClampedCount.from(NSNumber(value: UInt64.max)), ClampedCount.max)
    XCTAssertEqual(ClampedCount.from(NSNumber(value: 42)), 42)
    XCTAssertEqual(ClampedCount.from(NSNumber(value: 41.9)), 41)
    XCTAssertEqual(ClampedCount.from(NSNumber(value: -3)), 0)
    XCTAssertEqual(ClampedCount.from("99999999999999999999"), ClampedCount.max)
    XCTAssertEqual(ClampedCount.from("1e300"), ClampedCount.max)
    XCTAssertEqual(ClampedCount.from(" 7 "), 7)
    XCTAssertNil(ClampedCount.from("many"))
    XCTAssertNil(ClampedCount.from(true))
    XCTAssertNil(ClampedCount.from(nil))
    XCTAssertEqual(ClampedCount.clamp(Int.min), 0)
  }

  func testHuggingFaceCountsAreClamped() throws {
    let json = """
      [{"paper": {"id": "2411.00001", "title": "Huge", "upvotes": 1e300, "numComments": -5}},
       {"paper": {"id": "2411.00002", "title": "Long", "upvotes": 123456789012345678901234567890},
        "numComments": "18446744073709551616"}]
      """
    var sink = RecordingSink()
    let context = ImportContext(file: "f", day: Day("2026-11-27")!, source: "hf")
    try HuggingFaceImporter().read(Array(json.utf8), context: context, into: &sink)
    XCTAssertEqual(sink.added.map(\.upvotes), [ClampedCount.max, ClampedCount.max])
    XCTAssertEqual(sink.added.map(\.commentCount), [0, ClampedCount.max])
  }

  func testFromSourceClampsCountsFromAnyImporter() throws {
    let paper = try XCTUnwrap(
      Paper.fromSource(
        title: "T", abstract: "", day: Day("2026-11-27")!, source: "t", upvotes: Int.max,
        commentCount: Int.min))
    XCTAssertEqual(paper.upvotes, ClampedCount.max)
    XCTAssertEqual(paper.commentCount, 0)
  }

  func testJSONZeroAndOneAreCountsAndJSONBooleansAreNot() throws {
    let values = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data("[0, 1, 2, true, false, 1.0]".utf8)) as? [Any])
    XCTAssertEqual(values.map(ClampedCount.from), [0, 1, 2, nil, nil, 1])
  }
}
