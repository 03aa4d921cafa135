import Foundation
import XCTest

final class ImportCommandTests: XCTestCase {
  func testImportsTheSampleOnceAndReimportChangesNothing() throws {
    let folio = try FolioRunner(self)
    let first = try folio.run(["import", FolioRunner.sample, "--day", "2026-11-27"])
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(first.stdout, "imported 284 new, 0 updated, 0 unchanged\n")
    try folio.run(["star", try folio.rows()[3][0]])

    let again = try folio.run(["import", FolioRunner.sample, "--day", "2026-11-28"])
    XCTAssertEqual(again.stdout, "imported 0 new, 0 updated, 284 unchanged\n")
    let rows = try folio.rows()
    XCTAssertEqual(rows.count, 284)
    XCTAssertEqual(
      rows[0][4], "Need is All You Need: Homeostatic Neural Networks Adapt to Concept Shift")
    XCTAssertEqual(rows.filter { $0[2] == "1" }.count, 1)
    XCTAssertTrue(rows.allSatisfy { $0[1] == "2026-11-27" }, "the first listing day stays")
  }

  func testBadFilesExitWithDataErrorNamingFileAndLineAndImportNothing() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let starred = try folio.rows()[0][0]
    try folio.run(["star", starred])
    let cases: [(String, Data, String)] = [
      ("empty.txt", Data(), "empty.txt:1: empty file"),
      (
        "odd.txt", Data("New Title\nIts abstract.\nLonely Title\n".utf8),
        "odd.txt:3: title without an abstract line"
      ),
      (
        "blob.bin", Data([0x7F, 0x45, 0x4C, 0x46, 0x0A, 0x02, 0x00, 0x01]),
        "blob.bin:2: binary data"
      ),
    ]
    for (name, contents, message) in cases {
      let path = try folio.file(name, contents)
      let result = try folio.run(["import", path])
      XCTAssertEqual(result.status, 65, name)
      XCTAssertEqual(result.stdout, "", name)
      XCTAssertTrue(
        result.stderr.hasPrefix("folio: error: \(folio.directory.path)/\(message)"), result.stderr)
      XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one line: \(result.stderr)")
    }
    let rows = try folio.rows()
    XCTAssertEqual(rows.count, 284)
    XCTAssertEqual(rows.filter { $0[2] == "1" }.map { $0[0] }, [starred])
  }

  func testOneBadFileAmongSeveralStillImportsTheOthers() throws {
    let folio = try FolioRunner(self)
    let good = try folio.file("good.txt", text: "Good Paper\nGood abstract.\n")
    let bad = try folio.file("bad.txt", text: "Bad Paper\n")
    let result = try folio.run(["import", bad, good])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(
      result.stderr.contains("bad.txt:1: title without an abstract line"), result.stderr)
    XCTAssertTrue(result.stdout.contains("good.txt: imported 1 new"), result.stdout)
    XCTAssertEqual(try folio.rows().map { $0[4] }, ["Good Paper"])
  }

  func testMissingFileIsNoInput() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["import", "/nonexistent/papers.txt"])
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(result.stderr, "folio: error: /nonexistent/papers.txt: no such file\n")
  }

  func testReadsStandardInputAndHonoursFormatAndDay() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(
      ["import", "-", "--format", "text", "--day", "2025-01-02"], stdin: "T\nAbstract.\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(try folio.rows()[0][1], "2025-01-02")
  }

  func testBadDayIsAUsageError() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["import", FolioRunner.sample, "--day", "2026-02-30"])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.stderr.hasPrefix("folio: error: "), result.stderr)
  }

  func testKilledImportLeavesNoneOfTheFileAndKeepsEarlierStars() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let starred = try folio.rows()[5][0]
    XCTAssertEqual(try folio.run(["star", starred]).status, 0)

    // A listing large enough that its one transaction spills into the WAL before committing.
    var big = ""
    let filler = String(repeating: "representation learning with transformers ", count: 8)
    for index in 0..<60_000 {
      big += "Synthetic paper number \(index)\nAbstract \(index): \(filler)\n"
    }
    let path = try folio.file("big.txt", text: big)

    let process = Process()
    process.executableURL = FolioRunner.binary
    process.arguments = ["import", path]
    process.environment = folio.environment
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let wal = folio.databasePath + "-wal"
    let deadline = Date().addingTimeInterval(120)
    var walSize = 0
    while process.isRunning && Date() < deadline {
      walSize = ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0
      if walSize > 4_000_000 { break }
      usleep(2_000)
    }
    XCTAssertTrue(
      process.isRunning, "the import finished before it could be killed; make the file bigger")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .uncaughtSignal)

    let db = try folio.database()
    let (integrity, synthetic, stars) = try db.read { db in
      (
        try String.fetchOne(db, sql: "PRAGMA integrity_check"),
        try Int.fetchOne(db, sql: "SELECT count(*) FROM paper WHERE title LIKE 'Synthetic paper%'"),
        try String.fetchAll(
          db,
          sql:
            "SELECT p.id FROM paper p JOIN paper_state s ON s.paper_seq = p.seq WHERE s.starred_at IS NOT NULL"
        )
      )
    }
    XCTAssertEqual(integrity, "ok")
    XCTAssertTrue(synthetic == 0 || synthetic == 60_000, "all or nothing, got \(synthetic ?? -1)")
    XCTAssertEqual(stars, [starred])
    XCTAssertEqual(try folio.rows().count, 284 + (synthetic ?? 0))
  }
}
