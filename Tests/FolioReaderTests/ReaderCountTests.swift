import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

/// Exact counts are asked for on an idle tick and made off the main loop; what comes back is
/// taken only if nothing changed since it was asked for.
final class ReaderCountTests: XCTestCase {
  func makeSearchingState() throws -> ReaderState {
    var state = ReaderState(
      store: try makeLibrary(), settings: ReaderSettings(libraryName: "test.sqlite"),
      size: Size(width: 120, height: 40), now: 0)
    for character in "a/learning" { _ = state.handle(.key(.character(character)), now: 0) }
    return state
  }

  /// The one count request among `effects`.
  func countRequest(_ effects: [ReaderEffect]) -> (PaperFilter, Int)? {
    for case .count(.listing(let filter, let generation)) in effects { return (filter, generation) }
    return nil
  }

  func testATickAsksOnceAndTheAnswerIsTaken() throws {
    var state = try makeSearchingState()
    XCTAssertFalse(state.countsKnown)
    XCTAssertTrue(state.hasPendingWork)
    let request = try XCTUnwrap(countRequest(state.handle(.tick, now: 0)))
    XCTAssertEqual(request.0, state.filter)
    // Asked: nothing pending while the answer is on its way, and no second request.
    XCTAssertFalse(state.hasPendingWork)
    XCTAssertNil(countRequest(state.handle(.tick, now: 0)))

    let exact = try state.library.counts(request.0)
    XCTAssertGreaterThan(exact.total, state.counts.total, "more matches than the first screen")
    _ = state.handle(.completed(.counted(generation: request.1, exact)), now: 0)
    XCTAssertTrue(state.countsKnown)
    XCTAssertEqual(state.counts, exact)
  }

  func testAnAnswerForAListingThatChangedIsDropped() throws {
    var state = try makeSearchingState()
    let old = try XCTUnwrap(countRequest(state.handle(.tick, now: 0)))
    _ = state.handle(.key(.backspace), now: 0)
    _ = state.handle(
      .completed(.counted(generation: old.1, ListCounts(total: 999, unread: 9, starred: 9))),
      now: 0)
    XCTAssertFalse(state.countsKnown)
    XCTAssertNotEqual(state.counts.total, 999)
    let new = try XCTUnwrap(countRequest(state.handle(.tick, now: 0)))
    XCTAssertNotEqual(new.1, old.1)
    XCTAssertEqual(new.0, state.filter)
  }

  func testAStarWhileCountingAsksAgain() throws {
    var state = try makeSearchingState()
    _ = state.handle(.key(.escape), now: 0)
    let before = try XCTUnwrap(countRequest(state.handle(.tick, now: 0)))
    let stale = try state.library.counts(before.0)
    // The star lands before the count made without it comes back.
    for effect in state.handle(.key(.character("s")), now: 0) {
      if let outcome = state.carryOut(effect) {
        _ = state.handle(.completed(outcome), now: 0)
      }
    }
    _ = state.handle(.completed(.counted(generation: before.1, stale)), now: 0)
    XCTAssertFalse(state.countsKnown)
    state.idle()
    XCTAssertTrue(state.countsKnown)
    XCTAssertEqual(state.counts, try state.library.counts(state.filter))
    XCTAssertNotEqual(state.counts.starred, stale.starred)
  }

  func testTopicCountsAreAskedOnceAndAnEarlierPickersAreDropped() throws {
    var state = ReaderState(
      store: try makeLibrary(), settings: ReaderSettings(libraryName: "test.sqlite"),
      size: Size(width: 120, height: 40), now: 0)
    _ = state.handle(.key(.character("t")), now: 0)
    let first = state.handle(.tick, now: 0)
    let requests = first.compactMap { effect -> (Int, Int)? in
      if case .count(.topic(let index, _, let generation)) = effect { return (index, generation) }
      return nil
    }
    XCTAssertEqual(requests.map(\.0), Array(0...TopicSet.defaults.topics.count))
    XCTAssertFalse(state.hasPendingWork)
    XCTAssertTrue(state.handle(.tick, now: 0).isEmpty)

    // Closed and opened again: answers for the first picker do not count for the second.
    _ = state.handle(.key(.escape), now: 0)
    _ = state.handle(.key(.character("t")), now: 0)
    let stale = ListCounts(total: 7, unread: 7, starred: 0)
    _ = state.handle(
      .completed(.countedTopic(index: 0, generation: requests[0].1, stale)), now: 0)
    XCTAssertNil(state.topicPicker?.entries[0].counts)
    state.idle()
    XCTAssertEqual(state.topicPicker?.entries[0].counts?.total, 288)
  }
}
