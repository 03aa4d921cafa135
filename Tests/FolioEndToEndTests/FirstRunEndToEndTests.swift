import Foundation
import XCTest

/// The first thing a new user sees: the bundled sample and the keys to start with.
final class FirstRunEndToEndTests: XCTestCase {
  func start(_ folio: FolioRunner, width: Int, height: Int) throws -> TmuxSession {
    try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: width, height: height,
      testCase: self)
  }

  /// The first-run message used to say only "new library: loaded the bundled sample…" until a
  /// key was pressed, with no hint of which key.
  func testFirstRunMessageSaysWhatToPress() throws {
    let folio = try FolioRunner(self)
    let tmux = try start(folio, width: 80, height: 24)
    let screen = try tmux.waitFor("j/k move · s star · ? help — new library: 284 sample papers")
    XCTAssertTrue(screen.contains("284 shown"), screen)
    try tmux.send("j")
    let hints = try tmux.waitFor("? help  q quit")
    XCTAssertFalse(hints.contains("new library"), hints)
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
  }

  func testFirstRunMessageKeepsItsKeysOnANarrowTerminal() throws {
    let folio = try FolioRunner(self)
    let tmux = try start(folio, width: 40, height: 10)
    try tmux.waitFor(" j/k move · s star · ? help — ")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
  }
}
