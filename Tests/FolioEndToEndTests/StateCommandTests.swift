import Foundation
import XCTest

final class StateCommandTests: XCTestCase {
  func testStarAndReadShowInListAndInASecondConnection() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let ids = try folio.rows().prefix(3).map { $0[0] }
    XCTAssertEqual(try folio.run(["star", ids[0], ids[2]]).status, 0)
    XCTAssertEqual(try folio.run(["read", ids[1]]).status, 0)

    let starred = try folio.rows(["--starred"]).map { $0[0] }
    XCTAssertEqual(starred, [ids[0], ids[2]])
    XCTAssertEqual(try folio.rows(["--read"]).map { $0[0] }, [ids[1]])
    XCTAssertEqual(try folio.rows(["--unread"]).count, 283)
    let stored = try folio.database().read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT p.id FROM paper p JOIN paper_state s ON s.paper_seq = p.seq WHERE s.starred_at IS NOT NULL ORDER BY p.seq"
      )
    }
    XCTAssertEqual(stored, [ids[0], ids[2]])

    XCTAssertEqual(try folio.run(["unstar", ids[0]]).status, 0)
    XCTAssertEqual(try folio.run(["unread", ids[1]]).status, 0)
    XCTAssertEqual(try folio.rows(["--starred"]).map { $0[0] }, [ids[2]])
    XCTAssertEqual(try folio.rows(["--read"]).count, 0)
  }

  func testUnknownIDFailsWholeCallWithExitOne() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let id = try folio.rows()[0][0]
    for command in ["star", "unstar", "read", "unread"] {
      let result = try folio.run([command, id, "no-such-paper"])
      XCTAssertEqual(result.status, 1, command)
      XCTAssertEqual(result.stderr, "folio: error: no paper with id 'no-such-paper'\n")
    }
    XCTAssertEqual(try folio.rows(["--starred"]).count, 0)
    XCTAssertEqual(try folio.rows(["--read"]).count, 0)
    let show = try folio.run(["show", "nope"])
    XCTAssertEqual(show.status, 1)
    XCTAssertEqual(show.stderr, "folio: error: no paper with id 'nope'\n")
  }

  func testNoteFromArgumentAndFromEditor() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let id = try folio.rows()[0][0]
    XCTAssertEqual(try folio.run(["note", id, "Read for *Friday*"]).status, 0)
    XCTAssertTrue(try folio.run(["show", id]).stdout.contains("Note       Read for *Friday*"))

    // The editor gets the current note in a file and writes the new one.
    let editor = try folio.file(
      "editor.sh",
      text: "#!/bin/sh\ngrep -q 'Friday' \"$1\" || exit 3\nprintf 'Edited note\\n' > \"$1\"\n")
    chmod(editor, 0o755)
    let edited = try folio.run(["note", id], environment: ["EDITOR": editor])
    XCTAssertEqual(edited.status, 0, edited.stderr)
    let json = try folio.run(["list", "--format", "json", "--limit", "1"]).stdout
    XCTAssertTrue(json.contains("\"note\": \"Edited note\""), json)

    let failing = try folio.file("fail.sh", text: "#!/bin/sh\nexit 2\n")
    chmod(failing, 0o755)
    let failed = try folio.run(["note", id], environment: ["VISUAL": failing])
    XCTAssertEqual(failed.status, 1)
    XCTAssertTrue(
      failed.stderr.contains("exited with status 2; the note was not changed"), failed.stderr)
    XCTAssertTrue(try folio.run(["show", id]).stdout.contains("Edited note"))
  }
}
