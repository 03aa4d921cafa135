import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// The rows the reader holds are always the listing's rows at their positions, however it got
/// there: scrolling (rows loaded next to the ones held), jumps, and jumps near the end (rows
/// counted from the end), with exact counts or still counting.
final class ListWindowTests: XCTestCase {
  let keys: [Key] = [
    .character("j"), .character("k"), .pageDown, .pageUp, .character(" "), .control("d"),
    .control("u"), .end, .home, .character("G"), .character("g"),
  ]

  func testRandomMovesAlwaysShowTheListingsRows() throws {
    let store = try makeLibrary()
    for (query, withIdleTicks) in [
      (nil, false), (nil, true), ("learning", false), ("learning", true), ("the -survey", false),
    ] {
      var generator = SplitMix64(seed: 7)
      var state = ReaderState(store: store, size: Size(width: 60, height: 12), now: 0)
      _ = state.handle(.key(.character("a")), now: 0)  // all days
      if let query {
        _ = state.handle(.key(.character("/")), now: 0)
        for character in query { _ = state.handle(.key(.character(character)), now: 0) }
        _ = state.handle(.key(.enter), now: 0)
      }
      let listing = try store.papers(state.filter).map(\.paper.id)
      XCTAssertGreaterThan(listing.count, 20, query ?? "all")
      for step in 0..<400 {
        let key = keys.randomElement(using: &generator)!
        _ = state.handle(.key(key), now: 0)
        if withIdleTicks { state.idle() }
        let context = "\(query ?? "all") step \(step) after \(key)"
        if Bool.random(using: &generator) {
          state.prefetch()
          XCTAssertFalse(state.wantsPrefetch, context)
          let height = state.layout.list.height
          for position in max(0, state.top - height)..<min(listing.count, state.top + 2 * height) {
            XCTAssertEqual(state.window[position]?.id, listing[position], "prefetched, \(context)")
          }
        }
        XCTAssertEqual(state.selectedSummary?.id, listing[state.selected], context)
        for position in state.visibleRange {
          XCTAssertEqual(state.window[position]?.id, listing[position], context)
        }
        XCTAssertLessThanOrEqual(state.window.rows.count, 5 * state.layout.list.height, context)
      }
    }
  }

  func testStarringKeepsTheRowsAndUpdatesTheStarredRow() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.press(.pageDown, .pageDown)
    let before = harness.state.window.rows.map(\.id)
    let id = try XCTUnwrap(harness.state.selectedSummary?.id)
    let wasStarred = try XCTUnwrap(harness.state.selectedSummary?.isStarred)
    harness.type("s")
    XCTAssertEqual(harness.state.window.rows.map(\.id), before)
    XCTAssertEqual(harness.state.selectedSummary?.isStarred, !wasStarred)
    XCTAssertEqual(harness.state.detail?.state.isStarred, !wasStarred)
    XCTAssertEqual(try harness.state.library.paper(id: id)?.state.isStarred, !wasStarred)
  }
}
