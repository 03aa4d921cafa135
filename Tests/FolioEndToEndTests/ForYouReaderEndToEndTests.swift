import Foundation
import GRDB
import XCTest

/// For you in the reader, through the real `folio` binary in tmux: the cold start, `x` in the
/// view, the "read full screen" signal in the library, and the view with a model trained by
/// the reader's background trainer.
final class ForYouReaderEndToEndTests: XCTestCase {
  func testTheColdStartViewDismissesAndReadingFullScreenIsRecorded() throws {
    let folio = try FolioRunner(self)
    let tmux = try TmuxSession.sampleReader(folio, testCase: self)
    try tmux.send("f")
    try tmux.waitFor("For you (not learnt yet)")
    try tmux.waitFor("star a few papers to teach For you")
    try tmux.waitFor("Why      not learnt yet")
    try tmux.send("x")
    try tmux.waitFor("dismissed")
    try tmux.waitFor("283 shown")
    try tmux.send("Enter")
    try tmux.waitFor("For you (not learnt yet) › reading")
    try tmux.send("Escape")
    try tmux.waitForScreen("the list again") { !$0.contains("› reading") }
    try tmux.send("Escape")
    try tmux.waitFor("left For you")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    let (dismissed, viewed) = try folio.database().read { db in
      (
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM paper_state WHERE dismissed_at IS NOT NULL") ?? 0,
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM paper_state WHERE viewed_at IS NOT NULL") ?? 0
      )
    }
    XCTAssertEqual(dismissed, 1, "x in the view dismissed one paper")
    XCTAssertEqual(viewed, 1, "reading it full screen was recorded")
  }

  func testWithAModelTheViewShowsScoresAndTheWhyLine() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let ids = try folio.rows().prefix(3).map { $0[0] }
    XCTAssertEqual(try folio.run(["star"] + ids).status, 0)
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 120, height: 40,
      keepAfterExit: false, testCase: self)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    // The reader trains the model in the background when it starts; `f` ranks afresh, so it
    // is pressed until the view has the model (no sleeps: each press waits for its screen).
    var polls = 0
    try tmux.waitForScreen(timeout: 60, "the view with a model") { screen in
      if screen.contains("For you") && !screen.contains("not learnt yet") { return true }
      // One press every 25 polls (half a second): enough to see the model once it is saved.
      if polls % 25 == 0 { try? tmux.send("f") }
      polls += 1
      return false
    }
    let screen = try tmux.waitFor("Why      0.")
    XCTAssertTrue(screen.contains(" 0."), "the score column: \(screen)")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
  }
}
