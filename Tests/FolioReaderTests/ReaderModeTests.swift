import FolioCore
import XCTest

@testable import FolioReader

/// ``ReaderMode``: what is in front reads the keys, and closing it returns to the screen it
/// was opened over.
final class ReaderModeTests: XCTestCase {
  func testEachOverlayOpenedInTheReadingViewReturnsToIt() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.press(.enter)
    XCTAssertEqual(harness.state.mode, .screen(.reading))

    harness.type("?")
    XCTAssertEqual(harness.state.mode, .help(HelpState(context: .reading), over: .reading))
    harness.type("x")
    XCTAssertEqual(harness.state.mode, .screen(.reading), "help closes onto the reading view")

    harness.type("/")
    XCTAssertEqual(harness.state.mode.screen, .reading)
    XCTAssertNotNil(harness.state.searchLine)
    harness.press(.escape)
    XCTAssertEqual(harness.state.mode, .screen(.reading), "Esc in the search line")

    harness.type("t")
    XCTAssertNotNil(harness.state.topicPicker)
    harness.press(.escape)
    XCTAssertEqual(harness.state.mode, .screen(.reading), "Esc in the topic picker")

    harness.type("E")
    XCTAssertNotNil(harness.state.exportPrompt)
    harness.press(.escape)
    XCTAssertEqual(harness.state.mode, .screen(.reading), "Esc in the export prompt")

    harness.type("A")
    XCTAssertEqual(harness.state.mode.screen, .reading)
    XCTAssertNotNil(harness.state.confirmation)
    harness.type("n")
    XCTAssertEqual(harness.state.mode, .screen(.reading), "no to the question")
    XCTAssertEqual(harness.state.status?.text, "cancelled")

    harness.press(.escape)
    XCTAssertEqual(harness.state.mode, .list, "Esc in the reading view steps back to the list")
  }

  func testTheOverlayInFrontReadsTheKeysNotTheScreen() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.type("/q")
    XCTAssertEqual(harness.state.searchLine?.text, "q", "q is typed, it does not quit")
    XCTAssertFalse(harness.state.isFinished)
    harness.press(.escape)
    harness.type("?")
    harness.type("q")
    XCTAssertEqual(harness.state.mode, .list, "q closes help and does nothing else")
    XCTAssertFalse(harness.state.isFinished)
    harness.type("t")
    harness.type("j")
    XCTAssertEqual(harness.state.topicPicker?.selected, 1, "j moves in the picker")
    XCTAssertEqual(harness.state.selected, 0, "not in the list under it")
    harness.press(.escape)
    XCTAssertEqual(harness.state.mode, .list)
  }

  /// The palette is a mode like the others: opened over the reading view, it closes onto it,
  /// and the action it runs acts on that screen.
  func testThePaletteIsAModeOverTheScreen() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.press(.enter)
    harness.type(":")
    XCTAssertEqual(
      harness.state.mode, .palette(CommandPalette(context: .reading), over: .reading))
    harness.press(.escape)
    XCTAssertEqual(harness.state.mode, .screen(.reading), "Esc closes onto the reading view")
    harness.type(":quit")
    harness.press(.enter)
    XCTAssertEqual(harness.state.mode, .list, "quit in the reading view goes back to the list")
    XCTAssertFalse(harness.state.isFinished)
  }

  func testHelpScrollLivesInTheHelpModeAndStartsAtTheTopEachTime() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 40, height: 10)
    harness.type("?jj")
    XCTAssertEqual(harness.state.mode, .help(HelpState(scroll: 2), over: .list))
    harness.type("x?")
    XCTAssertEqual(harness.state.helpScroll, 0)
  }
}
