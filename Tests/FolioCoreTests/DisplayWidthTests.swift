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
}
