import XCTest

@testable import FolioCore

final class PaperIdentityTests: XCTestCase {
  func testTitleKeyFoldsCasePunctuationAndWhitespace() {
    XCTAssertEqual(
      PaperIdentity.titleKey("Re-Identification:  A   Survey!"), "reidentificationasurvey")
    XCTAssertEqual(PaperIdentity.titleKey("Über\tModels"), "übermodels")
  }

  func testTitlesDifferingInSymbolsAreDifferentPapers() {
    let different = [
      ("Learning C++ Programs from Examples", "Learning C# Programs from Examples"),
      ("Learning C++ Programs from Examples", "Learning C Programs from Examples"),
      ("A*B Search", "A&B Search"), ("Tagging @ Scale", "Tagging % Scale"),
      ("🚀", "🔥"), ("∑∫∂", "∑∫"), ("?!…", "🚀"), ("?!…", "!!!"), ("GPT-4", "GPT-5"),
      ("x < y", "x > y"), ("$\\alpha$-Go", "$\\beta$-Go"), ("Model 1", "Model 2"),
    ]
    for (a, b) in different {
      XCTAssertNotEqual(PaperIdentity.titleKey(a), PaperIdentity.titleKey(b), "\(a) / \(b)")
    }
  }

  func testTitlesDifferingInStyleAreOnePaper() {
    let same = [
      ("Learning C++ Programs", "learning  c++\nprograms."),
      ("\"Why Should I Trust You?\"", "“Why should I trust you”"),
      ("Don't Stop", "Don’t stop"), ("Self-Supervised Learning", "Self—Supervised Learning"),
      ("Self-Supervised Learning", "Self -- Supervised Learning"),
      ("Is Attention All You Need?", "Is attention all you need"),
      ("$\\alpha$-Go: Fast Games", "α-Go: fast games"),
      ("Schr\\\"odinger Bridges", "Schrödinger Bridges"),
      ("Schr\\\"{o}dinger Bridges", "Schrödinger Bridges"),
      ("\\textbf{Fast} Models for $x^2$", "Fast models for x²"),
      ("\\LaTeX{} tables", "LaTeX tables"),
      ("Profit \\& Loss", "Profit & Loss"), ("ﬁne-tuning", "fine tuning"),
      ("ＡＢＣ", "abc"), ("🚀 Launch", "🚀\u{FE0F} launch"),
    ]
    for (a, b) in same {
      XCTAssertEqual(PaperIdentity.titleKey(a), PaperIdentity.titleKey(b), "\(a) / \(b)")
    }
  }

  func testTheASCIIFastPathAgreesWithTheUnicodeRules() {
    var generator = SplitMix64(seed: 15)
    let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
    for _ in 0..<2000 {
      let title = String(
        (0..<Int.random(in: 0...30, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator)!
        })
      XCTAssertEqual(
        PaperIdentity.asciiHashKey(title), PaperIdentity.unicodeHashKey(title),
        "\(title.debugDescription)")
      if let fast = TitleKey.asciiKey(title) {
        XCTAssertEqual(fast, TitleKey.unicodeKey(title), "\(title.debugDescription)")
      }
    }
  }

  func testHashIDsAreMadeAsBefore() {
    // Ids a library already holds, and exports name, do not change with the identity rules.
    XCTAssertEqual(
      PaperIdentity.stableID(arxivID: nil, title: "Learning C++ Programs"),
      PaperIdentity.titleHash("learning c programs"))
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
