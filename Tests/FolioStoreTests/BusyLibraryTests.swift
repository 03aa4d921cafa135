import FolioCore
import Foundation
import GRDB
import XCTest

@testable import FolioStore

/// Another process holding the write lock (a long import) makes a change wait, never fail with
/// "database is locked", up to the write wait limit.
final class BusyLibraryTests: XCTestCase {
  /// Holds the library's write lock from another connection, as another process's import
  /// would, and lets it go after `seconds`.
  func holdWriteLock(_ path: String, for seconds: TimeInterval) throws -> XCTestExpectation {
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true  // the lock outlives one access, on purpose
    let other = try DatabaseQueue(path: path, configuration: configuration)
    try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
    let released = expectation(description: "lock released")
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
      try? other.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
      released.fulfill()
    }
    return released
  }

  func testAChangeWaitsOutALockHeldLongerThanTheBusyTimeout() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("f.sqlite").path
    let store = try LibraryStore.open(at: path, busyTimeout: 0.1)
    let paper = makePaper("Waiting")
    try store.add([paper])
    let released = try holdWriteLock(path, for: 1)
    let started = Date()
    try store.setStarred(true, ids: [paper.id])
    XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.9, "it waited for the lock")
    XCTAssertEqual(try store.papers(PaperFilter(state: .starred)).map(\.id), [paper.id])
    wait(for: [released], timeout: 5)

    // An import waits the same way, and so does opening a second time meanwhile.
    let again = try holdWriteLock(path, for: 1)
    let reopened = try LibraryStore.open(at: path, busyTimeout: 0.1)
    let summary = try reopened.importPapers(file: "f", format: "text", source: "text") {
      try $0.add(makePaper("Imported while busy"))
    }
    XCTAssertEqual(summary.new, 1)
    wait(for: [again], timeout: 5)
  }

  func testPastTheWaitLimitTheLibraryIsReportedBusyAndUnchanged() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("f.sqlite").path
    let store = try LibraryStore.open(at: path, busyTimeout: 0.1, writeWaitLimit: 0.3)
    let paper = makePaper("Busy")
    try store.add([paper])
    let released = try holdWriteLock(path, for: 1.5)
    XCTAssertThrowsError(try store.setStarred(true, ids: [paper.id])) {
      XCTAssertEqual(
        ($0 as? StoreError)?.message,
        "cannot use the library \(path): another folio kept the library busy; try again")
    }
    wait(for: [released], timeout: 5)
    XCTAssertEqual(try store.papers(PaperFilter(state: .starred)).count, 0)
  }
}
