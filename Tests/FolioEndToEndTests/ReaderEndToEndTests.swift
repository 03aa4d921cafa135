import Foundation
import GRDB
import XCTest

/// The real `folio` binary in tmux against a temporary library: what a user sees and keeps.
final class ReaderEndToEndTests: XCTestCase {
  static let firstTitle = "Need is All You Need: Homeostatic"
  static let thirdTitle = "Semantic are Beacons: A Semantic Perspective"

  func startReader(
    _ folio: FolioRunner, width: Int = 120, height: Int = 40, extra: [String: String] = [:],
    keepAfterExit: Bool = false
  ) throws -> TmuxSession {
    try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment.merging(extra) { $1 }, width: width,
      height: height, keepAfterExit: keepAfterExit, testCase: self)
  }

  func testFirstRunShowsTheSampleAndAStarSurvivesQuitting() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(Self.firstTitle)
    try tmux.waitFor("284 shown")
    try tmux.send("j", "j", "s")
    let screen = try tmux.waitFor(" starred ")
    XCTAssertTrue(screen.contains("1 ★"), screen)
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    let starred = try folio.rows(["--starred"])
    XCTAssertEqual(starred.count, 1)
    XCTAssertTrue(starred[0][4].hasPrefix(Self.thirdTitle), "\(starred)")
  }

  func testKillNineAfterAStarKeepsIt() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(Self.firstTitle)
    try tmux.send("j", "s")
    try tmux.waitFor(" starred ")
    XCTAssertEqual(kill(try tmux.pid(), SIGKILL), 0)
    try TmuxSession.waitUntil("folio to die") { try tmux.isDead() }
    XCTAssertEqual(try folio.rows(["--starred"]).count, 1)
    let integrity = try folio.database().read {
      try String.fetchOne($0, sql: "PRAGMA integrity_check")
    }
    XCTAssertEqual(integrity, "ok")
  }

  func testResizeReflowsAndKeepsTheSelectionInView() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(Self.firstTitle)
    for _ in 0..<45 { try tmux.send("j") }
    try tmux.waitFor("46/284")
    let selected = try XCTUnwrap(try folio.rows()[45][4].prefix(30))
    XCTAssertTrue(try tmux.capture().contains("│"), "side by side at 120 columns")
    try tmux.resize(width: 80, height: 24)
    let narrow = try tmux.waitForScreen("the stacked layout") {
      $0.contains(String(repeating: "─", count: 80))
    }
    XCTAssertTrue(narrow.contains(selected), "the selected paper is still on screen:\n\(narrow)")
    XCTAssertTrue(narrow.contains("46/284"))
    try tmux.resize(width: 200, height: 60)
    let wide = try tmux.waitForScreen("the wide layout") {
      !$0.contains(String(repeating: "─", count: 80))
    }
    XCTAssertTrue(wide.contains(selected))
  }

  func testStartsTooSmallAndRecoversWhenEnlarged() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio, width: 30, height: 8)
    try tmux.waitFor("terminal too small")
    try tmux.resize(width: 120, height: 40)
    try tmux.waitFor(Self.firstTitle)
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
  }

  func testTerminalIsRestoredAfterQuitCtrlCAndSIGTERM() throws {
    for ending in ["q", "C-c", "TERM", "HUP"] {
      let folio = try FolioRunner(self)
      let tmux = try TmuxSession(["/bin/sh"], environment: folio.environment, testCase: self)
      try tmux.type("echo $((6*7))-ready\n")
      try tmux.waitFor("42-ready")
      try tmux.type("\(FolioRunner.binary.path); echo \"exit=$?\"\n")
      try tmux.waitFor(Self.firstTitle)
      XCTAssertEqual(try tmux.display("#{alternate_on}"), "1")
      XCTAssertEqual(try tmux.display("#{mouse_any_flag}"), "1")
      switch ending {
      case "TERM", "HUP":
        let shell = try tmux.pid()
        let child = try XCTUnwrap(Self.child(of: shell), "folio's pid")
        kill(child, ending == "TERM" ? SIGTERM : SIGHUP)
      default:
        try tmux.send(ending)
      }
      let screen = try tmux.waitFor("exit=0")
      XCTAssertFalse(screen.contains(Self.firstTitle), "\(ending): the main screen is back")
      XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", ending)
      XCTAssertEqual(try tmux.display("#{mouse_any_flag}"), "0", ending)
      XCTAssertEqual(try tmux.display("#{cursor_flag}"), "1", ending)
      XCTAssertEqual(try tmux.display("#{keypad_flag}"), "0", ending)
    }
  }

  func testAStarFromAnotherProcessAppearsWithinASecond() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(Self.firstTitle)
    let third = try folio.rows()[2][0]
    XCTAssertEqual(try folio.run(["star", third]).status, 0)
    try tmux.waitFor(" ●★ Semantic are Beacons", timeout: 1.5)
    XCTAssertTrue(try tmux.capture().contains("1 ★"))
  }

  func testOpenSpawnsTheBrowserWithTheLiteralURLAndNoShell() throws {
    let folio = try FolioRunner(self)
    let record = folio.directory.appendingPathComponent("browser-argv").path
    let browser = try folio.file(
      "browser.sh",
      text: "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '\(record)'\n")
    chmod(browser, 0o755)
    // A shell would run each of these: $(...), after ';', and between backticks.
    let pwned = folio.directory.path + "/pwned"
    let hostile =
      "https://x.example/$(touch${IFS}\(pwned)1);touch${IFS}\(pwned)2;`touch${IFS}\(pwned)3`"
    try folio.run(["import", "-"], stdin: "Hostile Link Paper\nProject page: \(hostile) here.\n")
    let tmux = try startReader(folio, extra: ["BROWSER": browser])
    try tmux.waitFor("Hostile Link Paper")
    try tmux.send("o")
    try tmux.waitFor("opened https://x.example/")
    try TmuxSession.waitUntil("the browser to run") {
      FileManager.default.fileExists(atPath: record)
    }
    let argv = try String(contentsOfFile: record, encoding: .utf8)
    XCTAssertEqual(argv, hostile + "\n")
    for n in 1...3 { XCTAssertFalse(FileManager.default.fileExists(atPath: "\(pwned)\(n)")) }
  }

  func testOnlyHTTPLinksAreOpenedOrCopied() throws {
    let folio = try FolioRunner(self)
    let record = folio.directory.appendingPathComponent("browser-argv").path
    let browser = try folio.file(
      "browser.sh", text: "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(record)'\n")
    chmod(browser, 0o755)
    try folio.run(["import", "-"], stdin: "Scheme Paper\nNo links in this abstract.\n")
    // Importers keep only http(s) links; a library written by something else may hold others.
    let library = try DatabaseQueue(path: folio.databasePath)
    try library.write {
      try $0.execute(
        sql: "UPDATE paper SET links = ?",
        arguments: [#"{"abs":"file:///etc/passwd","project":"javascript:alert(1)"}"#])
    }
    try library.close()
    let tmux = try startReader(folio, extra: ["BROWSER": browser], keepAfterExit: true)
    try tmux.setOption("set-clipboard", "on")
    try tmux.waitFor("Scheme Paper")
    try tmux.send("o")
    try tmux.waitFor("not an http(s) link: file:///etc/passwd")
    try tmux.send("y")
    try tmux.waitFor("not an http(s) link: file:///etc/passwd")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    XCTAssertFalse(FileManager.default.fileExists(atPath: record), "the browser was started")
    // The server is still up (the pane is kept), so an OSC 52 copy would show as a buffer.
    XCTAssertEqual(try tmux.display("#{pane_dead}"), "1")
    XCTAssertEqual(try TmuxSession.tmux(["-L", tmux.socket, "list-buffers"]), "")
  }

  func testCopyPutsTheLinkInTmuxsBuffer() throws {
    let folio = try FolioRunner(self)
    try folio.run(
      ["import", "-"], stdin: "Linked Paper\nCode at https://github.com/folio/copy-me.\n")
    let tmux = try startReader(folio)
    try tmux.waitFor("Linked Paper")
    try tmux.send("y")
    try tmux.waitFor("copied https://github.com/folio/copy-me")
    try TmuxSession.waitUntil("tmux's buffer") {
      (try? TmuxSession.tmux(["-L", tmux.socket, "show-buffer"]))
        == "https://github.com/folio/copy-me"
    }
  }

  func testMouseClickSelectsARow() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(Self.firstTitle)
    // An xterm mouse report: button 1 pressed at column 3, row 6 (1-based, offset by 32).
    try tmux.type("\u{1B}[M #&")
    try tmux.waitFor("5/284")
  }

  func testEnterReadsFullScreenAndMarksRead() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor(Self.firstTitle)
    try tmux.send("j", "Enter")
    try tmux.waitFor("› reading")
    XCTAssertEqual(try folio.rows(["--read"]).map { $0[4].prefix(20) }, ["Latent Adversarial T"])
    try tmux.send("Escape")
    try tmux.waitForScreen("the list") { !$0.contains("› reading") }
  }

  /// The pid of `parent`'s child process, from /proc.
  static func child(of parent: pid_t) -> pid_t? {
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      if let children = try? String(
        contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8),
        let first = children.split(separator: " ").first, let pid = pid_t(first)
      {
        return pid
      }
      usleep(20_000)
    }
    return nil
  }
}

final class ReaderExportEndToEndTests: XCTestCase {
  func testStarThreeAndPressEListsExactlyThose() throws {
    let folio = try FolioRunner(self)
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, testCase: self)
    try tmux.waitFor("Need is All You Need")
    try tmux.send("j", "s")
    try tmux.waitFor("1 ★")
    try tmux.send("j", "j", "s")
    try tmux.waitFor("2 ★")
    try tmux.send("j", "s")
    try tmux.waitFor("3 ★")
    try tmux.send("e")
    try tmux.waitFor("exported 3 papers to ~/folio-starred.md")
    let text = try String(
      contentsOf: folio.directory.appendingPathComponent("folio-starred.md"), encoding: .utf8)
    let starred = try folio.rows(["--starred"])
    XCTAssertEqual(starred.count, 3)
    XCTAssertEqual(text.components(separatedBy: "\n- ").count - 1, 3)
    for row in starred { XCTAssertTrue(text.contains("`\(row[0])`"), row[4]) }
  }
}
