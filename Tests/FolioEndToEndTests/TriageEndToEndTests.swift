import Foundation
import GRDB
import XCTest

/// Dismissing, sorting and triage through the real `folio` binary: the CLI's contracts, and a
/// triage session in tmux checked in the database.
final class TriageEndToEndTests: XCTestCase {
  func testDismissHidesPapersUnlessTheQueryAsksAndUnknownIDsChangeNothing() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let ids = try folio.rows().prefix(3).map { $0[0] }
    let unknown = try folio.run(["dismiss", ids[0], "no-such-paper"])
    XCTAssertEqual(unknown.status, 1)
    XCTAssertEqual(unknown.stderr, "folio: error: no paper with id 'no-such-paper'\n")
    XCTAssertEqual(try folio.rows().count, 284, "nothing dismissed")
    XCTAssertEqual(try folio.run(["dismiss", ids[0], ids[2]]).status, 0)
    XCTAssertEqual(try folio.rows().count, 282)
    XCTAssertFalse(try folio.rows().contains { $0[0] == ids[0] })
    let dismissed = try folio.run(["list", "--format", "json", "--filter", "is:dismissed"])
    XCTAssertEqual(dismissed.status, 0, dismissed.stderr)
    let objects = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(dismissed.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(objects.compactMap { $0["id"] as? String }, [ids[0], ids[2]])
    XCTAssertTrue(objects.allSatisfy { $0["dismissed"] as? Bool == true })
    let shown = try folio.run(["list", "--format", "json", "--limit", "1"])
    let first = try XCTUnwrap(
      (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])?.first)
    XCTAssertEqual(first["dismissed"] as? Bool, false)
    // Export leaves them out too.
    XCTAssertEqual(try folio.run(["star", ids[0], ids[1]]).status, 0)
    let export = try folio.run(["export", "--format", "json", "--filter", "is:starred"])
    XCTAssertEqual(export.status, 0, export.stderr)
    XCTAssertTrue(export.stdout.contains(ids[1]) && !export.stdout.contains(ids[0]), export.stdout)
    XCTAssertEqual(try folio.run(["undismiss", ids[0]]).status, 0)
    XCTAssertEqual(try folio.rows().count, 283)
    XCTAssertEqual(try folio.run(["undismiss", "nope"]).status, 1)
  }

  func testListSortsByTheOrderAsked() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let byUpvotes = try folio.run(["list", "--format", "json", "--sort", "upvotes"])
    XCTAssertEqual(byUpvotes.status, 0, byUpvotes.stderr)
    let objects = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(byUpvotes.stdout.utf8)) as? [[String: Any]])
    let upvotes = objects.map { $0["upvotes"] as? Int ?? -1 }
    XCTAssertEqual(upvotes, upvotes.sorted(by: >))
    XCTAssertEqual(try folio.run(["list", "--sort", "listing"]).status, 0)
    XCTAssertEqual(try folio.run(["list", "--sort", "published"]).status, 0)
    let bad = try folio.run(["list", "--sort", "random"])
    XCTAssertEqual(bad.status, 64, bad.stderr)
  }

  func testATriageSessionStarsDismissesSkipsAndUndoesInTheDatabase() throws {
    let folio = try FolioRunner(self)
    let tmux = try TmuxSession.sampleReader(folio, testCase: self)
    try tmux.send("i")
    try tmux.waitFor("Triage 1/284")
    try tmux.send("s")
    try tmux.waitFor("Triage 2/284")
    try tmux.send("x")
    try tmux.waitFor("Triage 3/284")
    try tmux.send(" ")
    try tmux.waitFor("Triage 4/284")
    try tmux.send("u")
    try tmux.waitFor("undid mark")
    try tmux.waitFor("Triage 3/284")
    try tmux.send("q")
    try tmux.waitFor("283 shown")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    let rows = try folio.rows(["--filter", "is:dismissed or not is:dismissed"])
    XCTAssertEqual(rows.count, 284)
    let states = try folio.database().read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT p.id, s.starred_at IS NOT NULL AS starred, s.read_at IS NOT NULL AS read,
            s.dismissed_at IS NOT NULL AS dismissed
          FROM paper p JOIN paper_state s ON s.paper_seq = p.seq
          """
      ).map { row -> (String, Bool, Bool, Bool) in
        (row["id"], row["starred"], row["read"], row["dismissed"])
      }
    }
    let byID = Dictionary(uniqueKeysWithValues: states.map { ($0.0, $0) })
    XCTAssertEqual(byID[rows[0][0]]?.1, true, "the first card starred")
    XCTAssertEqual(byID[rows[1][0]]?.3, true, "the second dismissed")
    XCTAssertEqual(byID[rows[2][0]]?.2 ?? false, false, "the third's read mark undone")
    XCTAssertEqual(states.filter { $0.1 || $0.2 || $0.3 }.count, 2, "nothing else changed")
  }
}
