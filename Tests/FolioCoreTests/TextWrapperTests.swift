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

  // MARK: - Linear time and bounded output (issue 15 #10)

  /// One 2,000,000-character word: it used to be re-measured and re-copied for every line cut
  /// from it (hours); now each code point is handled once. The pieces fill the width exactly
  /// and give back the word.
  func testAHugeWordIsSplitIntoFullLinesInOnePass() {
    let word = String(repeating: "abcdefghij", count: 200_000)
    let lines = TextWrapper.wrap("x " + word + " y", width: 80)
    XCTAssertEqual(lines.count, 1 + 25_000 + 1)
    XCTAssertEqual(lines.first, "x")
    XCTAssertEqual(lines.last, "y")
    XCTAssertTrue(lines.dropFirst().dropLast().allSatisfy { $0.utf8.count == 80 })
    XCTAssertEqual(lines.dropFirst().dropLast().joined(), word)
  }

  /// A huge word of wide characters and combining marks splits at cell boundaries, a mark
  /// staying with its base.
  func testAHugeWideWordKeepsEveryLineWithinTheWidth() {
    let word = String(repeating: "漢e\u{301}", count: 100_000)
    let lines = TextWrapper.wrap(word, width: 7)
    XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 7 })
    XCTAssertEqual(lines.joined(), word)
    XCTAssertTrue(lines.allSatisfy { $0.unicodeScalars.first != "\u{301}" })
  }

  /// `maxLines` stops the wrapping: a 10 MB title gives the lines asked for, no more.
  func testMaxLinesBoundsTheResult() {
    let text = String(repeating: "word ", count: 2_000_000)
    XCTAssertEqual(
      TextWrapper.wrap(text, width: 10, maxLines: 3), ["word word", "word word", "word word"])
    let word = String(repeating: "w", count: 10_000_000)
    XCTAssertEqual(TextWrapper.wrap(word, width: 10, maxLines: 5).count, 5)
    XCTAssertEqual(TextWrapper.wrap("a\nb\nc", width: 10, maxLines: 2), ["a", "b"])
    XCTAssertEqual(TextWrapper.wrap("a", width: 10, maxLines: 0), [])
  }

  /// A word of no width (a lone combining mark) is kept: it used to vanish when a word
  /// followed it.
  func testAWordOfNoWidthIsKept() {
    XCTAssertEqual(TextWrapper.wrap("\u{301} ab", width: 10), ["\u{301} ab"])
  }

  /// A wide character at width 1 is the one line wider than the width.
  func testAWideCharacterAtWidthOneGetsALineOfItsOwn() {
    XCTAssertEqual(TextWrapper.wrap("漢字a", width: 1), ["漢", "字", "a"])
    XCTAssertEqual(TextWrapper.wrap("漢", width: 1), ["漢"])
  }

  /// The one-pass wrapper breaks lines where the old one did, on seeded random text of
  /// words, spaces, newlines, wide characters and combining marks.
  func testWrappingMatchesTheReferenceDefinition() {
    var random = SplitMix64(seed: 15_10)
    let pieces = ["a", "bc", "defgh", "漢", "e\u{301}", " ", " ", "  ", "\n", "ijklmnopqrstu"]
    for _ in 0..<3_000 {
      let length = Int(random.next() % 30)
      let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
        .joined()
      // From 2: at width 1 the old wrapper left an empty line after a wide character that
      // ended a paragraph (see testAWideCharacterAtWidthOneGetsALineOfItsOwn).
      let width = 2 + Int(random.next() % 12)
      XCTAssertEqual(
        TextWrapper.wrap(text, width: width), Self.referenceWrap(text, width: width),
        "\(text.debugDescription) at \(width)")
    }
  }

  /// The wrapper as it was written before it was made linear (every word here has a width).
  static func referenceWrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      var currentWidth = 0
      for piece in paragraph.split(separator: " ") {
        var word = String(piece)
        var wordWidth = DisplayWidth.of(word)
        if currentWidth > 0 && currentWidth + 1 + wordWidth <= width {
          current += " " + word
          currentWidth += 1 + wordWidth
          continue
        }
        if currentWidth > 0 { lines.append(current) }
        while wordWidth > width {
          var used = 0
          var index = word.unicodeScalars.startIndex
          while index != word.unicodeScalars.endIndex {
            let w = DisplayWidth.of(word.unicodeScalars[index])
            if used + w > width && used > 0 { break }
            used += w
            index = word.unicodeScalars.index(after: index)
          }
          lines.append(String(word.unicodeScalars[..<index]))
          word = String(word.unicodeScalars[index...])
          wordWidth = DisplayWidth.of(word)
        }
        current = word
        currentWidth = wordWidth
      }
      lines.append(current)
    }
    return lines
  }
}
