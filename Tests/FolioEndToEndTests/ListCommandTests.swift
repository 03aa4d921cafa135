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
      ])
    XCTAssertEqual(papers[0]["day"] as? String, "2026-11-27")
    XCTAssertEqual(papers[0]["starred"] as? Bool, false)
    XCTAssertTrue(papers[0]["note"] is NSNull)
    XCTAssertTrue(papers[0]["links"] is [String: Any])
  }

  func testTableFitsOneHundredColumnsWhenNotATerminal() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let lines = try folio.run(["list"]).stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 285, "a header and 284 papers")
    XCTAssertTrue(lines.allSatisfy { $0.count <= 100 })
    XCTAssertTrue(lines.contains { $0.count == 100 && $0.hasSuffix("…") })
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
