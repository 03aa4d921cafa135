import Foundation
import GRDB
import XCTest

/// The reader's `l` tag prompt and `+` topic saving (issue 18), in tmux against the real
/// binary, checked in the library and in topics.toml.
final class TagReaderEndToEndTests: XCTestCase {
  func startReader(_ folio: FolioRunner) throws -> TmuxSession {
    try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 120, height: 40,
      keepAfterExit: false, testCase: self)
  }

  func testLTagsThePaperInTheLibraryAndMinusRemovesIt() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let ids = try folio.rows().map { $0[0] }
    try folio.run(["tag", "Survey", ids[5]])
    let tmux = try startReader(folio)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    try tmux.send("j", "l")
    try tmux.waitFor("Tag: ")
    // Tab completes the existing tag in its first spelling.
    try tmux.type("su")
    try tmux.send("Tab")
    try tmux.waitFor("Tag: Survey")
    try tmux.send("Enter")
    try tmux.waitFor("tagged Survey")
    try tmux.send("l")
    try tmux.type("new-pile")
    try tmux.send("Enter")
    try tmux.waitFor("tagged new-pile")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }

    let tagged = try folio.database().read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT p.id, t.name FROM paper_tag pt JOIN paper p ON p.seq = pt.paper_seq
          JOIN tag t ON t.id = pt.tag_id ORDER BY t.key, p.id
          """
      ).map { "\($0["id"] as String) \($0["name"] as String)" }
    }
    // The second row got both tags; the paper tagged from the CLI kept its own.
    let second = try XCTUnwrap(tagged.first { $0.hasSuffix(" new-pile") }?.split(separator: " ")[0])
    XCTAssertEqual(
      Set(tagged), ["\(second) new-pile", "\(second) Survey", "\(ids[5]) Survey"])
    XCTAssertEqual(tagged.count, 3)
  }

  func testPlusSavesTheSearchAsATopicInTopicsToml() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let path = folio.directory.appendingPathComponent("config/folio/topics.toml").path
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try "# kept\n[topics]\n".write(toFile: path, atomically: true, encoding: .utf8)
    let tmux = try startReader(folio)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    try tmux.send("/")
    try tmux.type("graph")
    try tmux.send("Enter")
    try tmux.waitFor("filter applied")
    try tmux.send("+")
    try tmux.waitFor("Save search as topic:")
    try tmux.type("Graph work")
    try tmux.send("Enter")
    try tmux.waitFor("saved the search as topic Graph work")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8),
      "# kept\n[topics]\n\"Graph work\" = \"graph\"\n")
  }
}
