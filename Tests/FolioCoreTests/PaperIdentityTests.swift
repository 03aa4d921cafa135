import XCTest

@testable import FolioCore

final class PaperIdentityTests: XCTestCase {
  func testTitleKeyFoldsCasePunctuationAndWhitespace() {
    XCTAssertEqual(
      PaperIdentity.titleKey("Re-Identification:  A   Survey!"), "reidentification a survey")
    XCTAssertEqual(PaperIdentity.titleKey("Über\tModels"), "über models")
  }

  func testTheASCIIFastPathAgreesWithTheUnicodeRules() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
    for _ in 0..<2000 {
      let title = String(
        (0..<Int.random(in: 0...30, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator)!
        })
      XCTAssertEqual(
        PaperIdentity.asciiTitleKey(title), PaperIdentity.unicodeTitleKey(title),
        "\(title.debugDescription)")
    }
  }

  func testEquivalentTitlesShareAHashID() {
    let a = PaperIdentity.stableID(arxivID: nil, title: "Deep Learning: A Survey")
    let b = PaperIdentity.stableID(arxivID: nil, title: "deep learning  a survey.")
    XCTAssertEqual(a, b)
    XCTAssertEqual(a.count, 12)
    XCTAssertTrue(a.allSatisfy { $0.isHexDigit && !$0.isUppercase })
  }

  func testDifferentTitlesGetDifferentIDs() {
    XCTAssertNotEqual(
      PaperIdentity.stableID(arxivID: nil, title: "Deep Learning"),
      PaperIdentity.stableID(arxivID: nil, title: "Shallow Learning"))
  }

  func testArxivIDIsTheStableIDWhenKnown() {
    XCTAssertEqual(PaperIdentity.stableID(arxivID: "2401.01234", title: "Anything"), "2401.01234")
  }

  func testFromSourceCleansTextAndDerivesIdentity() throws {
    let paper = try XCTUnwrap(
      Paper.fromSource(
        title: " A \u{1B}[31mTitle ", abstract: "Code at https://github.com/a/b.",
        arxivID: "arXiv:2401.01234v2", day: Day("2026-11-27")!, source: "test"))
    XCTAssertEqual(paper.title, "A Title")
    XCTAssertEqual(paper.id, "2401.01234")
    XCTAssertEqual(paper.links.abs, "https://arxiv.org/abs/2401.01234")
    XCTAssertEqual(paper.links.github, "https://github.com/a/b")
  }

  func testFromSourceRejectsAnEmptyTitle() {
    XCTAssertNil(
      Paper.fromSource(title: " \u{7} ", abstract: "x", day: Day("2026-11-27")!, source: "t"))
  }
}
