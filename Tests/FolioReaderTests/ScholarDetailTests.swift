import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// What Semantic Scholar said about a paper (issue 20, `folio enrich`), in the detail pane and
/// triage's card: `cited by 1,234 · 56 influential`, its TL;DR said to be Semantic Scholar's,
/// "not known" when it answered null, and nothing for a paper never asked about.
final class ScholarDetailTests: XCTestCase {
  static let checked = Date(timeIntervalSince1970: 1_795_000_000)

  /// Three papers of one day: one Semantic Scholar knows (with a TL;DR), one it does not, one
  /// never asked about.
  func library() -> InMemoryLibrary {
    let day = Day("2026-11-27")!
    func paper(_ index: Int, _ title: String, _ scholar: ScholarFacts?) -> LibraryPaper {
      LibraryPaper(
        paper: Paper.fromSource(
          title: title,
          abstract:
            "We study how attention heads route information across layers and show that a small set of heads carries most of it.",
          authors: ["Ada Lovelace", "Zoë Müller"], arxivID: "2611.0000\(index)", day: day,
          source: "fake", upvotes: 40 - index)!,
        scholar: scholar)
    }
    return InMemoryLibrary([
      paper(
        1, "Routing Heads: How Attention Carries Information Across Layers",
        ScholarFacts(
          citations: 1234, influentialCitations: 56,
          tldr:
            "A small set of attention heads routes most information across layers; pruning the rest costs little.",
          checkedAt: Self.checked)),
      paper(2, "A Paper Semantic Scholar Has Not Seen", ScholarFacts(checkedAt: Self.checked)),
      paper(3, "A Paper Never Asked About", nil),
    ])
  }

  func text(_ entry: LibraryPaper, width: Int = 100) -> [String] {
    DetailDocument(entry, width: width).lines.map { $0.map(\.text).joined() }
  }

  func testTheDocumentSaysWhatSemanticScholarSaid() throws {
    let papers = library().papers
    let known = text(papers[0])
    XCTAssertTrue(known.contains("Scholar  cited by 1,234 · 56 influential"), "\(known)")
    XCTAssertTrue(
      known.contains {
        $0.hasPrefix("TL;DR    Semantic Scholar: A small set of attention heads routes")
      }, "\(known)")

    let unknown = text(papers[1])
    XCTAssertTrue(unknown.contains("Scholar  not known to Semantic Scholar"), "\(unknown)")
    XCTAssertFalse(unknown.contains { $0.hasPrefix("TL;DR") })

    let neverAsked = text(papers[2])
    XCTAssertFalse(neverAsked.contains { $0.hasPrefix("Scholar") || $0.hasPrefix("TL;DR") })
  }

  func testCountsWithoutAnInfluentialCountOrATLDR() {
    var entry = library().papers[0]
    entry.scholar = ScholarFacts(citations: 0, checkedAt: Self.checked)
    let lines = text(entry)
    XCTAssertTrue(lines.contains("Scholar  cited by 0"), "a known paper may have no citations")
    XCTAssertFalse(lines.contains { $0.hasPrefix("TL;DR") })
  }

  func testTheCountsBreakBetweenUnitsWhenNarrow() {
    // 9 (label) + 16 cells: "cited by 1,234" fits, " · 56 influential" goes below.
    let lines = text(library().papers[0], width: 25)
    let first = lines.firstIndex { $0.hasPrefix("Scholar") }
    XCTAssertNotNil(first)
    XCTAssertEqual(lines[first!], "Scholar  cited by 1,234")
    XCTAssertEqual(lines[first! + 1], "         56 influential")
  }

  func testAHostileTLDRIsInert() {
    var entry = library().papers[0]
    entry.scholar?.tldr = "Evil\u{1B}]52;c;aGk=\u{07} \u{202E}reversed\u{9B}2J"
    let library = InMemoryLibrary([entry])
    let state = ReaderState(
      store: library, settings: ReaderSettings(libraryName: "fake"),
      size: Size(width: 120, height: 40), now: 0)
    let screen = ReaderView.render(state).textRows.joined(separator: "\n")
    XCTAssertTrue(screen.contains("Semantic Scholar: Evil"), screen)
    for control in ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}"] {
      XCTAssertFalse(screen.contains(control))
    }
  }

  func testTheDetailPaneSnapshots() {
    for (width, height) in [(80, 24), (120, 40), (40, 10)] {
      for (index, name) in ["known", "unknown"].enumerated() {
        var driver = ReaderStateMachineTests.Driver(library(), width: width, height: height)
        for _ in 0..<index { driver.type("j") }
        // The short detail pane shows the lines once scrolled to them.
        if height == 10 {
          driver.send(.key(.tab))
          driver.type(index == 0 ? "jjjjj" : "jjjj")
        }
        assertSnapshot(
          ReaderView.render(driver.state), named: "scholar-detail-\(name)-\(width)x\(height)")
      }
    }
  }

  func testTheReadingViewAndTriageCardSnapshots() {
    for (width, height) in [(80, 24), (120, 40), (40, 10)] {
      var reading = ReaderStateMachineTests.Driver(library(), width: width, height: height)
      reading.type("\n")
      assertSnapshot(
        ReaderView.render(reading.state), named: "scholar-reading-\(width)x\(height)")
      var triage = ReaderStateMachineTests.Driver(library(), width: width, height: height)
      triage.type("i")
      assertSnapshot(ReaderView.render(triage.state), named: "scholar-triage-\(width)x\(height)")
    }
  }

  func testTheTriageCardLines() {
    let papers = library().papers
    let known = TriageCard(papers[0], width: 100).lines.map { $0.map(\.text).joined() }
    XCTAssertTrue(
      known.contains("2026-11-27 · ▲ 39 · cited by 1,234 · 56 influential"), "\(known)")
    let label = known.firstIndex(of: "Semantic Scholar's TL;DR")
    XCTAssertNotNil(label)
    XCTAssertTrue(known[label! + 1].hasPrefix("A small set of attention heads"))
    let unknown = TriageCard(papers[1], width: 100).lines.map { $0.map(\.text).joined() }
    XCTAssertTrue(unknown.contains("2026-11-27 · ▲ 38"), "\(unknown)")
    XCTAssertFalse(unknown.contains("Semantic Scholar's TL;DR"))
  }

  func testTheStarredQuestionSnapshots() {
    for (width, height) in [(80, 24), (120, 40), (40, 10)] {
      var library = library().papers
      for index in library.indices { library[index].state.starredAt = Self.checked }
      var driver = ReaderStateMachineTests.Driver(
        InMemoryLibrary(library), width: width, height: height)
      driver.type(":zotero-starred\n")
      XCTAssertEqual(driver.external, [.app(.countStarredForZotero)])
      driver.send(.zoteroStarredCounted(.success(3)))
      XCTAssertEqual(driver.state.confirmation, .sendStarredToZotero(count: 3))
      assertSnapshot(
        ReaderView.render(driver.state), named: "zotero-starred-question-\(width)x\(height)")
    }
  }
}
