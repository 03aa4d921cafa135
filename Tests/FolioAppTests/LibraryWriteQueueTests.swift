import Dispatch
import FolioCore
import FolioReader
import FolioStore
import Foundation
import XCTest

@testable import FolioApp

/// The reader's library writer: changes made one at a time in the order given, each outcome
/// delivered, and quitting waits for the queue (bounded) and names what was not saved.
final class LibraryWriteQueueTests: XCTestCase {
  /// A writer whose changes wait until the test opens the gate, recording the order.
  final class GatedWriter: @unchecked Sendable {
    let gate = DispatchSemaphore(value: 0)
    let started = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var made: [LibraryChange] = []

    var order: [LibraryChange] { lock.withLock { made } }

    func write(_ change: LibraryChange) -> EffectOutcome {
      started.signal()
      gate.wait()
      lock.withLock { made.append(change) }
      if case .setStarred(let id, let starred) = change { return .starred(id: id, starred) }
      return .writeFailed(change, "the library is busy")
    }
  }

  func waitForAll(_ queue: LibraryWriteQueue) {
    XCTAssertEqual(queue.drain(timeout: 60), [], "every write ends")
  }

  func testChangesAreMadeInOrderAndEachOutcomeComesBack() {
    let writer = GatedWriter()
    let queue = LibraryWriteQueue { writer.write($0) }
    let changes: [LibraryChange] = (0..<20).map {
      .setStarred(id: "p\($0 % 3)", starred: $0 % 2 == 0)
    }
    for change in changes { queue.submit(change) }
    XCTAssertTrue(queue.isBusy)
    writer.started.wait()
    XCTAssertNotNil(queue.secondsWriting, "a write is being made")
    XCTAssertEqual(queue.waiting, 20)
    XCTAssertEqual(queue.take(), [], "nothing is reported before it is made")
    for _ in changes { writer.gate.signal() }
    waitForAll(queue)
    XCTAssertEqual(writer.order, changes)
    XCTAssertEqual(
      queue.take(),
      changes.map {
        guard case .setStarred(let id, let starred) = $0 else { fatalError() }
        return .starred(id: id, starred)
      })
    XCTAssertFalse(queue.isBusy)
    XCTAssertNil(queue.secondsWriting)
    XCTAssertEqual(queue.take(), [], "each outcome is delivered once")
  }

  func testAFailedChangeComesBackAsAFailureOfThatChange() {
    let writer = GatedWriter()
    let queue = LibraryWriteQueue { writer.write($0) }
    queue.submit(.setRead(id: "p1", read: true, announce: true))
    writer.gate.signal()
    waitForAll(queue)
    XCTAssertEqual(
      queue.take(),
      [.writeFailed(.setRead(id: "p1", read: true, announce: true), "the library is busy")])
  }

  func testOtherJobsKeepTheirPlaceInLine() {
    let writer = GatedWriter()
    let queue = LibraryWriteQueue { writer.write($0) }
    queue.submit(.setStarred(id: "a", starred: true))
    queue.submit("note on a") { .noteSaved(id: "a") }
    queue.submit(.setStarred(id: "b", starred: true))
    writer.gate.signal()
    writer.gate.signal()
    waitForAll(queue)
    XCTAssertEqual(
      queue.take(), [.starred(id: "a", true), .noteSaved(id: "a"), .starred(id: "b", true)])
  }

  func testDrainingWaitsForQueuedChanges() {
    let writer = GatedWriter()
    let queue = LibraryWriteQueue { writer.write($0) }
    queue.submit(.setStarred(id: "a", starred: true))
    queue.submit(.setStarred(id: "b", starred: true))
    writer.started.wait()
    // The writer is released from another thread while the drain waits.
    DispatchQueue.global().async {
      writer.gate.signal()
      writer.gate.signal()
    }
    XCTAssertEqual(queue.drain(timeout: 60), [])
    XCTAssertEqual(writer.order.count, 2, "both changes were made before the drain returned")
  }

  func testDrainingNamesWhatWasNotSavedWhenTheWriterStaysBlocked() {
    let writer = GatedWriter()
    let queue = LibraryWriteQueue { writer.write($0) }
    queue.submit(.setStarred(id: "a", starred: true))
    queue.submit(.markAllRead(PaperFilter(), at: Date()))
    writer.started.wait()
    XCTAssertEqual(queue.drain(timeout: 0.05), ["star a", "mark all shown read"])
    writer.gate.signal()
    writer.gate.signal()
    waitForAll(queue)
  }

  func testWritesReachTheLibrary() throws {
    let store = try LibraryStore.inMemory()
    try store.importPapers(file: "t", format: "test", source: "t") { session in
      try session.add(
        Paper.fromSource(title: "One", abstract: "A.", day: Day("2026-11-27")!, source: "t")!)
    }
    let id = try XCTUnwrap(store.summaries(PaperFilter(), limit: 1, offset: 0).first?.id)
    let queue = LibraryWriteQueue(store: store)
    queue.submit(.setStarred(id: id, starred: true))
    queue.submit(.setStarred(id: "no such paper", starred: true))
    waitForAll(queue)
    let outcomes = queue.take()
    XCTAssertEqual(outcomes.first, .starred(id: id, true))
    guard case .writeFailed(.setStarred(id: "no such paper", starred: true), _) = outcomes.last
    else { return XCTFail("the unknown paper fails: \(outcomes)") }
    XCTAssertEqual(try store.paper(id: id)?.state.isStarred, true)
  }

  func testASignalReachesTheLibraryAsForYousSignal() throws {
    let store = try LibraryStore.inMemory()
    try store.importPapers(file: "t", format: "test", source: "t") { session in
      try session.add(
        Paper.fromSource(title: "One", abstract: "A.", day: Day("2026-11-27")!, source: "t")!)
    }
    let id = try XCTUnwrap(store.summaries(PaperFilter(), limit: 1, offset: 0).first?.id)
    let queue = LibraryWriteQueue(store: store)
    let time = Date(timeIntervalSince1970: 1_800_000_000)
    queue.submit(.recordSignal(.opened, id: id, at: time))
    waitForAll(queue)
    XCTAssertEqual(queue.take(), [.signalRecorded(.opened, id: id)])
    let signals = try store.forYouSignals(now: time)
    XCTAssertEqual(signals.map(\.id), [id])
    XCTAssertEqual(signals.first?.signal, .opened)
    XCTAssertEqual(try store.paper(id: id)?.state.isRead, false, "a signal changes no state")
  }
}
