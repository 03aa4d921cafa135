import XCTest

@testable import FolioCore

final class TextCleanerTests: XCTestCase {
  func testCollapsesWhitespaceRunsAndTrims() {
    XCTAssertEqual(
      TextCleaner.clean("  Deep\t\tlearning \n  for\r\nall  "), "Deep learning for all")
  }

  func testFastPathsGiveWhatTheFullCleaningGives() {
    var generator = SplitMix64(seed: 0x5EED)
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

  func testNeedsCleaningSaysWhetherCleaningWouldRemoveAScalar() {
    var generator = SplitMix64(seed: 0x5EED)
    // Controls, C1, every bidi control, and scalars that share their first UTF-8 byte.
    let alphabet: [Unicode.Scalar] = [
      "a", " ", "\n", "\t", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}", "é",
      "\u{61C}", "\u{600}", "\u{200E}", "\u{200F}", "\u{2014}", "\u{202A}", "\u{202E}",
      "\u{2066}", "\u{2069}", "\u{2070}", "デ",
    ]
    var suspectButClean = 0
    for _ in 0..<5000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...6, using: &generator) {
        scalars.append(
          Bool.random(using: &generator) ? "a" : alphabet.randomElement(using: &generator)!)
      }
      let text = String(scalars)
      for multiline in [false, true] {
        let removable = text.unicodeScalars.contains { scalar in
          if scalar.value < 0x20 { return !(multiline && scalar == "\n") }
          return (0x7F..<0xA0).contains(scalar.value) || TextCleaner.isBidiControl(scalar)
        }
        XCTAssertEqual(
          TextCleaner.needsCleaning(text, multiline: multiline), removable,
          "\(text.debugDescription) multiline: \(multiline)")
        // Clean, but with a first byte shared with a control: the slow check decides.
        let lookalikes: Set<Unicode.Scalar> = ["\u{A0}", "\u{600}", "\u{2014}", "\u{2070}"]
        if !removable && text.unicodeScalars.contains(where: lookalikes.contains) {
          suspectButClean += 1
        }
      }
    }
    XCTAssertGreaterThan(suspectButClean, 100)
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
