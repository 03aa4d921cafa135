import Foundation
import XCTest

@testable import FolioCore

/// Issue 15, finding 8: a 200 MB Hugging Face file peaked at 2.07 GB because the whole array
/// was decoded at once. The importer now reads it element by element.
final class HuggingFaceStreamingTests: XCTestCase {
  let context = ImportContext(file: "x.json", day: Day("2026-11-27")!, source: "hf")

  /// Feeds `text` to a scanner in pieces of `size` bytes; returns each element's text and, for
  /// each piece, how many elements had arrived after it.
  func scan(_ text: String, size: Int) throws -> (elements: [String], arrived: [Int]) {
    var scanner = JSONElementScanner()
    var elements: [String] = []
    var arrived: [Int] = []
    let bytes = Array(text.utf8)
    try bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      while start < buffer.count {
        let end = min(start + size, buffer.count)
        try scanner.feed(UnsafeBufferPointer(rebasing: buffer[start..<end])) {
          elements.append(String(decoding: $0.bytes, as: UTF8.self))
        }
        arrived.append(elements.count)
        start = end
      }
    }
    try scanner.finish { elements.append(String(decoding: $0.bytes, as: UTF8.self)) }
    return (elements, arrived)
  }

  /// Elements arrive as soon as their last byte has: the reader never holds the whole array.
  func testElementsArriveBeforeTheEndOfInput() throws {
    let first = #"{"title": "One", "authors": [{"name": "A ]}"}]}"#
    let second = #"{"title": "Two \"quoted\" \\", "n": [1, [2, {}]]}"#
    let text = "[\n  \(first),\n  \(second),\n  " + #"{"title": "Three"}"# + "\n]\n"
    let cut = text.utf8.count / 2
    var scanner = JSONElementScanner()
    var seen: [JSONElementScanner.Element] = []
    let bytes = Array(text.utf8)
    try bytes.withUnsafeBufferPointer { buffer in
      try scanner.feed(UnsafeBufferPointer(rebasing: buffer[..<cut])) { seen.append($0) }
      XCTAssertEqual(seen.count, 1, "the first element arrived from the first half alone")
      try scanner.feed(UnsafeBufferPointer(rebasing: buffer[cut...])) { seen.append($0) }
    }
    XCTAssertEqual(seen.count, 3)
    try scanner.finish { seen.append($0) }
    XCTAssertEqual(
      seen.map { String(decoding: $0.bytes, as: UTF8.self) }.prefix(2), [first, second])
    XCTAssertEqual(seen.map(\.line), [2, 3, 4])
    XCTAssertEqual(seen.map(\.column), [3, 3, 3])
    XCTAssertEqual(seen.map(\.index), [1, 2, 3])
  }

  /// Any split of the input gives the same elements, scalars and strings included.
  func testEverySplitGivesTheSameElements() throws {
    let text = #"[ {"a": "[{\"}"}, "s]", 12.5e3, true, null, [], {} ,[[]] ] "#
    let expected = [#"{"a": "[{\"}"}"#, #""s]""#, "12.5e3", "true", "null", "[]", "{}", "[[]]"]
    for size in 1...8 {
      XCTAssertEqual(try scan(text, size: size).elements, expected, "pieces of \(size)")
    }
    XCTAssertEqual(try scan("[]", size: 1).elements, [])
    XCTAssertEqual(try scan(" {\"title\": 1} ", size: 3).elements, ["{\"title\": 1} "])
  }

  func testBrokenArraysFailWithLineAndColumn() {
    let cases = [
      "[{\"a\": 1},\n  {\"b\": ": (2, 3), "[1 2]": (1, 4), "[,1]": (1, 2), "[1,]": (1, 4),
      "[1] x": (1, 5), "": (1, 1), "[\n": (2, 1),
    ]
    for (text, place) in cases {
      XCTAssertThrowsError(try scan(text, size: 2), text) { error in
        let failure = error as? JSONElementScanner.Failure
        XCTAssertEqual(failure?.line, place.0, text)
        XCTAssertEqual(failure?.column, place.1, text)
      }
    }
    let deep = String(repeating: "[", count: 100_000)
    XCTAssertThrowsError(try scan(deep, size: 4096)) { error in
      XCTAssertEqual(
        (error as? JSONElementScanner.Failure)?.reason, "nested deeper than 512 levels")
    }
  }

  func testTheImporterReportsItemsWithTheirPlace() throws {
    let text = "[\n {\"title\": \"Ok\"},\n 7,\n {\"summary\": \"no title\"}\n]"
    var sink = RecordingSink()
    XCTAssertThrowsError(
      try HuggingFaceImporter().read(Array(text.utf8), context: context, into: &sink)
    ) { error in
      XCTAssertEqual(
        (error as? ImportError)?.description, "x.json:3:2: item 2 is not a JSON object")
    }
    XCTAssertEqual(sink.added.map(\.title), ["Ok"])
    sink = RecordingSink()
    let skipping = "[{\"title\": \"Ok\"}, {\"summary\": \"no title\"}]"
    try HuggingFaceImporter().read(Array(skipping.utf8), context: context, into: &sink)
    XCTAssertEqual(sink.skipped.map(\.description), ["x.json:1:19: item 2 has no title"])
    XCTAssertThrowsError(
      try HuggingFaceImporter().read(Array("42".utf8), context: context, into: &sink)
    ) { error in
      XCTAssertEqual(
        (error as? ImportError)?.description, "x.json:1:1: expected a JSON array of papers")
    }
  }

  /// A large file, read from a collection that is not contiguous (so the importer must copy
  /// it piece by piece), imports every item and reports progress as it goes.
  func testALargeArrayImportsPieceByPieceWithProgress() throws {
    var random = SplitMix64(seed: 15)
    var text = "["
    let count = 5_000
    for index in 0..<count {
      let words = (0..<(50 + Int(random.next() % 200))).map { _ in String(random.next() % 100_000) }
      text += index == 0 ? "" : ","
      text +=
        #"{"paper": {"id": "2401.\#(String(format: "%05d", index))", "title": "Paper \#(index)", "#
      text += #""summary": "\#(words.joined(separator: " "))"}}"#
    }
    text += "]"
    let bytes = Array(text.utf8)
    XCTAssertGreaterThan(bytes.count, 3 * HuggingFaceImporter.chunkSize)
    var sink = RecordingSink()
    // A lazy map is not contiguous: the importer copies one piece at a time.
    try HuggingFaceImporter().read(bytes.lazy.map { $0 }, context: context, into: &sink)
    XCTAssertEqual(sink.added.count, count)
    XCTAssertEqual(sink.added.last?.title, "Paper \(count - 1)")
    XCTAssertEqual(sink.progress.last, bytes.count)
    XCTAssertGreaterThanOrEqual(sink.progress.count, 4, "progress every piece")
  }
}
