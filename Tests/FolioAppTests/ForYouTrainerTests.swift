import Dispatch
import FolioCore
import FolioReader
import FolioStore
import Foundation
import GRDB
import XCTest

@testable import FolioApp
@testable import FolioStore

/// The background for-you trainer: it retrains only a stale model, after the reader's writes
/// commit, and a library it cannot write makes it report and try again later.
final class ForYouTrainerTests: XCTestCase {
  private func library() throws -> (path: String, store: LibraryStore, ids: [String]) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-trainer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let store = try LibraryStore.open(at: path)
    let day = Day("2026-11-27")!
    let papers = (0..<12).map { index in
      Paper.fromSource(
        title: index < 6 ? "Graph networks \(index)" : "Protein folding \(index)",
        abstract: index < 6 ? "Message passing on graphs." : "Molecular dynamics of proteins.",
        day: day, source: "text")!
    }
    _ = try store.importPapers(file: "t", format: "text", source: "text") { session in
      for paper in papers { try session.add(paper) }
    }
    return (path, store, papers.map(\.id))
  }

  func testItRetrainsAfterACommittedChangeAndOnlyWhenStale() throws {
    let (path, store, ids) = try library()
    let trainer = ForYouTrainer(path: path)
    trainer.nudge()
    XCTAssertTrue(trainer.wait(timeout: 60))
    XCTAssertEqual(trainer.take(), [.retrained(hasModel: false)], "cold start: no model yet")
    trainer.nudge()
    XCTAssertTrue(trainer.wait(timeout: 60))
    XCTAssertEqual(trainer.take(), [.upToDate])

    let writes = LibraryWriteQueue(store: store)
    for id in ids[0..<3] { writes.submit(.setStarred(id: id, starred: true)) }
    XCTAssertEqual(writes.drain(timeout: 60), [])
    XCTAssertEqual(writes.take().count, 3)
    XCTAssertTrue(try store.isForYouModelStale)
    trainer.nudge()
    XCTAssertTrue(trainer.wait(timeout: 60))
    XCTAssertEqual(trainer.take(), [.retrained(hasModel: true)])
    XCTAssertFalse(try store.isForYouModelStale)
    let ranking = try XCTUnwrap(try store.forYouRanking(PaperFilter(), limit: 3))
    XCTAssertTrue(ranking.ids.allSatisfy { ids[0..<6].contains($0) }, "the reader sees it")
  }

  func testALockedLibraryIsReportedAndTriedAgainLater() throws {
    let (path, store, ids) = try library()
    try store.setStarred(true, ids: Array(ids[0..<3]))
    // Another connection holds the write lock until the trainer has failed once.
    let holding = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let holder = Thread {
      try? store.write { db in
        try db.execute(sql: "UPDATE for_you_generation SET value = value")
        holding.signal()
        release.wait()
      }
    }
    holder.start()
    holding.wait()
    let failed = expectation(description: "failed while locked")
    let retrained = expectation(description: "retrained later")
    let trainer = ForYouTrainer(path: path, retryDelay: 0.05) { outcome in
      switch outcome {
      case .failed: failed.fulfill()
      case .retrained(hasModel: true): retrained.fulfill()
      default: break
      }
    }
    trainer.nudge()
    wait(for: [failed], timeout: 60)
    XCTAssertTrue(try store.isForYouModelStale, "nothing saved")
    release.signal()
    wait(for: [retrained], timeout: 60)
    XCTAssertFalse(try store.isForYouModelStale)
  }
}
