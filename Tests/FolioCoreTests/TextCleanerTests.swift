import XCTest

@testable import FolioCore

final class TextCleanerTests: XCTestCase {
  func testCollapsesWhitespaceRunsAndTrims() {
    XCTAssertEqual(
      TextCleaner.clean("  Deep\t\tlearning \n  for\r\nall  "), "Deep learning for all")
  }

  func testFastPathsGiveWhatTheFullCleaningGives() {
    var generator = SystemRandomNumberGenerator()
    let alphabet =
      (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + ["é", "\u{A0}", "\u{9B}"]
    var fastPathTaken = 0
    for _ in 0..<5000 {
      // Mostly letters and single spaces, so the fast path is taken often.
      let text = String(
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in
          Bool.random(using: &generator) ? "a" : alphabet.randomElement(using: &generator)!
        })
      let slow = TextCleaner.collapse(TextCleaner.stripControls(text, keepNewlines: false))
      XCTAssertEqual(TextCleaner.clean(text), slow, "\(text.debugDescription)")
      if let collapsed = TextCleaner.collapsingPlainASCII(text) {
        XCTAssertEqual(collapsed, slow, "\(text.debugDescription)")
      }
      if TextCleaner.isAlreadyClean(text) {
        fastPathTaken += 1
        XCTAssertEqual(text, slow, "\(text.debugDescription)")
      }
    }
    XCTAssertGreaterThan(fastPathTaken, 100)
  }

  func testRemovesCSISequencesWhole() {
    XCTAssertEqual(TextCleaner.clean("a\u{1B}[31mred\u{1B}[0m b"), "ared b")
    XCTAssertEqual(TextCleaner.clean("x\u{1B}[2J\u{1B}[H!"), "x!")
  }

  func testRemovesOSCSequencesWithEitherTerminator() {
    XCTAssertEqual(TextCleaner.clean("a\u{1B}]52;c;aGVsbG8=\u{07}b"), "ab")
    XCTAssertEqual(
      TextCleaner.clean("\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\"), "link")
  }

  func testRemovesDCSAndEightBitSequences() {
    XCTAssertEqual(TextCleaner.clean("a\u{1B}P+q544e\u{1B}\\b"), "ab")
    XCTAssertEqual(TextCleaner.clean("a\u{9B}31mb"), "ab")
    XCTAssertEqual(TextCleaner.clean("a\u{9D}0;title\u{9C}b"), "ab")
  }

  func testDropsLoneControlsButKeepsText() {
    XCTAssertEqual(TextCleaner.clean("a\u{0}b\u{7}c\u{7F}d\u{85}e"), "abcde")
    XCTAssertEqual(TextCleaner.clean("trailing escape\u{1B}"), "trailing escape")
  }

  func testDropsBidiOverrides() {
    XCTAssertEqual(TextCleaner.clean("abc\u{202E}fed\u{202C}"), "abcfed")
    XCTAssertEqual(TextCleaner.clean("\u{2066}x\u{2069}"), "x")
  }

  func testKeepsNonASCIIText() {
    XCTAssertEqual(TextCleaner.clean("Schrödinger's 漢字 café 👩‍💻"), "Schrödinger's 漢字 café 👩‍💻")
  }

  func testInvalidUTF8BecomesReplacementCharacter() {
    let text = String(decoding: [0x61, 0xFF, 0x62], as: UTF8.self)
    XCTAssertEqual(TextCleaner.clean(text), "a\u{FFFD}b")
  }

  func testMultilineKeepsLineBreaksAndSquashesBlankRuns() {
    XCTAssertEqual(
      TextCleaner.cleanMultiline("first  line\r\n\n\n\nsecond\u{1B}[1m line\n\n"),
      "first line\n\nsecond line")
  }
}
