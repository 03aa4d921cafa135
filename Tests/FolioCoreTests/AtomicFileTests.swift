import FolioCore
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// Someone who can write the directory plants links at the names the writer will try: the
  /// file they point to is never written, and the export still lands where it was asked to.
  func testALinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
    let precious = path("precious.txt")
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: precious))
    for name in [".export.md.planted", ".export.md.dangling"] {
      try FileManager.default.createSymbolicLink(
        atPath: path(name), withDestinationPath: name.hasSuffix("planted") ? precious : path("new"))
    }
    var names = [".export.md.planted", ".export.md.dangling", ".export.md.free"].makeIterator()
    try AtomicFile.write(Array("# Starred\n".utf8), to: path("export.md")) { _ in names.next()! }

    XCTAssertEqual(try String(contentsOfFile: precious, encoding: .utf8), "keep me")
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: path("new")), "a dangling link was followed")
    XCTAssertEqual(try String(contentsOfFile: path("export.md"), encoding: .utf8), "# Starred\n")
    // The planted links are someone else's: left as they were.
    XCTAssertEqual(
      try FileManager.default.destinationOfSymbolicLink(atPath: path(".export.md.planted")),
      precious)
    XCTAssertFalse(FileManager.default.fileExists(atPath: path(".export.md.free")))
  }

  func testEveryNameTakenFailsAndLeavesTheTargetAlone() throws {
    try Data("old".utf8).write(to: URL(fileURLWithPath: path("export.md")))
    try Data().write(to: URL(fileURLWithPath: path(".taken")))
    XCTAssertThrowsError(
      try AtomicFile.write(Array("new".utf8), to: path("export.md")) { _ in ".taken" }
    ) {
      XCTAssertEqual(($0 as? AtomicFile.Failure)?.code, EEXIST)
    }
    XCTAssertEqual(try String(contentsOfFile: path("export.md"), encoding: .utf8), "old")
  }

  func testTheDefaultNamesAreFreshAndNothingIsLeftBehind() throws {
    for round in 0..<3 {
      try AtomicFile.write(Array("round \(round)".utf8), to: path("out.md"))
    }
    XCTAssertEqual(try String(contentsOfFile: path("out.md"), encoding: .utf8), "round 2")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out.md"])
  }
}
