import Foundation
import XCTest

/// The reader open while two command-line processes star, unstar and import at once: every
/// command succeeds (no "database is locked"), no change is lost, and the reader shows the
/// result within a second.
final class ConcurrentUseTests: XCTestCase {
  /// A text listing of `count` papers no other file shares.
  static func listing(_ name: String, count: Int) -> String {
    (0..<count).map { "Concurrent \(name) paper \($0)\nAbstract of \(name) \($0).\n" }.joined()
  }

  func testTwoWritersAndTheReaderAtOnce() throws {
    let folio = try FolioRunner(self)
    XCTAssertEqual(try folio.run(["import", FolioRunner.sample]).status, 0)
    let ids = try folio.rows().map { $0[0] }
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, testCase: self)
    try tmux.waitFor("284 shown")
    try tmux.waitFor("0 ★")

    let rounds = 3
    let perImport = 1500
    nonisolated(unsafe) var failures: [String] = []
    let lock = NSLock()
    let group = DispatchGroup()
    for (name, mine, day) in [
      ("alpha", ids[0..<10], "2001-01-01"), ("beta", ids[10..<20], "2001-01-02"),
    ] {
      DispatchQueue.global().async(group: group) {
        let found = Self.work(
          folio, name: name, mine: Array(mine), day: day, rounds: rounds, perImport: perImport)
        lock.withLock { failures += found }
      }
    }
    XCTAssertEqual(group.wait(timeout: .now() + 120), .success)
    let finished = Date()
    XCTAssertEqual(failures, [], "a command failed while others wrote")

    // The reader polls for other processes' commits: it must catch up within a second. Ten
    // stars may also have been the count for a moment in between, so one more change, to a
    // count the screen has not shown since the writers started, settles it.
    try tmux.waitFor("10 ★", timeout: 1)
    XCTAssertLessThanOrEqual(Date().timeIntervalSince(finished), 1.0)
    let expected = Set(ids[0..<5] + ids[10..<15])
    XCTAssertEqual(Set(try folio.rows(["--starred"]).map { $0[0] }), expected, "a change was lost")
    let unstarAll = try folio.run(["unstar"] + ids[0..<5] + ids[10..<15])
    XCTAssertEqual(unstarAll.status, 0, unstarAll.stderr)
    let unstarred = Date()
    try tmux.waitFor("0 ★", timeout: 1)
    XCTAssertLessThanOrEqual(Date().timeIntervalSince(unstarred), 1.0)

    XCTAssertEqual(try folio.rows(["--starred"]).count, 0)
    for day in ["2001-01-01", "2001-01-02"] {
      XCTAssertEqual(try folio.rows(["--day", day]).count, rounds * perImport, day)
    }
    let integrity = try folio.database().read {
      try String.fetchOne($0, sql: "PRAGMA integrity_check")
    }
    XCTAssertEqual(integrity, "ok")
  }

  /// One writer: it owns the papers `mine`, stars all of them, then unstars the last five,
  /// every round; between rounds it imports a file of new papers listed on `day`. Returns the
  /// commands that failed or wrote to stderr.
  static func work(
    _ folio: FolioRunner, name: String, mine: [String], day: String, rounds: Int, perImport: Int
  ) -> [String] {
    var failures: [String] = []
    func run(_ arguments: [String]) {
      do {
        let result = try folio.run(arguments)
        if result.status != 0 || !result.stderr.isEmpty {
          failures.append("\(arguments.prefix(2)): \(result.status) \(result.stderr)")
        }
      } catch {
        failures.append("\(arguments.prefix(2)): \(error)")
      }
    }
    for round in 0..<rounds {
      for id in mine { run(["star", id]) }
      for id in mine.suffix(5) { run(["unstar", id]) }
      do {
        let file = try folio.file(
          "\(name)-\(round).txt", text: listing("\(name) \(round)", count: perImport))
        run(["import", "--day", day, file])
      } catch {
        failures.append("writing the listing: \(error)")
      }
    }
    return failures
  }
}
