import FolioCore
import XCTest

@testable import FolioReader

/// The command palette and the help's filter, both made from the action table.
final class CommandPaletteTests: XCTestCase {
  func testThePaletteRunsTheChosenActionAsItsKeyWould() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    let id = try XCTUnwrap(harness.state.detail?.id)
    harness.press(.control("p"))
    XCTAssertEqual(harness.state.palette?.context, .list)
    XCTAssertEqual(harness.state.actionContext, .palette)
    harness.type("star")
    let first = try XCTUnwrap(harness.state.palette?.entries(harness.state.settings.keymap).first)
    XCTAssertEqual(first.action, .toggleStar)
    XCTAssertEqual(first.keys, [[.character("s")]], "each entry shows its keys")
    harness.press(.enter)
    XCTAssertNil(harness.state.palette)
    XCTAssertEqual(harness.state.status?.text, "starred")
    XCTAssertEqual(harness.state.detail?.id, id)
    XCTAssertEqual(harness.state.detail?.state.isStarred, true)
  }

  func testColonOpensItAndTypedLettersAreTextNotKeys() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type(":jjq")
    XCTAssertEqual(harness.state.palette?.text, "jjq", "j and q are text in the palette")
    XCTAssertEqual(harness.state.selected, 0)
    XCTAssertFalse(harness.state.isFinished)
    harness.press(.backspace)
    XCTAssertEqual(harness.state.palette?.text, "jj")
    harness.press(.control("u"))
    XCTAssertEqual(harness.state.palette?.text, "")
    harness.press(.escape)
    XCTAssertNil(harness.state.palette)
    XCTAssertEqual(harness.state.selected, 0, "Esc closes and does nothing else")
  }

  func testUpDownAndCtrlNCtrlPMoveAndEnterRunsTheSelected() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type(":")
    let entries = try XCTUnwrap(harness.state.palette?.entries(harness.state.settings.keymap))
    XCTAssertEqual(entries.first?.action, .moveDown, "table order with no text")
    XCTAssertFalse(entries.contains { $0.action == .palette }, "not itself")
    harness.press(.down, .control("n"), .up)
    XCTAssertEqual(harness.state.palette?.selected, 1)
    harness.press(.control("p"), .control("p"))
    XCTAssertEqual(harness.state.palette?.selected, 0, "stops at the first")
    harness.press(.enter)
    XCTAssertEqual(harness.state.selected, 1, "ran down")
  }

  func testItOffersTheActionsOfTheContextItWasOpenedFrom() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.press(.enter)
    XCTAssertTrue(harness.state.isReading)
    harness.type(":")
    XCTAssertEqual(harness.state.palette?.context, .reading)
    let actions = Set(
      try XCTUnwrap(harness.state.palette?.entries(harness.state.settings.keymap)).map(\.action))
    XCTAssertFalse(actions.contains(.toggleFocus), "no Tab in the reading view")
    XCTAssertTrue(actions.contains(.nextPaper))
    harness.type("back")
    harness.press(.enter)
    XCTAssertFalse(harness.state.isReading, "back ran in the reading view")
    harness.type(":zzzz\n")
    XCTAssertEqual(harness.state.status?.text, "no action matches 'zzzz'")
  }

  func testEmacsOpensThePaletteWithColonOnly() throws {
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: ReaderSettings(keymap: .emacs, libraryName: "t"))
    harness.press(.control("n"), .control("p"))
    XCTAssertNil(harness.state.palette, "Ctrl-p is up")
    XCTAssertEqual(harness.state.selected, 0)
    harness.type(":")
    XCTAssertNotNil(harness.state.palette)
  }

  func testSlashInTheHelpFiltersItAndEscClearsTheFilter() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.type("?/star")
    XCTAssertEqual(harness.state.actionContext, .helpFilter)
    var page = try XCTUnwrap(HelpPage(harness.state))
    XCTAssertEqual(page.entries.first?.action, .toggleStar)
    XCTAssertTrue(harness.screen.contains("/star"), harness.screen)
    XCTAssertFalse(harness.screen.contains("half a page down"), harness.screen)
    harness.press(.enter)
    XCTAssertEqual(harness.state.actionContext, .help, "Enter keeps the filter")
    XCTAssertEqual(harness.state.help?.filter, "star")
    harness.press(.escape)
    XCTAssertEqual(harness.state.help?.filter, "", "Esc clears the filter first")
    page = try XCTUnwrap(HelpPage(harness.state))
    XCTAssertEqual(page.entries.count, page.unfilteredCount)
    harness.press(.escape)
    XCTAssertNil(harness.state.help, "then closes")
  }

  /// The state scrolls the help through HelpPage (a model), never a view type: at 40x10 the
  /// scroll stops at the page's last row, filtered or not.
  func testHelpScrollStopsAtThePagesEnd() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 40, height: 10)
    harness.type("?" + String(repeating: "j", count: 100))
    let page = try XCTUnwrap(HelpPage(harness.state))
    XCTAssertEqual(harness.state.helpScroll, page.maxScroll(size: harness.state.size))
    XCTAssertGreaterThan(harness.state.helpScroll, 0)
    harness.type("/note")
    XCTAssertEqual(harness.state.helpScroll, 0, "a new filter starts at the top")
    XCTAssertTrue(harness.screen.contains("edit the paper's note"), harness.screen)
  }

  /// Issue 17: the state does not call views to scroll the help (it called
  /// `HelpOverlay.maxScroll`). No file of State/ names an overlay or a view of View/; the
  /// exceptions are DetailDocument, which the state still lays out to find matches, and
  /// `ReaderView.grouped`, a number format (both outside this change).
  func testTheHelpListsTheKeysOfTheContextItWasOpenedFrom() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 120, height: 40)
    harness.press(.enter)
    harness.type("?")
    XCTAssertEqual(harness.state.help?.context, .reading)
    XCTAssertTrue(harness.screen.contains("Keys in the reading view"), harness.screen)
    XCTAssertFalse(harness.screen.contains("focus list / detail"), "no Tab while reading")
  }

  func testSnapshotsOfThePaletteAndTheFilteredHelp() throws {
    let store = try makeLibrary()
    for (width, height) in [(80, 24), (120, 40), (40, 10)] {
      var palette = ReaderHarness(store: store, width: width, height: height)
      palette.type(":re")
      palette.press(.down)
      assertSnapshot(palette.grid, named: "palette-\(width)x\(height)")
      var help = ReaderHarness(store: store, width: width, height: height)
      help.type("?/ne")
      assertSnapshot(help.grid, named: "help-filtered-\(width)x\(height)")
    }
  }
}
