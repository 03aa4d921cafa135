import Foundation
import XCTest

@testable import FolioStore

#if canImport(Glibc)
  import Glibc
#endif

/// What is at the library path is checked before SQLite opens it: opening a FIFO would block
/// forever, and other special files failed with messages about disks and I/O.
final class LibraryPathTests: XCTestCase {
  func testAFIFOOrAFIFOAsItsWALFileIsRefusedWithoutOpening() throws {
    let directory = try temporaryDirectory(self)
    let fifo = directory.appendingPathComponent("folio.sqlite").path
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    XCTAssertThrowsError(try LibraryStore.open(at: fifo)) {
      XCTAssertEqual(
        $0 as? StoreError, .notALibrary(path: fifo, reason: "it is a FIFO, not a regular file"))
      XCTAssertEqual(($0 as? StoreError)?.exitCode, 65)
    }

    let library = directory.appendingPathComponent("real.sqlite").path
    try LibraryStore.open(at: library).add([makePaper("P")])
    try? FileManager.default.removeItem(atPath: library + "-wal")
    XCTAssertEqual(mkfifo(library + "-wal", 0o644), 0)
    XCTAssertThrowsError(try LibraryStore.open(at: library)) {
      XCTAssertEqual(
        $0 as? StoreError, .notALibrary(path: library, reason: "its -wal file is a FIFO"))
    }
  }

  func testANewLibraryUnderAFileIsCannotCreate() throws {
    let directory = try temporaryDirectory(self)
    let blocker = directory.appendingPathComponent("blocker").path
    try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
    XCTAssertThrowsError(try LibraryStore.open(at: blocker + "/a/folio.sqlite")) {
      XCTAssertEqual(
        $0 as? StoreError,
        .cannotCreate(path: blocker + "/a/folio.sqlite", reason: "\(blocker) is not a directory"))
      XCTAssertEqual(($0 as? StoreError)?.exitCode, 73)
    }
  }
}
