import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// A library change the app has not finished writing shows as pending, then as done when its
/// outcome arrives, or reverts with the error: the screen never claims an unsaved change.
final class PendingWritesTests: XCTestCase {
  /// The row of the selected paper as drawn.
  func selectedRow(_ harness: ReaderHarness) -> String {
    let state = harness.state
    return harness.grid.textRows[state.layout.list.y + state.selected - state.top]
  }

  func testAStarIsPendingUntilItsOutcomeThenCommitted() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    let effects = harness.state.handle(.key(.character("s")), now: 2000)
    XCTAssertEqual(effects, [.library(.setStarred(id: id, starred: true))])
    XCTAssertEqual(harness.state.pendingWrites.starred(id), true)
    XCTAssertTrue(selectedRow(harness).contains("☆"), selectedRow(harness))
    XCTAssertFalse(selectedRow(harness).contains("★"), "pending is not shown as done")
    XCTAssertTrue(harness.screen.contains("saving 1…"))

    // The reader goes on while the write waits; the mark stays with its paper.
    harness.type("jj")
    XCTAssertNotEqual(harness.state.detail?.id, id)
    XCTAssertEqual(harness.state.pendingWrites.starred(id), true)
    harness.type("kk")

    let outcome = try XCTUnwrap(effects[0].outcomeAtOnce(on: store))
    _ = harness.state.handle(.completed(outcome), now: 2001)
    XCTAssertTrue(harness.state.pendingWrites.isEmpty)
    XCTAssertTrue(selectedRow(harness).contains("★"), selectedRow(harness))
    XCTAssertFalse(harness.screen.contains("saving"))
    XCTAssertEqual(harness.state.status?.text, "starred")
  }

  func testAFailedStarRevertsWithTheError() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    let id = try XCTUnwrap(harness.state.detail?.id)
    let effects = harness.state.handle(.key(.character("s")), now: 2000)
    guard case .library(let change) = try XCTUnwrap(effects.first) else {
      return XCTFail("a star is a library change")
    }
    XCTAssertEqual(harness.state.pendingWrites.starred(id), true)
    _ = harness.state.handle(.completed(.writeFailed(change, "the library is busy")), now: 2001)
    XCTAssertTrue(harness.state.pendingWrites.isEmpty)
    XCTAssertFalse(selectedRow(harness).contains("☆"))
    XCTAssertFalse(selectedRow(harness).contains("★"))
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("the library is busy", isError: true))
  }

  func testASecondPressWhileTheFirstIsPendingTakesItBack() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    let first = harness.state.handle(.key(.character("s")), now: 2000)
    let second = harness.state.handle(.key(.character("s")), now: 2000)
    XCTAssertEqual(second, [.library(.setStarred(id: id, starred: false))])
    XCTAssertEqual(harness.state.pendingWrites.count, 2)
    XCTAssertEqual(harness.state.pendingWrites.starred(id), false)
    for effect in first + second {
      let outcome = try XCTUnwrap(effect.outcomeAtOnce(on: store))
      XCTAssertNotNil(harness.state.pendingWrites.starred(id), "pending until the last comes back")
      _ = harness.state.handle(.completed(outcome), now: 2001)
    }
    XCTAssertTrue(harness.state.pendingWrites.isEmpty)
    XCTAssertFalse(selectedRow(harness).contains("★"))
    XCTAssertEqual(try store.paper(id: id)?.state.isStarred, false)
  }

  func testReadAndMarkAllReadArePendingToo() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    let read = harness.state.handle(.key(.character("r")), now: 2000)
    XCTAssertEqual(harness.state.pendingWrites.read(id), true)
    XCTAssertTrue(selectedRow(harness).contains("◌"), selectedRow(harness))
    _ = harness.state.handle(.completed(try XCTUnwrap(read[0].outcomeAtOnce(on: store))), now: 2000)
    XCTAssertFalse(selectedRow(harness).contains("◌"))
    XCTAssertEqual(harness.state.status?.text, "marked read")

    _ = harness.state.handle(.key(.character("A")), now: 2000)
    let all = harness.state.handle(.key(.character("y")), now: 2000)
    XCTAssertEqual(harness.state.pendingWrites.count, 1)
    XCTAssertTrue(harness.screen.contains("saving 1…"))
    _ = harness.state.handle(.completed(try XCTUnwrap(all[0].outcomeAtOnce(on: store))), now: 2000)
    XCTAssertTrue(harness.state.pendingWrites.isEmpty)
  }
}
