import Foundation
import XCTest

final class ListCommandTests: XCTestCase {
  func testJSONHasTheDocumentedKeys() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample, "--day", "2026-11-27"])
    let result = try folio.run(["list", "--format", "json", "--limit", "2"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let papers = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(papers.count, 2)
    XCTAssertEqual(
      Set(papers[0].keys),
      [
        "id", "arxiv_id", "title", "authors", "abstract", "day", "published", "source", "links",
        "upvotes", "categories", "comments", "keywords", "topics", "starred", "read", "note",
        "tags", "dismissed",
        // hf (issue 18)
        "summary", "github_stars", "organization", "withdrawn",
        // Semantic Scholar (issue 20): null until `folio enrich` asks
        "citations", "influential_citations", "tldr",
        // for you (issue 19): null while there is no model
        "score",
      ])
    XCTAssertTrue(papers[0]["score"] is NSNull)
    XCTAssertEqual(papers[0]["day"] as? String, "2026-11-27")
    XCTAssertEqual(papers[0]["starred"] as? Bool, false)
    XCTAssertTrue(papers[0]["note"] is NSNull)
    XCTAssertTrue(papers[0]["links"] is [String: Any])
  }

  /// Issue 16 #9: to a pipe the table keeps whole titles, so `folio list | grep` finds the
  /// words at their end; `COLUMNS` still fits it to a width.
  func testPipedTableKeepsWholeTitlesUnlessColumnsIsSet() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let title = String(repeating: "A Very Long Title About Learning ", count: 5) + "Zanzibar"
    try folio.run(["import", "-"], stdin: "\(title)\nAbstract.\n")
    let lines = try folio.run(["list"]).stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 286, "a header and 285 papers")
    XCTAssertFalse(lines.contains { $0.hasSuffix("…") })
    XCTAssertTrue(lines.contains { $0.hasSuffix(title) }, "the whole title, Zanzibar and all")
    let fitted = try folio.run(["list"], environment: ["COLUMNS": "100"]).stdout
      .split(separator: "\n")
    XCTAssertTrue(fitted.allSatisfy { $0.count <= 100 })
    XCTAssertTrue(fitted.contains { $0.count == 100 && $0.hasSuffix("…") })
    let topics = try folio.run(["topics"], environment: ["COLUMNS": "60"]).stdout
    XCTAssertTrue(topics.split(separator: "\n").allSatisfy { $0.count <= 60 }, topics)
  }

  /// Issue 16 #12: the state flags combine; the plain words for what cannot.
  func testStateFlagsCombine() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", "-"], stdin: "One\nA.\nTwo\nB.\nThree\nC.\n")
    let ids = try folio.rows().map { $0[0] }
    try folio.run(["star", ids[0], ids[1]])
    try folio.run(["read", ids[1], ids[2]])
    XCTAssertEqual(try folio.rows(["--starred", "--unread"]).map { $0[4] }, ["One"])
    XCTAssertEqual(try folio.rows(["--starred", "--read"]).map { $0[4] }, ["Two"])
    XCTAssertEqual(try folio.rows(["--unread"]).map { $0[4] }, ["One"])
    XCTAssertEqual(try folio.rows(["--all", "--read"]).map { $0[4] }, ["Two", "Three"])
    XCTAssertEqual(try folio.rows(["--all"]).count, 3)
    let both = try folio.run(["list", "--read", "--unread"])
    XCTAssertEqual(both.status, 64)
    XCTAssertEqual(
      both.stderr,
      "folio: error: --read and --unread exclude each other; give one of them"
        + " (see 'folio list --help')\n")
  }

  /// Issue 16 #12: `--day` takes the days a query's `day:` does.
  func testDayAcceptsTodayAndYesterday() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", "-", "--day", "yesterday"], stdin: "Old\nA.\n")
    try folio.run(["import", "-", "--day", "Today"], stdin: "New\nB.\n")
    XCTAssertEqual(try folio.rows(["--day", "today"]).map { $0[4] }, ["New"])
    XCTAssertEqual(try folio.rows(["--day", "yesterday"]).map { $0[4] }, ["Old"])
    XCTAssertEqual(
      try folio.rows(["--filter", "day:yesterday"]), try folio.rows(["--day", "YESTERDAY"]))
    XCTAssertEqual(try folio.run(["export", "--day", "yesterday", "--format", "json"]).status, 0)
    let bad = try folio.run(["list", "--day", "someday"])
    XCTAssertEqual(bad.status, 64)
    XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
  }

  /// Issue 16 #12 and "errors are one line": a negative `--limit` says so plainly, and every
  /// usage error is one line naming the help to read.
  func testUsageErrorsAreOnePlainLine() throws {
    let folio = try FolioRunner(self)
    let negative = try folio.run(["list", "--limit", "-1"])
    XCTAssertEqual(negative.status, 64)
    XCTAssertEqual(
      negative.stderr, "folio: error: --limit must be 0 or more, not -1 (see 'folio list --help')\n"
    )
    let similar = try folio.run(["similar", "x", "--limit", "-3"])
    XCTAssertEqual(similar.status, 64)
    XCTAssertTrue(similar.stderr.contains("--limit must be at least 1, not -3"), similar.stderr)
    for arguments in [
      ["list", "--frob"], ["show"], ["list", "--limit", "x"], ["frobnicate"], ["show", "a\nb\rc"],
      ["list", "--topic", "x\ny"],
    ] {
      let result = try folio.run(arguments)
      XCTAssertTrue([1, 64, 65].contains(result.status), "\(arguments)")
      XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
      XCTAssertTrue(result.stderr.hasPrefix("folio: error: "), result.stderr)
    }
  }

  /// Issue 16 #12: help for a command that does not exist is a usage error, not the top-level
  /// help.
  func testHelpForAnUnknownCommandIsAUsageError() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["help", "nope"])
    XCTAssertEqual(result.status, 64)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: error: no command 'nope'; commands: import, "),
      result.stderr)
    let known = try folio.run(["help", "list"])
    XCTAssertEqual(known.status, 0)
    XCTAssertTrue(known.stdout.contains("USAGE: folio list"), known.stdout)
    XCTAssertEqual(try folio.run(["help"]).status, 0)
  }

  func testDayFilterAndLimit() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", "-", "--day", "2026-11-26"], stdin: "Old\nA.\n")
    try folio.run(["import", "-", "--day", "2026-11-27"], stdin: "New 1\nA.\nNew 2\nB.\n")
    XCTAssertEqual(try folio.rows().map { $0[4] }, ["New 1", "New 2", "Old"])
    XCTAssertEqual(try folio.rows(["--day", "2026-11-26"]).map { $0[4] }, ["Old"])
    XCTAssertEqual(try folio.rows(["--limit", "1"]).map { $0[4] }, ["New 1"])
  }

  func testDatabaseOptionWorksBeforeAndAfterTheSubcommand() throws {
    let folio = try FolioRunner(self)
    let other = folio.directory.appendingPathComponent("other.sqlite").path
    try folio.run(["--db", other, "import", "-"], stdin: "Only Here\nA.\n")
    XCTAssertEqual(
      try folio.run(["list", "--db", other, "--format", "tsv"]).stdout.split(separator: "\t").last,
      "Only Here\n")
    XCTAssertEqual(try folio.rows().count, 0, "FOLIO_DB's library is untouched")
  }

  func testEveryCommandHasHelpAndVersion() throws {
    let folio = try FolioRunner(self)
    for command in [
      [], ["import"], ["list"], ["show"], ["star"], ["unstar"], ["read"], ["unread"], ["note"],
    ] {
      let help = try folio.run(command + ["--help"])
      XCTAssertEqual(help.status, 0, "\(command)")
      XCTAssertTrue(help.stdout.contains("USAGE: folio"), "\(command): \(help.stdout)")
      let version = try folio.run(command + ["--version"])
      XCTAssertEqual(version.status, 0, "\(command)")
      XCTAssertEqual(version.stdout, "0.1.0\n", "\(command)")
    }
  }

  func testUnknownSubcommandIsAUsageError() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["frobnicate"])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.stderr.hasPrefix("folio: error: "), result.stderr)
  }
}
