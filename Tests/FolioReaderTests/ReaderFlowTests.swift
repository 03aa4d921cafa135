import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

/// The daily reader's flow (issue 16): paper to paper, unread to unread, hiding read papers,
/// Esc stepping back, and keys that say so when they do nothing.
final class ReaderFlowTests: XCTestCase {
  func testJAndKGoPaperToPaperInTheReadingViewWhileJAndKScroll() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store, width: 80, height: 24)
    harness.press(.enter)
    XCTAssertTrue(harness.state.isReading)
    harness.type("jj")
    XCTAssertEqual(harness.state.readingScroll, 2, "j scrolls the text")
    XCTAssertEqual(harness.state.selected, 0)
    harness.type("J")
    XCTAssertTrue(harness.state.isReading, "J stays in the reading view")
    XCTAssertEqual(harness.state.selected, 1)
    XCTAssertEqual(harness.state.readingScroll, 0, "the next paper starts at its top")
    let second = try XCTUnwrap(harness.state.detail?.id)
    XCTAssertEqual(try store.paper(id: second)?.state.isRead, true, "read as if opened")
    harness.type("KK")
    XCTAssertEqual(harness.state.selected, 0)
    XCTAssertEqual(harness.state.status?.text, "this is the first paper")
    harness.press(.escape)
    harness.type("J")
    XCTAssertFalse(harness.state.isReading)
    XCTAssertEqual(harness.state.selected, 1, "J is the next paper in the list too")
  }

  func testNAndPGoToUnreadPapersAndAcrossDays() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("jjjj")
    XCTAssertEqual(harness.state.selectedSummary?.isRead, false)
    XCTAssertEqual(harness.state.window[5]?.isRead, true, "the fixture's read paper")
    harness.type("n")
    XCTAssertEqual(harness.state.selected, 6, "n skips the read paper")
    harness.type("p")
    XCTAssertEqual(harness.state.selected, 4)
    harness.type("Gn")
    XCTAssertEqual(harness.state.scope, .day(earlierDay), "none left today: the day before")
    XCTAssertEqual(harness.selectedTitle, "Yesterday's First Paper")
    XCTAssertEqual(harness.state.status?.text, "2026-11-26 · 2 unread")
    harness.type("nn")
    XCTAssertEqual(harness.selectedTitle, "Yesterday's Second Paper")
    XCTAssertEqual(harness.state.status?.text, "no unread papers after this one")
    harness.type("p")
    harness.type("p")
    XCTAssertEqual(harness.state.scope, .day(sampleDay))
    XCTAssertEqual(harness.state.selected, 287)
    XCTAssertEqual(harness.state.status?.text, "2026-11-27 · 287 unread")
  }

  func testNInTheReadingViewReadsTheNextUnreadPaper() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("jjjj")
    harness.press(.enter)
    harness.type("n")
    XCTAssertTrue(harness.state.isReading)
    XCTAssertEqual(harness.state.selected, 6)
    XCTAssertEqual(try store.paper(id: XCTUnwrap(harness.state.detail?.id))?.state.isRead, true)
  }

  func testNLooksThroughAYearOfDaysAtMost() throws {
    let store = try LibraryStore.inMemory()
    let days = (0...ReaderState.unreadSearchDays + 1).map { sampleDay.adding(days: -$0) }
    try store.importPapers(file: "days", format: "test", source: "test") { session in
      for day in days {
        try session.add(
          Paper.fromSource(title: "Paper of \(day)", abstract: "Text.", day: day, source: "test")!)
      }
    }
    let ids = try store.summaries(PaperFilter(), limit: days.count, offset: 0).map(\.id)
    try store.setRead(true, ids: Array(ids.dropLast()))
    var harness = ReaderHarness(store: store, width: 80, height: 24)
    harness.type("n")
    XCTAssertEqual(harness.state.status?.text, "no unread papers in the 366 days before this one")
    XCTAssertEqual(harness.state.scope, .day(sampleDay), "the reader stays where it was")
    harness.type("[n")
    XCTAssertEqual(harness.selectedTitle, "Paper of \(days.last!)", "a day closer finds it")
  }

  func testHidingReadPapersKeepsTheSelectedOneUntilTheUserMovesOn() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let first = try XCTUnwrap(harness.state.detail?.id)
    harness.type("H")
    XCTAssertTrue(harness.state.hidesRead)
    XCTAssertEqual(harness.state.status?.text, "hiding read papers · H shows them")
    XCTAssertEqual(harness.state.counts.total, 287, "the fixture's read paper is hidden")
    harness.type("r")
    XCTAssertEqual(harness.state.detail?.id, first, "the paper just read stays while selected")
    XCTAssertEqual(harness.state.counts.total, 287)
    harness.type("j")
    let second = try XCTUnwrap(harness.state.detail?.id)
    harness.type("r")
    XCTAssertEqual(harness.state.detail?.id, second, "the selection stays where the user is")
    XCTAssertFalse(harness.state.window.rows.contains { $0.id == first }, "the first went")
    XCTAssertEqual(harness.state.counts.total, 286)
    harness.type("H")
    XCTAssertEqual(harness.state.status?.text, "showing read papers")
    XCTAssertEqual(harness.state.counts.total, 288)
    XCTAssertEqual(harness.state.detail?.id, second)
  }

  func testDayPagingSaysEachDaysUnreadCount() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.type("[")
    XCTAssertEqual(harness.state.status?.text, "2026-11-26 · 2 unread")
    assertSnapshot(harness.grid, named: "day-unread-80x24")
    harness.type("]")
    XCTAssertEqual(harness.state.status?.text, "2026-11-27 · 287 unread")
    harness.type("]")
    XCTAssertEqual(harness.state.status?.text, "no later day")
  }

  func testEscClearsTheFilterThenTheTopicThenGoesBackToToday() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("[/yesterday\n")
    XCTAssertEqual(harness.state.query?.text, "yesterday")
    XCTAssertEqual(harness.state.status?.text, "filter applied · Esc clears it")
    harness.press(.escape)
    XCTAssertNil(harness.state.query)
    XCTAssertEqual(harness.state.status?.text, "filter cleared · Esc again: today's view")
    XCTAssertEqual(harness.state.scope, .day(earlierDay))
    harness.press(.escape)
    XCTAssertEqual(harness.state.scope, .day(sampleDay))
    XCTAssertEqual(harness.state.status?.text, "back to today's view")
    harness.press(.escape)
    XCTAssertEqual(harness.state.status?.text, "Esc: nothing to go back to — q quits")
    XCTAssertFalse(harness.state.isFinished)

    harness.type("tj\n")
    let topic = try XCTUnwrap(TopicSet.defaults.topics.first?.name)
    XCTAssertEqual(harness.state.query?.text, ReaderState.topicQuery(topic))
    XCTAssertEqual(harness.state.status?.text, "topic: \(topic) · Esc clears it")
    harness.press(.escape)
    XCTAssertNil(harness.state.query)
    XCTAssertEqual(harness.state.status?.text, "topic cleared")
    XCTAssertEqual(harness.state.counts.total, 288)
  }

  func testAKeyWithNothingToDoSaysSo() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 40, height: 10)
    harness.type("v")
    XCTAssertEqual(harness.state.status?.text, "v: nothing here — ? for keys")
    assertSnapshot(harness.grid, named: "nothing-here-40x10")
    harness.press(.enter, .tab)
    XCTAssertEqual(harness.state.status?.text, "Tab: nothing here — ? for keys")
    harness.press(.enter)
    XCTAssertEqual(harness.state.status?.text, "Enter: nothing here — ? for keys")
    harness.type("q/abc")
    harness.press(.tab)
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("Tab: not in the search line — Enter applies, Esc cancels", isError: true))

    var empty = ReaderHarness(store: try makeLibrary(sample: false), width: 80, height: 24)
    empty.type("/nothing matches this\n")
    for key in "sNrm" {
      empty.type(String(key))
      XCTAssertEqual(empty.state.status?.text, "\(key): nothing here — ? for keys")
    }
    XCTAssertTrue(empty.external.isEmpty)

    var bare = ReaderHarness(store: try LibraryStore.inMemory(), width: 80, height: 24)
    bare.type("[")
    XCTAssertEqual(bare.state.status?.text, "no listing days yet")
    bare.type("a")
    XCTAssertEqual(bare.state.status?.text, "no listing days yet")
    bare.type("E\n")
    bare.press(.control("u"), .enter)
    XCTAssertEqual(bare.state.status?.text, "export cancelled: no file name")
  }

  func testAllDaysShowsTheYearOfDaysFromAnotherYear() throws {
    let store = try makeLibrary()
    var sameYear = ReaderHarness(
      store: store, settings: ReaderSettings(libraryName: "t", today: Day("2026-12-01")!))
    sameYear.type("a")
    XCTAssertTrue(sameYear.screen.contains(" 11-27 │"), sameYear.screen)
    XCTAssertFalse(sameYear.screen.contains("2026-11-27 │"), "the list row has no year")
    var nextYear = ReaderHarness(
      store: store, settings: ReaderSettings(libraryName: "t", today: Day("2027-01-04")!))
    nextYear.type("a")
    XCTAssertTrue(nextYear.screen.contains(" 2026-11-27 │"), nextYear.screen)
    assertSnapshot(nextYear.grid, named: "all-days-other-year-120x40")
  }
}
