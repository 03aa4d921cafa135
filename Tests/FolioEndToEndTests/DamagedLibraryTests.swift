import Foundation
import GRDB
import XCTest

final class DamagedLibraryTests: XCTestCase {
  func testAFileThatIsNotADatabaseIsRefusedAndKept() throws {
    let folio = try FolioRunner(self)
    try FileManager.default.createDirectory(
      atPath: (folio.databasePath as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    let junk = Data("this is my thesis, not a database\n".utf8)
    try junk.write(to: URL(fileURLWithPath: folio.databasePath))
    for command in [["list"], ["import", FolioRunner.sample], ["star", "x"]] {
      let result = try folio.run(command)
      XCTAssertEqual(result.status, 65, "\(command)")
      XCTAssertEqual(
        result.stderr,
        "folio: error: \(folio.databasePath) is not a Folio library (file is not a database)\n")
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folio.databasePath)), junk)
  }

  func testATruncatedLibraryIsReportedAsDamaged() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let url = URL(fileURLWithPath: folio.databasePath)
    let whole = try Data(contentsOf: url)
    let truncated = whole.prefix(whole.count / 3)
    try truncated.write(to: url)
    let result = try folio.run(["list"])
    XCTAssertEqual(result.status, 65, result.stderr)
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: error: the library \(folio.databasePath) is damaged"),
      result.stderr)
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    XCTAssertEqual(try Data(contentsOf: url), truncated, "a damaged file is never rewritten")
  }

  func testALibraryFromANewerFolioIsRefused() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let queue = try DatabaseQueue(path: folio.databasePath)
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
    try queue.close()
    let result = try folio.run(["list"])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.stderr.contains("was written by a newer version of folio"), result.stderr)
  }

  func testAReadOnlyLibraryCanBeListedButNotChanged() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let id = try folio.rows()[0][0]
    let libraryDirectory = (folio.databasePath as NSString).deletingLastPathComponent
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o444], ofItemAtPath: folio.databasePath)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o555], ofItemAtPath: libraryDirectory)
    addTeardownBlock {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: libraryDirectory)
    }
    let list = try folio.run(["list", "--format", "tsv"], unprivileged: true)
    XCTAssertEqual(list.status, 0, list.stderr)
    XCTAssertEqual(list.stdout.split(separator: "\n").count, 284)

    for command in [["star", id], ["import", FolioRunner.sample], ["note", id, "x"]] {
      let result = try folio.run(command, unprivileged: true)
      XCTAssertEqual(result.status, 74, "\(command): \(result.stderr)")
      XCTAssertEqual(
        result.stderr,
        "folio: error: the library \(folio.databasePath) is read-only; nothing was changed\n")
    }
    XCTAssertEqual(try folio.rows(["--starred"]).count, 0)
  }

  func testAnUncreatableLibraryPathIsCantCreate() throws {
    let folio = try FolioRunner(self)
    let blocker = try folio.file("blocker", text: "a file where a directory should be")
    let result = try folio.run(["--db", blocker + "/sub/folio.sqlite", "list"])
    XCTAssertEqual(result.status, 73, result.stderr)
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: error: cannot create the library at"), result.stderr)
  }
}
