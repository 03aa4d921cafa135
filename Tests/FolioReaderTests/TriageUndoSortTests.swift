import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

/// Triage (`i`), undo (`u`), dismissing in the list (`x`) and the sort orders (`S`), against
/// the in-memory library (and the sample store for the snapshots).
final class TriageUndoSortTests: XCTestCase {
  typealias Driver = ReaderStateMachineTests.Driver

  private func state(_ library: InMemoryLibrary, _ id: String) -> PaperState? {
    library.papers.first { $0.id == id }?.state
  }

  // MARK: - Triage

  func testTriageStarsDismissesSkipsAndUndoesOneCardAtATime() throws {
    let library = InMemoryLibrary(days: 1, perDay: 6)
    let ids = library.papers.map(\.id)
    _ = library.perform(.library(.setRead(id: ids[1], read: true, announce: true)))
    var driver = Driver(library)
    driver.type("i")
    XCTAssertEqual(driver.state.mode, .screen(.triage))
    XCTAssertEqual(driver.state.triage?.card?.id, ids[0])
    XCTAssertEqual(driver.state.triage?.progress, "1/5", "five unread papers in the view")
    driver.type("s")
    XCTAssertEqual(state(library, ids[0])?.isStarred, true)
    XCTAssertEqual(driver.state.triage?.card?.id, ids[2], "a read paper is not a card")
    XCTAssertEqual(driver.state.triage?.progress, "2/5")
    driver.type("x")
    XCTAssertEqual(state(library, ids[2])?.isDismissed, true)
    driver.type(" ")
    XCTAssertEqual(state(library, ids[3])?.isRead, true)
    driver.type("j")
    XCTAssertEqual(state(library, ids[4])?.isRead, true)
    XCTAssertEqual(driver.state.triage?.card?.id, ids[5])
    XCTAssertEqual(driver.state.triage?.progress, "5/5")
    // Undo goes back a step: the change is taken back and its card shows again.
    driver.type("u")
    XCTAssertEqual(state(library, ids[4])?.isRead, false)
    XCTAssertEqual(driver.state.triage?.card?.id, ids[4])
    XCTAssertEqual(driver.state.triage?.progress, "4/5")
    XCTAssertEqual(driver.state.status?.text, "undid mark \(ids[4]) read")
    driver.type("uu")
    XCTAssertEqual(state(library, ids[2])?.isDismissed, false)
    XCTAssertEqual(driver.state.triage?.card?.id, ids[2])
    XCTAssertEqual(state(library, ids[3])?.isRead, false, "three steps undone")
    driver.type("xjjj")
    XCTAssertNil(driver.state.triage?.card, "every unread paper seen")
    XCTAssertEqual(driver.state.triage?.progress, "done")
    driver.type("s")
    XCTAssertEqual(driver.state.status?.text, "every unread paper here is done: q to leave")
    driver.type("q")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertNil(driver.state.triage)
    XCTAssertFalse(
      driver.state.window.rows.contains { $0.id == ids[2] }, "the dismissed paper left the list")
  }

  func testTriageStarsAStarredPaperOnlyOnceSoUndoKeepsTheOldStar() throws {
    let library = InMemoryLibrary(days: 1, perDay: 3)
    let id = library.papers[0].id
    _ = library.perform(.library(.setStarred(id: id, starred: true)))
    var driver = Driver(library)
    driver.type("i")
    driver.type("s")
    XCTAssertEqual(driver.state.undoLog.count, 0, "nothing changed, nothing to undo")
    driver.type("u")
    XCTAssertEqual(driver.state.status?.text, "nothing to undo")
    XCTAssertEqual(state(library, id)?.isStarred, true)
  }

  func testTriageWithNothingUnreadStaysInTheList() throws {
    let library = InMemoryLibrary(days: 1, perDay: 2)
    var driver = Driver(library)
    driver.type("A")
    driver.type("y")
    driver.type("i")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertEqual(driver.state.status?.text, "nothing unread here")
  }

  func testTriageFollowsTheViewsOrder() throws {
    let library = InMemoryLibrary(days: 2, perDay: 3)
    var driver = Driver(library)
    driver.type("a")  // all days
    driver.type("S")  // by upvotes: day 0 and day 1 papers interleave
    XCTAssertEqual(driver.state.listing.order, .upvotes)
    let listed = driver.state.window.rows.map(\.id)
    driver.type("i")
    var seen: [String] = []
    while let card = driver.state.triage?.card {
      seen.append(card.id)
      driver.type("j")
    }
    XCTAssertEqual(seen, listed)
  }

  // MARK: - Undo

