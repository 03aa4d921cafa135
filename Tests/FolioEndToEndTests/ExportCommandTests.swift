import Foundation
import XCTest

final class ExportCommandTests: XCTestCase {
  func starredLibrary() throws -> (FolioRunner, [[String]]) {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample, "--day", "2026-11-27"])
    let rows = try folio.rows()
    try folio.run(["star", rows[3][0], rows[7][0], rows[28][0]])
    return (folio, [rows[3], rows[7], rows[28]])
  }

  func testDefaultIsStarredMarkdownOnStdout() throws {
    let (folio, starred) = try starredLibrary()
    let result = try folio.run(["export"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("# Starred papers — "))
    XCTAssertTrue(result.stdout.contains("\n3 papers.\n"))
    for row in starred { XCTAssertTrue(result.stdout.contains("`\(row[0])`"), row[4]) }
    XCTAssertEqual(result.stdout.components(separatedBy: "\n- ").count - 1, 3)
  }

  func testEmptyStarredListIsAValidDocumentSayingSo() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["export"])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.stdout.hasSuffix("\n\nNothing is starred yet.\n"), result.stdout)
  }

  func testBibTeXAndJSONFormatsAndFilters() throws {
    let (folio, starred) = try starredLibrary()
    let bibtex = try folio.run(["export", "--format", "bibtex"]).stdout
    XCTAssertEqual(bibtex.components(separatedBy: "@misc{").count - 1, 3)
    let json = try folio.run([
      "export", "--format", "json", "--filter", "title:re-identification", "--starred",
    ]).stdout
    let papers = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    XCTAssertTrue(papers.allSatisfy { ($0["starred"] as? Bool) == true })
    XCTAssertEqual(
      Set(papers.compactMap { $0["id"] as? String }),
      Set(starred.filter { $0[4].lowercased().contains("re-identification") }.map { $0[0] }))
    let day = try folio.run(["export", "--day", "2026-11-27", "--format", "json"]).stdout
    XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(day.utf8)) as? [Any])?.count, 284)
  }

  func testOutputFileIsWrittenAtomicallyAndBadPathsLeaveNothing() throws {
    let (folio, _) = try starredLibrary()
    let target = folio.directory.appendingPathComponent("out/starred.md")
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("old contents\n".utf8).write(to: target)
    let result = try folio.run(["export", "-o", target.path])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "exported 3 papers to \(target.path)\n")
    XCTAssertTrue(try String(contentsOf: target, encoding: .utf8).hasPrefix("# Starred papers"))
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path),
      ["starred.md"])

    let missing = folio.directory.appendingPathComponent("no/such/dir/x.md").path
    let failed = try folio.run(["export", "-o", missing])
    XCTAssertEqual(failed.status, 73)
    XCTAssertEqual(
      failed.stderr, "folio: error: cannot write \(missing): No such file or directory\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
  }

  func testARefusedWriteLeavesNoPartialFile() throws {
    let (folio, _) = try starredLibrary()
    let directory = folio.directory.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
    defer {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: directory.path)
    }
    // The library must be readable by the unprivileged user the export runs as.
    let libraryDirectory = (folio.databasePath as NSString).deletingLastPathComponent
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: libraryDirectory)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: folio.databasePath)
    let result = try folio.run(["export", "-o", directory.path + "/x.md"], unprivileged: true)
    XCTAssertEqual(result.status, 73)
    XCTAssertTrue(result.stderr.contains("Permission denied"), result.stderr)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
  }

  /// A linked export (a dotfile, a synced folder) is written through its link, as editors
  /// do: the file it points to gets the export and the link stays a link (issue 15, #1).
  func testASymlinkAtTheTargetIsWrittenThroughAndStaysALink() throws {
    let (folio, _) = try starredLibrary()
    let target = folio.directory.appendingPathComponent("synced.md")
    try Data("old export".utf8).write(to: target)
    let link = folio.directory.appendingPathComponent("export.md")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    XCTAssertEqual(try folio.run(["export", "-o", link.path]).status, 0)
    XCTAssertTrue(try String(contentsOf: target, encoding: .utf8).hasPrefix("# Starred papers"))
    XCTAssertEqual(
      try FileManager.default.destinationOfSymbolicLink(atPath: link.path), target.path)
  }

  func testDigestGroupsADaysPapersByTopicMostUpvotedFirst() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample, "--day", "2026-11-26"])
    try folio.run(
      ["import", "-", "--day", "2026-11-27"],
      stdin: "Agents That Plan\nAn agent plans.\nRobot Hands\nA robot grasps.\n")
    let digest = try folio.run(["digest"])
    XCTAssertEqual(digest.status, 0, digest.stderr)
    XCTAssertTrue(
      digest.stdout.hasPrefix(
        "# Papers of 2026-11-27\n\n2 papers in 2 groups.\n\n## Agents (1)\n\n- Agents That Plan"),
      digest.stdout)
    XCTAssertTrue(digest.stdout.contains("## Robotics (1)\n\n- Robot Hands"))
    let robotics = try folio.run(["digest", "--day", "2026-11-26", "--topics", "robotics"])
    XCTAssertTrue(robotics.stdout.contains("## Robotics (17)"), robotics.stdout)
    XCTAssertFalse(robotics.stdout.contains("## Other papers"))
    let bad = try folio.run(["digest", "--topics", "cooking"])
    XCTAssertEqual(bad.status, 65)
  }
}
