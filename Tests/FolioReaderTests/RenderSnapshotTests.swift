import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// The reader's screens at the three reference sizes, as reviewed text files under Snapshots/.
final class RenderSnapshotTests: XCTestCase {
  let sizes = [(80, 24), (120, 40), (40, 10)]

  func testTodaysListWithDetail() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      let harness = ReaderHarness(store: store, width: width, height: height)
      assertSnapshot(harness.grid, named: "list-\(width)x\(height)")
    }
  }

  func testStarredAndReadRowsWithTheWideTitlesInView() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.press(.down, .down, .down, .down, .down)
      assertSnapshot(harness.grid, named: "starred-read-\(width)x\(height)")
    }
  }

  func testCJKTitleSelected() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.press(.down)
      assertSnapshot(harness.grid, named: "cjk-\(width)x\(height)")
    }
  }

  func testEmojiTitleSelected() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store, width: 80, height: 24)
    harness.press(.down, .down)
    assertSnapshot(harness.grid, named: "emoji-80x24")
  }

  func testLongAbstractScrolledInTheDetailPane() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.press(.tab)
      harness.type("jjjjj")
      assertSnapshot(harness.grid, named: "detail-scrolled-\(width)x\(height)")
    }
  }

  func testReadingView() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.press(.enter)
      assertSnapshot(harness.grid, named: "reading-\(width)x\(height)")
    }
  }

  func testHelpOverlay() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.type("?")
      assertSnapshot(harness.grid, named: "help-\(width)x\(height)")
    }
  }

  func testAllDaysShowsTheDayColumn() throws {
    let store = try makeLibrary()
    // Today is fixed: the day column leaves out this year, so the real date would show.
    var harness = ReaderHarness(
      store: store, width: 120, height: 40,
      settings: ReaderSettings(libraryName: "test.sqlite", today: sampleDay))
    harness.type("aG")
    assertSnapshot(harness.grid, named: "all-days-end-120x40")
  }

  func testMarkAllReadQuestion() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store, width: 80, height: 24)
    harness.type("A")
    assertSnapshot(harness.grid, named: "confirm-mark-all-80x24")
  }

  func testEmptyLibrary() throws {
    let store = try LibraryStore.inMemory()
    for (width, height) in sizes {
      let harness = ReaderHarness(store: store, width: width, height: height)
      assertSnapshot(harness.grid, named: "empty-\(width)x\(height)")
    }
  }

  func testTooSmallTerminal() throws {
    let store = try makeLibrary()
    let harness = ReaderHarness(store: store, width: 30, height: 8)
    assertSnapshot(harness.grid, named: "too-small-30x8")
  }

  func testNoColorThemeUsesAttributesOnly() throws {
    let store = try makeLibrary()
    let settings = ReaderSettings(theme: Theme.standard.monochrome, libraryName: "test.sqlite")
    var harness = ReaderHarness(store: store, width: 80, height: 24, settings: settings)
    harness.press(.down, .down, .down, .down, .down)
    assertSnapshot(harness.grid, named: "no-color-80x24")
    for cell in harness.grid.cells {
      XCTAssertEqual(cell.style.foreground, .default)
      XCTAssertEqual(cell.style.background, .default)
      XCTAssertTrue(cell.style.attributes.isSubset(of: [.bold, .reverse, .underline]))
    }
  }

  func testABrokenQueryKeepsTheSearchLineAndItsError() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.type("/diffusion\n/ OR (robot\n")
      assertSnapshot(harness.grid, named: "search-error-enter-\(width)x\(height)")
    }
  }

  func testHidingReadPapersAndEscHints() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.type("H")
      assertSnapshot(harness.grid, named: "hide-read-\(width)x\(height)")
      harness.type("H/agents\n\u{1B}")
      assertSnapshot(harness.grid, named: "filter-cleared-\(width)x\(height)")
    }
  }
}
