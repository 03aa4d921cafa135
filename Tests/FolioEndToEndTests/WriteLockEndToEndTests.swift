import Foundation
import GRDB
import XCTest

/// Another process holds the library's write lock (an import, say) while the reader is used:
/// the reader keeps moving, searching and painting, shows its own change as pending, and
/// commits it once the lock is released; quitting meanwhile waits for it instead of losing it.
final class WriteLockEndToEndTests: XCTestCase {
  static let firstTitle = "Need is All You Need: Homeostatic"

  /// The write lock, held by a connection of this test process until ``release()``.
  final class HeldWriteLock: @unchecked Sendable {
    private let locked = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(path: String) throws {
      let queue = try DatabaseQueue(path: path)
      DispatchQueue.global().async { [self] in
        try? queue.writeWithoutTransaction { db in
          try db.execute(sql: "BEGIN IMMEDIATE")
          locked.signal()
          released.wait()
          try db.execute(sql: "COMMIT")
        }
        finished.signal()
      }
      guard locked.wait(timeout: .now() + 30) == .success else {
        throw TmuxSession.TimeoutError()
      }
    }

    func release() {
      released.signal()
      _ = finished.wait(timeout: .now() + 30)
    }
  }

  /// The reader in tmux; with `statusFile`, run by a shell that writes its exit status there
  /// (tmux 3.3's `pane_dead_status` is sometimes never set when the pane's process is the one
  /// that exits, so the status is taken from a parent that surely sees it).
  func startReader(_ folio: FolioRunner, statusFile: String? = nil) throws -> TmuxSession {
    let command =
      statusFile.map { ["/bin/sh", "-c", "\"$0\"; echo $? > \"$1\"", FolioRunner.binary.path, $0] }
      ?? [FolioRunner.binary.path]
    let tmux = try TmuxSession(
      command, environment: folio.environment, keepAfterExit: true, testCase: self)
    try tmux.waitFor(Self.firstTitle)
    try tmux.waitFor("284 shown")
    return tmux
  }

  func starredInLibrary(_ folio: FolioRunner) throws -> Int {
    try folio.database().read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM paper_state WHERE starred_at IS NOT NULL")
        ?? -1
    }
  }

  func testTheReaderKeepsGoingWhileAnotherProcessHoldsTheWriteLock() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    let lock = try HeldWriteLock(path: folio.databasePath)
    var released = false
    defer { if !released { lock.release() } }

    try tmux.send("s")
    // Pending: a hollow star and "saving", never the committed ★ or "starred".
    var screen = try tmux.waitFor(" ●☆ Need is All You Need")
    XCTAssertTrue(screen.contains("saving 1…"), screen)
    XCTAssertTrue(screen.contains("0 ★"), screen)
    XCTAssertFalse(screen.contains(" starred "), screen)

    // The reader moves, row by row, for several seconds while the write waits (each step
    // waits for the screen to show it)...
    var row = 1
    let heldSince = Date()
    while Date().timeIntervalSince(heldSince) < 3 && row < 250 {
      try tmux.send("j")
      row += 1
      try tmux.waitFor(" \(row)/284")
    }
    // ...and searches.
    try tmux.send("/")
    try tmux.type("Semantic")
    screen = try tmux.waitForScreen("the search to narrow the list") {
      $0.contains("/Semantic") && !$0.contains("284 shown") && $0.contains("saving 1…")
    }
    try tmux.send("Escape", "Escape")
    try tmux.waitFor("284 shown")
    try tmux.send("g")
    screen = try tmux.waitFor("1/284")
    XCTAssertTrue(screen.contains(" ●☆ Need is All You Need"), "still pending:\n\(screen)")
    XCTAssertEqual(try starredInLibrary(folio), 0, "the star waits for the lock")

    lock.release()
    released = true
    screen = try tmux.waitFor(" ●★ Need is All You Need")
    XCTAssertTrue(try tmux.waitFor("1 ★").contains("1 ★"))
    XCTAssertFalse(screen.contains("☆"), screen)
    XCTAssertEqual(try starredInLibrary(folio), 1)
  }

  func testQuittingWaitsForAQueuedStar() throws {
    let folio = try FolioRunner(self)
    let statusFile = folio.directory.appendingPathComponent("status").path
    let tmux = try startReader(folio, statusFile: statusFile)
    let lock = try HeldWriteLock(path: folio.databasePath)
    var released = false
    defer { if !released { lock.release() } }

    try tmux.send("s")
    try tmux.waitFor(" ●☆ Need is All You Need")
    try tmux.send("q")
    try tmux.waitFor("saving 1 change before quitting…")
    XCTAssertFalse(try tmux.isDead(), "the reader waits for the write")

    lock.release()
    released = true
    var status = ""
    try TmuxSession.waitUntil("folio to quit") {
      status = (try? String(contentsOfFile: statusFile, encoding: .utf8)) ?? ""
      return status.hasSuffix("\n")
    }
    XCTAssertEqual(status, "0\n")
    XCTAssertEqual(try starredInLibrary(folio), 1)
  }
}
