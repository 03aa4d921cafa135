import Foundation
import XCTest

@testable import FolioConfig

/// `folio topics add/remove` edit topics.toml in place (issue 18): comments, order and other
/// entries kept; what cannot be changed safely is refused.
final class TopicsFileEditTests: XCTestCase {
  private func same(_ name: String) -> (String) -> Bool {
    { $0.lowercased() == name.lowercased() }
  }

  func testAddingKeepsCommentsAndGoesIntoTheTopicsTable() throws {
    let text = "# mine\n[topics]\n# graphs\nGraphs = \"graph*\"  # keep\n\n[other]\nx = 1\n"
    let updated = try TopicsFileEdit.setting(
      "Week", to: "tag:survey is:unread", in: text, file: "t.toml", sameName: same("Week"))
    XCTAssertEqual(
      updated,
      "# mine\n[topics]\n# graphs\nGraphs = \"graph*\"  # keep\nWeek = \"tag:survey is:unread\"\n\n[other]\nx = 1\n"
    )
  }

  func testChangingAnExistingTopicReplacesOnlyItsValue() throws {
    let text = "[topics]\n'Graph learning' = 'graph*'   # the comment stays\n"
    let updated = try TopicsFileEdit.setting(
      "graph learning", to: "GNN \"message passing\"", in: text, file: "t.toml",
      sameName: same("graph learning"))
    XCTAssertEqual(
      updated,
      "[topics]\n'Graph learning' = \"GNN \\\"message passing\\\"\"   # the comment stays\n")
  }

  func testAnEmptyFileGetsATopicsTableAndNamesAreQuotedWhenNeeded() throws {
    XCTAssertEqual(
      try TopicsFileEdit.setting(
        "My pile", to: "tag:x", in: "", file: "t", sameName: same("My pile")),
      "[topics]\n\"My pile\" = \"tag:x\"\n")
    XCTAssertEqual(
      try TopicsFileEdit.setting(
        "A", to: "b", in: "# only a comment", file: "t", sameName: same("A")),
      "# only a comment\n\n[topics]\nA = \"b\"\n")
  }

  func testRemovingTakesTheLinesOutAndKeepsTheRest() throws {
    let text = "[topics]\n# first\nA = \"a\"  # gone with it\nB = \"b\"\n"
    let (updated, count) = try TopicsFileEdit.removing(in: text, file: "t", sameName: same("a"))
    XCTAssertEqual(count, 1)
    XCTAssertEqual(updated, "[topics]\n# first\nB = \"b\"\n")
    let (unchanged, none) = try TopicsFileEdit.removing(in: text, file: "t", sameName: same("z"))
    XCTAssertEqual(none, 0)
    XCTAssertEqual(unchanged, text)
  }

  func testInvalidTOMLIsRefused() {
    XCTAssertThrowsError(
      try TopicsFileEdit.setting("A", to: "b", in: "[topics\n", file: "t", sameName: same("A")))
    XCTAssertThrowsError(
      try TopicsFileEdit.setting("A", to: "b", in: "topics = 3\n", file: "t", sameName: same("A")))
  }

  func testTheFileIsWrittenInPlaceKeepingItsMode() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "topics-edit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("topics.toml").path
    try "# keep me\n[topics]\nA = \"a\"\n".write(toFile: path, atomically: false, encoding: .utf8)
    chmod(path, 0o600)
    try TopicsFileEdit.set("B", to: "b", inFileAt: path, sameName: same("B"))
    XCTAssertTrue(try TopicsFileEdit.remove(inFileAt: path, sameName: same("A")))
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8), "# keep me\n[topics]\nB = \"b\"\n")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
  }
}
