import GRDB
import XCTest

/// Days at both ends of the range Folio accepts work in every command that takes one; days
/// beyond are a usage error naming the value, or are skipped on import and said so, never a
/// trap (`list --day 2400-01-01` trapped in SortKey.range; a 9999-12-31 paper killed the
/// reader at every start).
final class DayRangeCommandTests: XCTestCase {
  func testTheFirstAndLastDayWorkInEveryCommand() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", "-", "--day", "1970-01-01"], stdin: "First paper\nA.\n")
    try folio.run(["import", "-", "--day", "2199-12-31"], stdin: "Last paper\nB.\n")
    XCTAssertEqual(try folio.rows(["--day", "1970-01-01"]).map { $0[4] }, ["First paper"])
    XCTAssertEqual(try folio.rows(["--day", "2199-12-31"]).map { $0[4] }, ["Last paper"])
    XCTAssertEqual(
      try folio.rows(["--filter", "day:1970-01-01"]).map { $0[4] }, ["First paper"])
    let export = try folio.run(["export", "--day", "2199-12-31", "--format", "json"])
    XCTAssertEqual(export.status, 0, export.stderr)
    XCTAssertTrue(export.stdout.contains("Last paper") && !export.stdout.contains("First paper"))
    let digest = try folio.run(["digest", "--day", "1970-01-01"])
    XCTAssertEqual(digest.status, 0, digest.stderr)
    XCTAssertTrue(digest.stdout.contains("First paper"), digest.stdout)
  }

  func testDaysBeyondTheRangeAreUsageErrorsNamingTheValue() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", "-", "--day", "2026-11-27"], stdin: "A paper\nA.\n")
    for command in [["list"], ["export"], ["digest"], ["import", "-"]] {
      for day in ["2400-01-01", "1969-12-31", "9999-12-31"] {
        let result = try folio.run(command + ["--day", day], stdin: "")
        XCTAssertEqual(result.status, 64, "\(command) \(day): \(result.stderr)")
        XCTAssertTrue(result.stderr.contains(day), result.stderr)
        XCTAssertTrue(result.stderr.contains("from 1970-01-01 to 2199-12-31"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
      }
    }
    let query = try folio.run(["list", "--filter", "day:2400-01-01"])
    XCTAssertEqual(query.status, 65)
    XCTAssertTrue(query.stderr.contains("1970-01-01 to 2199-12-31"), query.stderr)
  }

  func testImportSkipsAndCountsEntriesDatedOutsideTheRange() throws {
    let folio = try FolioRunner(self)
    let file = try folio.file(
      "hf.json",
      text: """
        [{"paper": {"id": "2411.00001", "title": "From the far future", "summary": "x",
                    "publishedAt": "9999-12-31T00:00:00.000Z"},
          "publishedAt": "9999-12-31T00:00:00.000Z"},
         {"paper": {"id": "2411.00002", "title": "From year one", "summary": "x",
                    "publishedAt": "0001-01-01T00:00:00.000Z"},
          "publishedAt": "0001-01-01T00:00:00.000Z"},
         {"paper": {"id": "2411.00003", "title": "An ordinary paper", "summary": "x",
                    "publishedAt": "2024-11-02T00:00:00.000Z"},
          "publishedAt": "2024-11-03T00:00:00.000Z"}]
        """)
    let result = try folio.run(["import", file])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout,
      "imported 1 new, 0 updated, 0 unchanged, 2 skipped (2 dated outside 1970-01-01 to 2199-12-31)\n"
    )
    XCTAssertEqual(try folio.rows().map { $0[4] }, ["An ordinary paper"])
  }

  func testRowsWithExtremeDaysAndKeysDoNotStopTheList() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", "-", "--day", "2026-11-27"], stdin: "A paper\nA.\n")
    let queue = try DatabaseQueue(path: folio.databasePath)
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          VALUES (10, 'far', 'far', 'Far future', '', '[]', '9999-12-31', 't', '{}', NULL, '[]', 0, 0,
                  9223372036854775807),
                 (11, 'old', 'old', 'Year one', '', '[]', '0001-01-01', 't', '{}', NULL, '[]', 0, 0,
                  -9223372036854775808)
          """)
    }
    XCTAssertEqual(try folio.rows().map { $0[4] }, ["Far future", "A paper", "Year one"])
    XCTAssertEqual(try folio.rows(["--day", "2026-11-27"]).map { $0[4] }, ["A paper"])
  }
}
