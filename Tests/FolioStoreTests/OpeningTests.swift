import FolioCore
import Foundation
import GRDB
import XCTest

@testable import FolioStore

final class OpeningTests: XCTestCase {
  func testCreatesDirectoriesPrivatelyAndEnablesDurableWAL() throws {
    let dir = try temporaryDirectory(self)
    let path = dir.appendingPathComponent("a/b/folio.sqlite").path
    let store = try LibraryStore.open(at: path)
    let attributes = try FileManager.default.attributesOfItem(
      atPath: dir.appendingPathComponent("a/b").path)
    XCTAssertEqual((attributes[.posixPermissions] as? Int).map { $0 & 0o777 }, 0o700)
    let (mode, synchronous, foreignKeys) = try store.writer.writeWithoutTransaction { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA synchronous"),
        try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    XCTAssertEqual(mode, "wal")
    XCTAssertEqual(synchronous, 2, "FULL")
    XCTAssertEqual(foreignKeys, 1)
  }

  func testAStarIsVisibleToAnotherConnectionAtOnce() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("f.sqlite").path
    let store = try LibraryStore.open(at: path)
    let paper = makePaper("P")
    try store.add([paper])
    try store.setStarred(true, ids: [paper.id])
    let other = try DatabaseQueue(path: path)
    XCTAssertEqual(
      try other.read {
        try Int.fetchOne($0, sql: "SELECT count(*) FROM paper_state WHERE starred_at IS NOT NULL")
      }, 1)
  }

  func testDataVersionChangesWhenAnotherConnectionCommits() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("f.sqlite").path
    let store = try LibraryStore.open(at: path)
    let paper = makePaper("P")
    try store.add([paper])
    let before = try store.dataVersion()
    XCTAssertEqual(try store.dataVersion(), before)
    let other = try LibraryStore.open(at: path)
    try other.setStarred(true, ids: [paper.id])
    XCTAssertNotEqual(try store.dataVersion(), before)
  }

  func testRejectsAFileThatIsNotADatabaseAndLeavesIt() throws {
    let url = try temporaryDirectory(self).appendingPathComponent("notes.sqlite")
    let content = Data("my precious notes\n".utf8)
    try content.write(to: url)
    XCTAssertThrowsError(try LibraryStore.open(at: url.path)) { error in
      let error = error as! StoreError
      XCTAssertEqual(error.exitCode, 65)
      XCTAssertTrue(error.message.contains("is not a Folio library"), error.message)
    }
    XCTAssertEqual(try Data(contentsOf: url), content)
  }

  func testRejectsAnotherProgramsDatabase() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("other.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try LibraryStore.open(at: path)) { error in
      XCTAssertEqual(
        error as? StoreError,
        .notALibrary(path: path, reason: "an SQLite database of another program"))
    }
    // Not even switched to WAL, as opening a pool on it would.
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    let count = try DatabaseQueue(path: path).read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM t")
    }
    XCTAssertEqual(count, 1)
  }

  func testRejectsALibraryFromANewerFolio() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("f.sqlite").path
    _ = try LibraryStore.open(at: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try LibraryStore.open(at: path)) { error in
      XCTAssertEqual(error as? StoreError, .newerSchema(path: path))
      XCTAssertEqual((error as? StoreError)?.exitCode, 65)
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
  }

  func testReadOnlyFileOpensForReadingAndRefusesChanges() throws {
    try XCTSkipIf(getuid() == 0 && !rootIsRestricted(), "root ignores file permissions")
    let dir = try temporaryDirectory(self)
    let path = dir.appendingPathComponent("f.sqlite").path
    let paper = makePaper("P")
    try LibraryStore.open(at: path).add([paper])
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
    let store = try LibraryStore.open(at: path)
    XCTAssertTrue(store.isReadOnly)
    XCTAssertEqual(try store.count(), 1)
    XCTAssertThrowsError(try store.setStarred(true, ids: [paper.id])) { error in
      XCTAssertEqual(error as? StoreError, .readOnly(path: path))
    }
  }

  func testRejectsADirectory() throws {
    let dir = try temporaryDirectory(self)
    XCTAssertThrowsError(try LibraryStore.open(at: dir.path)) { error in
      XCTAssertEqual(
        error as? StoreError, .notALibrary(path: dir.path, reason: "it is a directory"))
    }
  }
}

/// Whether file permissions bind even this (root) process, e.g. without CAP_DAC_OVERRIDE.
func rootIsRestricted() -> Bool {
  let probe = FileManager.default.temporaryDirectory.appendingPathComponent(
    "folio-probe-\(UUID().uuidString)")
  _ = FileManager.default.createFile(
    atPath: probe.path, contents: Data(), attributes: [.posixPermissions: 0o444])
  defer { try? FileManager.default.removeItem(at: probe) }
  return !FileManager.default.isWritableFile(atPath: probe.path)
}