  func testUndoTakesBackEachKindOfChange() throws {
    let library = InMemoryLibrary(days: 1, perDay: 4)
    let ids = library.papers.map(\.id)
    var driver = Driver(library)
    driver.type("s")
    XCTAssertEqual(state(library, ids[0])?.isStarred, true)
    driver.type("u")
    XCTAssertEqual(state(library, ids[0])?.isStarred, false)
    XCTAssertEqual(driver.state.status?.text, "undid star \(ids[0])")
    driver.type("r")
    driver.type("u")
    XCTAssertEqual(state(library, ids[0])?.isRead, false)
    XCTAssertEqual(driver.state.status?.text, "undid mark \(ids[0]) read")
    // Marking all read, then undoing it, unmarks only what it marked.
    _ = library.perform(.library(.setRead(id: ids[3], read: true, announce: true)))
    driver.send(.libraryChanged)
    driver.type("Ay")
    XCTAssertTrue(library.papers.allSatisfy(\.state.isRead))
    driver.type("u")
    XCTAssertEqual(library.papers.map(\.state.isRead), [false, false, false, true])
    XCTAssertEqual(driver.state.status?.text, "undid mark all shown read")
    // A note edited in the editor (the app saves it), then undone: the old text comes back.
    _ = library.perform(.library(.setNote(id: ids[0], note: "first")))
    driver.send(.libraryChanged)
    XCTAssertEqual(driver.state.detail?.state.note, "first")
    _ = library.perform(.library(.setNote(id: ids[0], note: "second")))
    driver.send(.completed(.noteSaved(id: ids[0])))
    driver.type("u")
    XCTAssertEqual(state(library, ids[0])?.note, "first")
    XCTAssertEqual(driver.state.status?.text, "undid note on \(ids[0])")
    // Dismissing in the list moves on to the next paper; undoing brings it back.
    driver.type("x")
    XCTAssertEqual(state(library, ids[0])?.isDismissed, true)
    XCTAssertEqual(driver.state.detail?.id, ids[1], "dismissed and moved on")
    XCTAssertEqual(driver.state.counts.total, 3)
    driver.type("u")
    XCTAssertEqual(state(library, ids[0])?.isDismissed, false)
    XCTAssertEqual(driver.state.counts.total, 4)
    XCTAssertEqual(driver.state.status?.text, "undid dismiss \(ids[0])")
  }

  func testUndoGoesBackMoreThanAHundredSteps() throws {
    let library = InMemoryLibrary(days: 1, perDay: 130)
    var driver = Driver(library)
    for _ in 0..<130 { driver.type("sJ") }
    XCTAssertTrue(library.papers.allSatisfy(\.state.isStarred))
    XCTAssertEqual(driver.state.undoLog.count, UndoLog.capacity)
    for step in 0..<UndoLog.capacity {
      driver.type("u")
      let index = 129 - step
      XCTAssertEqual(library.papers[index].state.isStarred, false, "step \(step)")
    }
    driver.type("u")
    XCTAssertEqual(driver.state.status?.text, "nothing to undo")
    XCTAssertEqual(
      library.papers.filter(\.state.isStarred).count, 130 - UndoLog.capacity,
      "the oldest steps fell off the ring")
  }

  func testTheUndoRingKeepsTheNewestInOrderAfterWrapping() {
    var log = UndoLog()
    for index in 0..<(UndoLog.capacity + 10) {
      log.record(.init(undo: .setStarred(id: "\(index)", starred: false), summary: "\(index)"))
    }
    XCTAssertEqual(log.count, UndoLog.capacity)
    var taken: [String] = []
    while let entry = log.takeLast() { taken.append(entry.summary) }
    XCTAssertEqual(taken, (10..<(UndoLog.capacity + 10)).reversed().map(String.init))
  }

  func testTheAutomaticMarkAsReadIsNotUndone() {
    XCTAssertNil(LibraryChange.setRead(id: "a", read: true, announce: false).inverse)
    XCTAssertEqual(
      LibraryChange.markAllRead(PaperFilter(), at: Date(timeIntervalSince1970: 5)).inverse,
      .unmarkRead(at: Date(timeIntervalSince1970: 5)))
  }

  // MARK: - Sort

  func testSCyclesTheOrdersAndTheHeaderSaysWhichIsInForce() throws {
    let library = InMemoryLibrary(days: 2, perDay: 3)
    var driver = Driver(library, width: 80, height: 24)
    driver.type("a")
    let listingOrder = driver.state.window.rows.map(\.id)
    XCTAssertEqual(listingOrder, library.papers.map(\.id))
    driver.type("S")
    XCTAssertEqual(driver.state.listing.order, .upvotes)
    let byUpvotes = driver.state.window.rows.map(\.upvotes)
    XCTAssertEqual(byUpvotes, [3, 3, 2, 2, 1, 1])
    let header = ReaderView.render(driver.state).textRows[0]
    XCTAssertTrue(header.contains("all days · by upvotes"), header)
    driver.type("S")
    XCTAssertEqual(driver.state.listing.order, .published)
    driver.type("S")
    XCTAssertEqual(driver.state.listing.order, .forYou)
    XCTAssertTrue(ReaderView.render(driver.state).textRows[0].contains("by for-you"))
    driver.type("S")
    XCTAssertEqual(driver.state.listing.order, .citations)
    XCTAssertTrue(ReaderView.render(driver.state).textRows[0].contains("by citations"))
    driver.type("S")
    XCTAssertEqual(driver.state.listing.order, .listing)
    XCTAssertEqual(driver.state.window.rows.map(\.id), listingOrder)
    XCTAssertFalse(ReaderView.render(driver.state).textRows[0].contains(" by "))
  }

  // MARK: - Snapshots

  func testSnapshotsOfTriageAndOfTheHeaderWithASort() throws {
    for (width, height) in [(80, 24), (120, 40), (40, 10)] {
      var harness = ReaderHarness(store: try makeLibrary(), width: width, height: height)
      harness.type("i")
      XCTAssertEqual(harness.state.mode, .screen(.triage))
      harness.type("j")
      assertSnapshot(harness.grid, named: "triage-\(width)x\(height)")
    }
    var harness = ReaderHarness(store: try makeLibrary(), width: 80, height: 24)
    harness.type("S")
    assertSnapshot(harness.grid, named: "sorted-by-upvotes-80x24")
  }
}
