import XCTest

@testable import FolioCore

final class DisplayWidthTests: XCTestCase {
  func testASCIIIsOneCellEach() {
    XCTAssertEqual(DisplayWidth.of("Hello, world"), 12)
  }

  func testCJKIsTwoCellsEach() {
    XCTAssertEqual(DisplayWidth.of("漢字"), 4)
    XCTAssertEqual(DisplayWidth.of("Ｆｕｌｌ"), 8)
  }

  func testCombiningMarksTakeNoCell() {
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
  }

  func testEmojiSequencesAreMeasuredPerCodePoint() {
    // ncurses advances by each code point's wcwidth: woman (2) + ZWJ (0) + laptop (2).
    XCTAssertEqual(DisplayWidth.of("👩‍💻"), 4)
    XCTAssertEqual(DisplayWidth.of("🚀"), 2)
  }

  func testControlsTakeNoCell() {
    XCTAssertEqual(DisplayWidth.of("a\u{1B}\u{9B}b"), 2)
  }

  func testTruncateCutsAtDisplayWidthWithEllipsis() {
    XCTAssertEqual(DisplayWidth.truncate("abcdefgh", to: 5), "abcd…")
    XCTAssertEqual(DisplayWidth.truncate("abc", to: 3), "abc")
    XCTAssertEqual(DisplayWidth.truncate("漢字漢字", to: 5), "漢字…")
    XCTAssertEqual(DisplayWidth.of(DisplayWidth.truncate("漢字漢字", to: 4)), 3)
    XCTAssertEqual(DisplayWidth.truncate("abc", to: 0), "")
  }

  // MARK: - Bounded work (issue 15 #10)

  /// Truncating a 10 MB title to a list row gives the row, and the ellipsis says it was cut.
  func testTruncatingAHugeTextGivesTheRow() {
    let title = String(repeating: "漢a", count: 5_000_000)
    let row = DisplayWidth.truncate(title, to: 40)
    XCTAssertEqual(DisplayWidth.of(row), 40)
    XCTAssertTrue(row.hasSuffix("…"))
    XCTAssertEqual(DisplayWidth.truncate(title, to: 1), "…")
  }

  /// A flood of combining marks is cut after ``DisplayWidth/scalarsPerCell`` code points per
  /// cell of the width, rather than read to its end.
  func testAFloodOfCombiningMarksIsCut() {
    let flood = "e" + String(repeating: "\u{301}", count: 1_000_000)
    let row = DisplayWidth.truncate(flood, to: 3)
    XCTAssertTrue(row.hasSuffix("…"))
    XCTAssertLessThanOrEqual(row.unicodeScalars.count, 4 * DisplayWidth.scalarsPerCell + 1)
    XCTAssertEqual(DisplayWidth.truncate("e\u{301}\u{302}", to: 3), "e\u{301}\u{302}")
  }

  /// The bounded truncation gives what measuring the whole text did, on seeded random text.
  func testTruncateMatchesMeasuringTheWholeText() {
    var random = SplitMix64(seed: 15_11)
    let pieces = ["a", "漢", "\u{301}", " ", "\u{1B}", "bc"]
    for _ in 0..<3_000 {
      let length = Int(random.next() % 20)
      let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
        .joined()
      let width = Int(random.next() % 12)
      var expected = ""
      if width > 0 && DisplayWidth.of(text) <= width {
        expected = text
      } else if width > 0 {
        var used = 0
        for scalar in text.unicodeScalars {
          if used + DisplayWidth.of(scalar) > width - 1 { break }
          used += DisplayWidth.of(scalar)
          expected.unicodeScalars.append(scalar)
        }
        expected += "…"
      }
      XCTAssertEqual(DisplayWidth.truncate(text, to: width), expected, text.debugDescription)
    }
  }
}
