import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

final class ReaderSearchTests: XCTestCase {
  func testTheListFollowsTheSearchAsItIsTyped() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("/")
    XCTAssertNotNil(harness.state.searchLine)
    harness.type("person")
    let person = harness.state.counts.total
    XCTAssertGreaterThan(person, 31, "'person' as typed is a prefix: personal, personalised...")
    harness.type(" re")
    XCTAssertEqual(harness.state.query?.text, "person re")
    XCTAssertLessThan(harness.state.counts.total, person, "a short last word is not a prefix")
    XCTAssertGreaterThan(harness.state.counts.total, 20)
    XCTAssertTrue(harness.screen.contains("/person re"), "the search line shows what was typed")
    harness.press(.enter)
    XCTAssertNil(harness.state.searchLine)
    XCTAssertTrue(harness.screen.contains("│ / person re"), "the header shows the filter")
    XCTAssertEqual(harness.state.selected, 0)
  }

  func testLongWordsMatchAsPrefixesWhileTyping() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("/reinforc")
    let prefixCount = harness.state.counts.total
    XCTAssertGreaterThan(prefixCount, 10)
    XCTAssertTrue(harness.state.highlightTerms.contains { $0.isPrefix })
  }

  func testEscRestoresThePreviousFilterAndEnterKeepsIt() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("/diffusion\n")
    let diffusion = harness.state.counts.total
    harness.type("/ models")
    XCTAssertNotEqual(harness.state.counts.total, diffusion)
    harness.press(.escape)
    XCTAssertEqual(harness.state.query?.text, "diffusion")
    XCTAssertEqual(harness.state.counts.total, diffusion)
  }

  func testBackspaceOnAnEmptySearchClearsTheFilter() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("/agents\n/")
    for _ in 0..<6 { harness.press(.backspace) }
    XCTAssertEqual(harness.state.searchLine?.text, "")
    XCTAssertNil(harness.state.query)
    harness.press(.backspace)
    XCTAssertNil(harness.state.searchLine)
    XCTAssertNil(harness.state.query)
    XCTAssertEqual(harness.state.counts.total, 288)
    XCTAssertEqual(harness.state.status?.text, "filter cleared")
  }

  func testABadQueryShowsAnErrorAndKeepsTheLastGoodResult() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("/vision")
    let vision = harness.state.counts.total
    XCTAssertGreaterThan(vision, 0)
    harness.type(" OR (image")
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("query: column 17: expected ')' after 'image'", isError: true))
    XCTAssertEqual(harness.state.query?.text, "vision O", "the last query that parsed stays")
    XCTAssertTrue(harness.screen.contains("expected ')'"), harness.grid.textRows.last!)
    harness.type(")")
    XCTAssertNil(harness.state.status)
    XCTAssertEqual(harness.state.query?.text, "vision OR (image)")
    XCTAssertGreaterThanOrEqual(harness.state.counts.total, vision)
  }

  func testMatchesAreHighlightedInTheListAndDetail() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 120, height: 40)
    harness.type("/omni-scale\n")
    let grid = harness.grid
    let matchStyle = Theme.standard[.searchMatch]
    let highlighted = grid.cells.filter { $0.style.background == matchStyle.background }
    XCTAssertGreaterThan(highlighted.count, 10)
    assertSnapshot(grid, named: "search-highlight-120x40")
  }

  func testDotAndCommaJumpBetweenMatchLines() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.type("/sentence\n")
    XCTAssertEqual(harness.selectedTitle, "Scaling Laws for Long Abstracts")
    let lines = try XCTUnwrap(harness.state.document(width: harness.state.layout.detailText.width))
      .matchLines
    XCTAssertGreaterThan(lines.count, 3)
    harness.type(".")
    XCTAssertEqual(harness.state.detailScroll, lines[0])
    harness.type(".")
    XCTAssertEqual(harness.state.detailScroll, lines[1])
    harness.type(",")
    XCTAssertEqual(harness.state.detailScroll, lines[0])
  }

  func testEnterOnABrokenQueryKeepsTheLineOpenAndTheLastWorkingFilter() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.type("/diffusion\n")
    let diffusion = harness.state.counts.total
    XCTAssertGreaterThan(diffusion, 0)
    harness.type("/ OR (robot\n")
    XCTAssertEqual(harness.state.searchLine?.text, "diffusion OR (robot", "the line stays open")
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("query: column 20: expected ')' after 'robot' · Esc cancels", isError: true))
    XCTAssertEqual(harness.state.query?.text, "diffusion", "nothing half-typed is in force")
    XCTAssertEqual(harness.state.counts.total, diffusion)
    assertSnapshot(harness.grid, named: "search-error-80x24")
    harness.type("\n")
    XCTAssertNotNil(harness.state.searchLine, "Enter again does not commit it either")
    XCTAssertEqual(harness.state.query?.text, "diffusion")
    harness.type(")\n")
    XCTAssertNil(harness.state.searchLine)
    XCTAssertEqual(harness.state.query?.text, "diffusion OR (robot)")

    harness.type("/")
    harness.press(.control("u"))
    harness.type("(diffusion\n")
    XCTAssertEqual(harness.state.searchLine?.text, "(diffusion")
    XCTAssertEqual(harness.state.status?.isError, true)
    XCTAssertEqual(harness.state.query?.text, "diffusion OR (robot)", "the filter is not dropped")
    harness.press(.escape)
    XCTAssertNil(harness.state.searchLine)
    XCTAssertEqual(harness.state.query?.text, "diffusion OR (robot)")
  }

  func testTopicPickerShowsCountsAndApplies() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 120, height: 40)
    harness.type("t")
    let picker = try XCTUnwrap(harness.state.topicPicker)
    XCTAssertEqual(picker.entries.count, TopicSet.defaults.topics.count + 1)
    XCTAssertEqual(picker.entries[0].counts?.total, 288)
    let reID = try XCTUnwrap(picker.entries.firstIndex { $0.name == "Person re-identification" })
    XCTAssertEqual(picker.entries[reID].counts?.total, 31)
    assertSnapshot(harness.grid, named: "topic-picker-120x40")
    for _ in 0..<reID { harness.type("j") }
    harness.press(.enter)
    XCTAssertNil(harness.state.topicPicker)
    XCTAssertEqual(harness.state.query?.text, "topic:\"Person re-identification\"")
    XCTAssertEqual(harness.state.counts.total, 31)
    harness.type("t")
    XCTAssertEqual(
      harness.state.topicPicker?.selected, reID, "the picker opens on the active topic")
    harness.press(.escape)
    XCTAssertNil(harness.state.topicPicker)
    XCTAssertEqual(harness.state.counts.total, 31, "Esc changes nothing")
  }

  func testMoreLikeThisListsRankedPapersAndEscGoesBack() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("/\"Omni-Scale Feature Learning for Person\"\n")
    let omni = try XCTUnwrap(harness.state.detail?.id)
    harness.type("m")
    let similar = try XCTUnwrap(harness.state.similar)
    XCTAssertEqual(similar.paperID, omni)
    XCTAssertEqual(harness.state.counts.total, similar.ids.count)
    XCTAssertEqual(
      harness.state.window.rows.prefix(5).map(\.id), Array(similar.ids.prefix(5)), "in rank order")
    XCTAssertTrue(harness.screen.contains("like: Omni-Scale Feature Learning"))
    let reIDOnTop = harness.state.window.rows.prefix(10).filter {
      $0.title.lowercased().contains("re-identification")
    }
    XCTAssertGreaterThanOrEqual(reIDOnTop.count, 7)
    harness.press(.escape)
    XCTAssertNil(harness.state.similar)
    XCTAssertEqual(harness.state.detail?.id, omni, "back on the paper we started from")
  }

  func testRowsCarryTheirTopics() throws {
    let harness = ReaderHarness(store: try makeLibrary())
    let cjk = try XCTUnwrap(harness.state.window.rows.first { $0.title.hasPrefix("大規模") })
    XCTAssertEqual(cjk.topics, ["LLMs"])
  }
}
