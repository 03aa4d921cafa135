import Foundation
import XCTest

/// The command palette and the help's filter in the real binary, in tmux.
final class PaletteEndToEndTests: XCTestCase {
  func startReader(_ folio: FolioRunner) throws -> TmuxSession {
    try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 100, height: 30,
      keepAfterExit: false, testCase: self)
  }

  /// Issue 17: the palette runs an action. Ctrl-p, "star", Enter stars the selected paper in
  /// the library, as `s` would.
  func testThePaletteStarsThePaperInTheLibrary() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    try tmux.send("C-p")
    try tmux.waitFor("Actions in the list")
    try tmux.type("star")
    try tmux.waitFor(": star")
    let screen = try tmux.waitFor("star / unstar")
    XCTAssertFalse(screen.contains("half a page down"), "the list is filtered:\n\(screen)")
    try tmux.send("Enter")
    try tmux.waitFor(" starred ")
    let starred = try folio.rows(["--starred"])
    XCTAssertEqual(starred.count, 1)
    XCTAssertTrue(starred[0][4].hasPrefix(ReaderEndToEndTests.firstTitle), "\(starred)")
    try tmux.send(":")
    try tmux.waitFor("Actions in the list")
    try tmux.send("Escape")
    try tmux.waitForScreen("the palette to close") { !$0.contains("Actions in the list") }
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
  }

  /// `/` in the help filters it: typing "note" leaves the note's line and drops the others.
  func testSlashFiltersTheHelp() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    try tmux.send("?")
    try tmux.waitFor("half a page down")
    try tmux.send("/")
    try tmux.type("note")
    let screen = try tmux.waitFor("/note")
    XCTAssertTrue(screen.contains("edit the paper's note"), screen)
    XCTAssertFalse(screen.contains("half a page down"), screen)
    try tmux.send("Escape")
    try tmux.waitFor("half a page down")
  }
}
