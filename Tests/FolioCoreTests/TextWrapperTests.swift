import XCTest

@testable import FolioCore

final class TextWrapperTests: XCTestCase {
  func testWrapsAtWordBoundaries() {
    XCTAssertEqual(
      TextWrapper.wrap("the quick brown fox jumps over the lazy dog", width: 10),
      ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
  }

  func testSplitsWordsLongerThanTheWidth() {
    XCTAssertEqual(TextWrapper.wrap("abcdefghij xy", width: 4), ["abcd", "efgh", "ij", "xy"])
  }

  func testMeasuresWideCharacters() {
    let lines = TextWrapper.wrap("漢字漢字漢字 ok", width: 5)
    XCTAssertEqual(lines, ["漢字", "漢字", "漢字", "ok"])
    XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
  }

  func testKeepsLineBreaks() {
    XCTAssertEqual(TextWrapper.wrap("a b\n\nc", width: 10), ["a b", "", "c"])
  }
}
