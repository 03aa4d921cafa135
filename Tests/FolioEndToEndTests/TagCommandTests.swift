import Foundation
import GRDB
import XCTest

/// `folio tag`, `untag`, `tags`, `tag:` in queries and JSON, `export --group tag`, and
/// `folio topics add/remove` (issue 18), from outside: exit codes, formats, case.
final class TagCommandTests: XCTestCase {
  func testTagUntagAndTagsWithCaseAndFirstSpelling() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let ids = try folio.rows().prefix(3).map { $0[0] }
    XCTAssertEqual(try folio.run(["tag", "Survey", ids[0], ids[1]]).status, 0)
    XCTAssertEqual(try folio.run(["tag", "SURVEY", ids[2]]).status, 0)
    XCTAssertEqual(try folio.run(["tag", "week/1", ids[0]]).status, 0)
    XCTAssertEqual(try folio.run(["read", ids[0]]).status, 0)

    XCTAssertEqual(
      try folio.run(["tags", "--format", "tsv"]).stdout, "Survey\t3\t2\nweek/1\t1\t0\n")
    let table = try folio.run(["tags"]).stdout
    XCTAssertEqual(table.split(separator: "\n").first, "TAG     PAPERS  UNREAD")
    XCTAssertTrue(table.contains("Survey       3       2"), table)
    let json = try folio.run(["tags", "--format", "json"]).stdout
    let parsed = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    XCTAssertEqual(parsed.first?["name"] as? String, "Survey")
    XCTAssertEqual(parsed.first?["papers"] as? Int, 3)
    XCTAssertEqual(parsed.first?["unread"] as? Int, 2)

    XCTAssertEqual(Set(try folio.rows(["--filter", "tag:survey"]).map { $0[0] }), Set(ids))
    XCTAssertEqual(try folio.rows(["--filter", "has:tag"]).count, 3)
    XCTAssertEqual(try folio.rows(["--filter=-has:tag"]).count, 281)
    let listed = try folio.run(["list", "--filter", "tag:WEEK/1", "--format", "json"]).stdout
    let objects = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
    XCTAssertEqual(objects.map { $0["tags"] as? [String] }, [["Survey", "week/1"]])

    XCTAssertEqual(try folio.run(["untag", "survey", ids[0], ids[1], ids[2]]).status, 0)
    XCTAssertEqual(try folio.run(["tags", "--format", "tsv"]).stdout, "week/1\t1\t0\n")
  }

  func testUnknownIDChangesNothingAndABadNameIsAUsageError() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let id = try folio.rows()[0][0]
    for command in ["tag", "untag"] {
      let result = try folio.run([command, "x", id, "no-such-paper"])
      XCTAssertEqual(result.status, 1, command)
      XCTAssertEqual(result.stderr, "folio: error: no paper with id 'no-such-paper'\n")
    }
    XCTAssertEqual(try folio.run(["tags", "--format", "tsv"]).stdout, "")
    for bad in ["two words", "a,b", "", "x\u{1B}[31m", String(repeating: "x", count: 65)] {
      let result = try folio.run(["tag", bad, id])
      XCTAssertEqual(result.status, 64, bad)
      XCTAssertFalse(result.stderr.contains("\u{1B}"), "the name is inert in the error")
    }
    XCTAssertEqual(try folio.rows(["--filter", "has:tag"]).count, 0)
    let badQuery = try folio.run(["list", "--filter", "tag:a,b"])
    XCTAssertEqual(badQuery.status, 65)
  }

  func testExportGroupsByTag() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let ids = try folio.rows().prefix(2).map { $0[0] }
    try folio.run(["tag", "Pile-A", ids[0]])
    try folio.run(["tag", "pile-b", ids[0], ids[1]])
    let out = try folio.run([
      "export", "--format", "markdown", "--group", "tag", "--filter", "has:tag",
    ])
    XCTAssertEqual(out.status, 0, out.stderr)
    let headings = out.stdout.split(separator: "\n").filter { $0.hasPrefix("## ") }
    XCTAssertEqual(headings, ["## Pile-A", "## pile-b"])
  }

  func testTopicsAddAndRemoveKeepComments() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let path = folio.directory.appendingPathComponent("config/folio/topics.toml").path
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try "# my topics\n[topics]\n# graphs first\nGraphs = \"graph*\"  # keep\n".write(
      toFile: path, atomically: true, encoding: .utf8)

    XCTAssertEqual(try folio.run(["topics", "add", "Week", "tag:survey is:unread"]).status, 0)
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8),
      "# my topics\n[topics]\n# graphs first\nGraphs = \"graph*\"  # keep\nWeek = \"tag:survey is:unread\"\n"
    )
    XCTAssertTrue(try folio.run(["topics", "--format", "tsv"]).stdout.contains("Week\t"))
    let bad = try folio.run(["topics", "add", "Bad", "title:"])
    XCTAssertEqual(bad.status, 65)
    XCTAssertEqual(try folio.run(["topics", "add", "!!!", "x"]).status, 64)

    XCTAssertEqual(try folio.run(["topics", "remove", "week"]).status, 0)
    XCTAssertEqual(try folio.run(["topics", "remove", "nope"]).status, 1)
    // A default topic is switched off in the file.
    XCTAssertEqual(try folio.run(["topics", "remove", "LLMs"]).status, 0)
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8),
      "# my topics\n[topics]\n# graphs first\nGraphs = \"graph*\"  # keep\nLLMs = \"\"\n")
    XCTAssertFalse(try folio.run(["topics", "--format", "tsv"]).stdout.contains("LLMs\t"))
  }
}
