import Foundation
import XCTest

/// A morning's reading with the real binary in tmux (issue 16): read with `n` and `J`, star,
/// search with a typo and recover, Esc, export; then what the library and the file keep.
final class MorningRoutineTests: XCTestCase {
  func testTheMorningRoutine() throws {
    let folio = try FolioRunner(self)
    // A short timer, so that the wait below proves the first paper is never marked read.
    try FileManager.default.createDirectory(
      at: folio.directory.appendingPathComponent("config/folio"), withIntermediateDirectories: true)
    _ = try folio.file("config/folio/config.toml", text: "mark_read = 1\n")
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 120, height: 40,
      testCase: self)
    try tmux.waitFor("284 shown")
    let listing = try folio.rows()
    let (first, second, third) = (listing[0], listing[1], listing[2])
    // The time under test, not synchronisation: longer than mark_read, no key pressed.
    usleep(1_500_000)

    // n goes to the next unread paper; Enter reads it; J reads the next one full screen.
    try tmux.send("n")
    try tmux.waitFor("2/284")
    try tmux.send("Enter")
    var screen = try tmux.waitFor("› reading")
    XCTAssertTrue(screen.contains(String(second[4].prefix(30))), screen)
    try tmux.send("J")
    screen = try tmux.waitFor(String(third[4].prefix(30)))
    XCTAssertTrue(screen.contains("› reading"), "J stays in the reading view")
    try tmux.send("s")
    try tmux.waitFor(" starred ")
    try tmux.send("Escape")
    try tmux.waitFor("3/284")

    // A typo: Enter keeps the line open with the error; fixing it commits the query.
    try tmux.send("/")
    try tmux.type("semantic OR (beacon")
    try tmux.send("Enter")
    screen = try tmux.waitFor("expected ')' after 'beacon' · Esc cancels")
    XCTAssertTrue(screen.contains("/semantic OR (beacon"), "the line stays open:\n\(screen)")
    XCTAssertTrue(screen.contains("284 shown"), "the filter from before / is in force")
    try tmux.type(")")
    try tmux.send("Enter")
    screen = try tmux.waitFor("filter applied · Esc clears it")
    XCTAssertTrue(screen.contains("│ / semantic OR (beacon)"), screen)

    // Esc clears the filter and says so.
    try tmux.send("Escape")
    screen = try tmux.waitFor("filter cleared")
    XCTAssertTrue(screen.contains("284 shown"), screen)

    try tmux.send("e")
    try tmux.waitFor("exported 1 paper to ~/folio-starred.md")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }

    XCTAssertEqual(
      try folio.rows(["--read"]).map { $0[0] }.sorted(), [second[0], third[0]].sorted(),
      "read: the two papers opened, not \(first[4]), which was never looked at")
    XCTAssertEqual(try folio.rows(["--starred"]).map { $0[0] }, [third[0]])
    let text = try String(
      contentsOf: folio.directory.appendingPathComponent("folio-starred.md"), encoding: .utf8)
    XCTAssertTrue(text.contains("`\(third[0])`"), text)
    XCTAssertFalse(text.contains("`\(second[0])`"))
  }
}
