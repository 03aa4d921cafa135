import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

final class ReaderNavigationTests: XCTestCase {
  func testOpensOnTheNewestDay() throws {
    let harness = ReaderHarness(store: try makeLibrary())
    XCTAssertEqual(harness.state.scope, .day(sampleDay))
    XCTAssertEqual(harness.state.counts.total, 288)
    XCTAssertEqual(harness.selectedTitle, "Scaling Laws for Long Abstracts")
    XCTAssertTrue(harness.screen.contains("Fri 2026-11-27"))
  }

  func testJKAndArrowsMoveWithinBounds() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("jj")
    XCTAssertEqual(harness.state.selected, 2)
    harness.press(.down)
    XCTAssertEqual(harness.state.selected, 3)
    harness.press(.up)
    harness.type("kkkkk")
    XCTAssertEqual(harness.state.selected, 0, "k stops at the first paper")
  }

  func testHalfPagesPagesAndEnds() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    let height = harness.state.layout.list.height
    harness.press(.control("d"))
    XCTAssertEqual(harness.state.selected, height / 2)
    harness.press(.control("u"))
    XCTAssertEqual(harness.state.selected, 0)
    harness.press(.pageDown)
    XCTAssertEqual(harness.state.selected, height)
    XCTAssertEqual(harness.state.top, height)
    harness.press(.character(" "))
    XCTAssertEqual(harness.state.selected, 2 * height)
    harness.press(.pageUp)
    XCTAssertEqual(harness.state.selected, height)
    harness.type("G")
    XCTAssertEqual(harness.state.selected, 287)
    XCTAssertEqual(
      harness.selectedTitle, "A Critical Review of Recurrent Neural Networks for Sequence Learning")
    XCTAssertTrue(harness.state.visibleRange.contains(287))
    harness.type("g")
    XCTAssertEqual(harness.state.selected, 0)
    harness.press(.end)
    XCTAssertEqual(harness.state.selected, 287)
    harness.press(.home)
    XCTAssertEqual(harness.state.selected, 0)
  }

  func testTheListHoldsAWindowNotTheWholeListing() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    let height = harness.state.layout.list.height
    XCTAssertLessThanOrEqual(harness.state.window.rows.count, 5 * height)
    harness.type("G")
    XCTAssertLessThanOrEqual(harness.state.window.rows.count, 5 * height)
    XCTAssertNotNil(harness.state.window[287])
    XCTAssertNil(harness.state.window[0], "rows far from the screen are not held")
  }

  func testTabFocusesTheDetailWhereJKScrollIt() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.press(.tab)
    XCTAssertEqual(harness.state.focus, .detail)
    harness.type("jjj")
    XCTAssertEqual(harness.state.detailScroll, 3)
    XCTAssertEqual(harness.state.selected, 0, "the selection stays")
    harness.type("G")
    let bottom = harness.state.detailScroll
    XCTAssertEqual(bottom, harness.state.detailLineCount - harness.state.layout.detail.height)
    harness.type("j")
    XCTAssertEqual(harness.state.detailScroll, bottom, "scrolling stops at the end")
    harness.press(.tab)
    XCTAssertEqual(harness.state.focus, .list)
  }

  func testCtrlEAndCtrlYScrollTheDetailFromTheList() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.press(.control("e"), .control("e"))
    XCTAssertEqual(harness.state.detailScroll, 2)
    harness.press(.control("y"))
    XCTAssertEqual(harness.state.detailScroll, 1)
    XCTAssertEqual(harness.state.focus, .list)
    harness.type("j")
    XCTAssertEqual(harness.state.detailScroll, 0, "a new paper starts at the top")
  }

  func testEnterOpensTheReadingViewAndMarksRead() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    let id = try XCTUnwrap(harness.state.detail?.id)
    harness.press(.enter)
    XCTAssertTrue(harness.state.isReading)
    XCTAssertEqual(
      harness.effects.filter { !$0.isForYouSignal }, [.setRead(id: id, read: true, announce: false)]
    )
    XCTAssertTrue(harness.effects.contains { $0.isForYouSignal }, "reading teaches For you")
    XCTAssertEqual(try harness.state.library.paper(id: id)?.state.isRead, true)
    harness.type("jj")
    XCTAssertEqual(harness.state.readingScroll, 2)
    harness.press(.escape)
    XCTAssertFalse(harness.state.isReading)
    harness.press(.enter)
    harness.type("q")
    XCTAssertFalse(harness.state.isReading, "q leaves the reading view")
    XCTAssertFalse(harness.state.isFinished)
    XCTAssertEqual(
      harness.effects.filter { !$0.isForYouSignal }.count, 1,
      "an already read paper is not marked again")
  }

  func testQuitsFromTheListAndCtrlCFromAnywhere() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("q")
    XCTAssertTrue(harness.state.isFinished)

    var reading = ReaderHarness(store: try makeLibrary())
    reading.press(.enter, .character("?"), .control("c"))
    XCTAssertTrue(reading.state.isFinished)
  }

  func testDaysAndAllDays() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("[")
    XCTAssertEqual(harness.state.scope, .day(earlierDay))
    XCTAssertEqual(harness.state.counts.total, 2)
    harness.type("[")
    XCTAssertEqual(harness.state.status?.text, "no earlier day")
    harness.type("]")
    XCTAssertEqual(harness.state.scope, .day(sampleDay))
    harness.type("]")
    XCTAssertEqual(harness.state.status?.text, "no later day")

    harness.type("jj")
    let selectedID = harness.state.detail?.id
    harness.type("a")
    XCTAssertEqual(harness.state.scope, .allDays)
    XCTAssertEqual(harness.state.counts.total, 290)
    XCTAssertEqual(harness.state.detail?.id, selectedID, "the selected paper stays selected")
    XCTAssertTrue(harness.screen.contains("all days"))
    harness.type("Ga")
    XCTAssertEqual(harness.state.scope, .day(earlierDay), "back to the selected paper's day")
    XCTAssertEqual(harness.selectedTitle, "Yesterday's Second Paper")
  }

  func testMouseClickSelectsAndFocusesAndWheelScrolls() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    let list = harness.state.layout.list
    harness.send(.mouse(MouseEvent(.click, x: 10, y: list.y + 3)))
    XCTAssertEqual(harness.state.selected, 3)
    let detail = harness.state.layout.detail
    harness.send(.mouse(MouseEvent(.click, x: detail.x + 5, y: detail.y + 2)))
    XCTAssertEqual(harness.state.focus, .detail)
    harness.send(.mouse(MouseEvent(.wheelDown, x: 10, y: list.y + 1)))
    XCTAssertEqual(harness.state.selected, 6, "the wheel scrolls the pane under the pointer")
    XCTAssertEqual(harness.state.focus, .detail, "without moving the focus")
    harness.send(.mouse(MouseEvent(.wheelDown, x: detail.x + 5, y: detail.y + 2)))
    XCTAssertEqual(harness.state.detailScroll, 3)
    harness.send(.mouse(MouseEvent(.wheelUp, x: detail.x + 5, y: detail.y + 2)))
    XCTAssertEqual(harness.state.detailScroll, 0)
  }

  func testResizeReflowsAndKeepsTheSelectionVisible() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type(String(repeating: "j", count: 30))
    let id = harness.state.detail?.id
    harness.send(.resize(Size(width: 80, height: 24)))
    XCTAssertEqual(harness.state.detail?.id, id)
    XCTAssertTrue(harness.state.visibleRange.contains(harness.state.selected))
    XCTAssertFalse(harness.state.layout.isSideBySide)
    harness.send(.resize(Size(width: 30, height: 8)))
    XCTAssertTrue(harness.screen.contains("terminal too small"))
    harness.send(.resize(Size(width: 120, height: 40)))
    XCTAssertTrue(harness.state.layout.isSideBySide)
    XCTAssertEqual(harness.state.detail?.id, id)
    XCTAssertTrue(harness.state.visibleRange.contains(harness.state.selected))
  }

  func testHelpListsEveryBindingAndAnyKeyCloses() throws {
    // Tall enough for the whole list's help on one page.
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 40)
    harness.type("?")
    XCTAssertTrue(harness.state.isShowingHelp)
    let screen = harness.screen
    for row in Keymap.standard.rows(in: .list) {
      XCTAssertTrue(screen.contains(row.help), "help lists \(row.action) in the list")
    }
    XCTAssertFalse(screen.contains("apply the query"), "not the search line's keys")
    harness.type("x")
    XCTAssertFalse(harness.state.isShowingHelp)
    XCTAssertEqual(harness.state.selected, 0, "the closing key does nothing else")
  }

  func testHelpScrollsWhenItDoesNotFit() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 40, height: 10)
    harness.type("?")
    harness.type(String(repeating: "j", count: 60))
    let screen = harness.screen
    XCTAssertTrue(screen.contains("quit from anywhere"), "the last binding can be reached")
    XCTAssertTrue(harness.state.isShowingHelp)
  }
}
