import Foundation
import GRDB
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A note being written in `$EDITOR` reaches its paper whatever happens meanwhile: an import
/// that changes the paper's id, the paper vanishing (the text is kept in a file), or the
/// reader being told to end.
final class NoteEditTests: XCTestCase {
  static let title = "Homeostatic Widgets for Everyone"

  /// A library holding one paper known only by its title (a title-hash id), and a Hugging
  /// Face file that names the same paper with an arXiv id: importing it upgrades the id.
  func libraryWithTitleOnlyPaper() throws -> (FolioRunner, id: String, upgrade: String) {
    let folio = try FolioRunner(self)
    let result = try folio.run(
      ["import", "-", "--day", "2026-11-27"], stdin: "\(Self.title)\nAn abstract about widgets.\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    let id = try folio.rows()[0][0]
    XCTAssertFalse(id.hasPrefix("2611."), "a title-hash id: \(id)")
    let upgrade = try folio.file(
      "upgrade.json",
      text: """
        [{"paper": {"id": "2611.00042", "title": "\(Self.title)",
          "summary": "An abstract about widgets.", "authors": [{"name": "A. Author"}],
          "publishedAt": "2026-11-27T00:00:00.000Z"}, "publishedAt": "2026-11-27T00:00:00.000Z"}]
        """)
    return (folio, id, upgrade)
  }

  /// An editor that, while "editing", runs `folio import` of `upgrade` (a fetch finishing
  /// meanwhile), then writes the note.
  func upgradingEditor(_ folio: FolioRunner, upgrade: String, note: String) throws -> String {
    let editor = try folio.file(
      "editor.sh",
      text: """
        #!/bin/sh
        '\(FolioRunner.binary.path)' import '\(upgrade)' >/dev/null 2>&1 || exit 9
        printf '\(note)\\n' > "$1"

        """)
    chmod(editor, 0o755)
    return editor
  }

  func note(_ folio: FolioRunner, _ id: String) throws -> String? {
    return try folio.database().read {
      try String.fetchOne(
        $0,
        sql: "SELECT note FROM paper_state JOIN paper ON paper.seq = paper_seq WHERE paper.id = ?",
        arguments: [id])
    }
  }

  func testFolioNoteSurvivesAnIDUpgradeDuringEditing() throws {
    let (folio, id, upgrade) = try libraryWithTitleOnlyPaper()
    let editor = try upgradingEditor(folio, upgrade: upgrade, note: "Kept across the upgrade")
    let result = try folio.run(["note", id], environment: ["EDITOR": editor])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(try folio.rows().map { $0[0] }, ["2611.00042"], "the id was upgraded")
    XCTAssertEqual(try note(folio, "2611.00042"), "Kept across the upgrade")
  }

  /// The paper is gone when the editor ends: the text is kept in a file the error names.
  func testANoteForAPaperThatVanishedIsKeptInAFile() throws {
    let (folio, id, _) = try libraryWithTitleOnlyPaper()
    let started = folio.directory.appendingPathComponent("editing").path
    let proceed = folio.directory.appendingPathComponent("proceed").path
    let editor = try folio.file(
      "editor.sh",
      text: """
        #!/bin/sh
        touch '\(started)'
        while [ ! -e '\(proceed)' ]; do sleep 0.05; done
        printf 'Words worth keeping\\n' > "$1"

        """)
    chmod(editor, 0o755)
    nonisolated(unsafe) var result: CommandResult?
    let done = DispatchGroup()
    done.enter()
    DispatchQueue.global().async {
      result = try? folio.run(["note", id], environment: ["EDITOR": editor])
      done.leave()
    }
    try TmuxSession.waitUntil("the editor to start") {
      FileManager.default.fileExists(atPath: started)
    }
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    try DatabaseQueue(path: folio.databasePath, configuration: configuration).write {
      try $0.execute(sql: "DELETE FROM paper WHERE id = ?", arguments: [id])
    }
    _ = FileManager.default.createFile(atPath: proceed, contents: nil)
    XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
    let failed = try XCTUnwrap(result)
    XCTAssertEqual(failed.status, 1)
    let prefix =
      "folio: error: the paper '\(id)' is no longer in the library; the note was not saved; your text is in "
    XCTAssertTrue(failed.stderr.hasPrefix(prefix), failed.stderr)
    let draft = String(failed.stderr.dropFirst(prefix.count)).trimmingCharacters(
      in: .newlines)
    XCTAssertTrue(
      draft.hasPrefix(folio.directory.appendingPathComponent("state/folio/notes/").path))
    XCTAssertEqual(try String(contentsOfFile: draft, encoding: .utf8), "Words worth keeping\n")
    var info = stat()
    XCTAssertEqual(stat(draft, &info), 0)
    XCTAssertEqual(info.st_mode & 0o777, 0o600, "a note is private")
  }

  /// `folio note` told to end while the editor is open (its terminal closed, a shutdown):
  /// the editor is ended too, and what it wrote is kept in a file the error names.
  func testFolioNoteToldToEndKeepsTheTextWritten() throws {
    for signal in [SIGTERM, SIGHUP] {
      let (folio, id, _) = try libraryWithTitleOnlyPaper()
      let started = folio.directory.appendingPathComponent("editing").path
      let editor = try folio.file(
        "editor.sh",
        text: """
          #!/bin/sh
          printf 'Unsaved musings\\n' > "$1"
          touch '\(started)'
          exec sleep 600 </dev/null >/dev/null 2>&1

          """)
      chmod(editor, 0o755)
      let process = Process()
      process.executableURL = FolioRunner.binary
      process.arguments = ["note", id]
      process.environment = folio.environment.merging(["EDITOR": editor]) { $1 }
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      try process.run()
      try TmuxSession.waitUntil("the editor to start") {
        FileManager.default.fileExists(atPath: started)
      }
      XCTAssertEqual(kill(process.processIdentifier, signal), 0)
      let stderr = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 1, stderr)
      let prefix =
        "folio: error: the editor '\(editor)' was ended by signal \(signal); the note was not changed; your text is in "
      XCTAssertTrue(stderr.hasPrefix(prefix), stderr)
      let draft = String(stderr.dropFirst(prefix.count)).trimmingCharacters(in: .newlines)
      XCTAssertEqual(try String(contentsOfFile: draft, encoding: .utf8), "Unsaved musings\n")
      XCTAssertNil(try note(folio, id))
    }
  }

  func testTheReadersNoteSurvivesAnIDUpgradeDuringEditing() throws {
    let (folio, _, upgrade) = try libraryWithTitleOnlyPaper()
    let editor = try upgradingEditor(folio, upgrade: upgrade, note: "Written in the reader")
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment.merging(["EDITOR": editor]) { $1 },
      testCase: self)
    try tmux.waitFor(Self.title)
    try tmux.send("N")
    try tmux.waitFor("note saved")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    XCTAssertEqual(try note(folio, "2611.00042"), "Written in the reader")
  }
}

/// SIGTERM, SIGHUP and a closed terminal end the reader even while the note editor is open,
/// keeping the text written so far; every signal that ends it gives the terminal back.
final class ReaderSignalTests: XCTestCase {
  /// An editor that writes a draft, says it did, and then never ends by itself.
  func waitingEditor(_ folio: FolioRunner) throws -> (editor: String, started: String) {
    let started = folio.directory.appendingPathComponent("editing").path
    let editor = try folio.file(
      "editor.sh",
      text: """
        #!/bin/sh
        printf 'Half a thought\\n' > "$1"
        touch '\(started)'
        exec sleep 600

        """)
    chmod(editor, 0o755)
    return (editor, started)
  }

  /// Whether `pid` has ended (gone, or a zombie nobody reaped).
  static func hasEnded(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return true
    }
    // The state follows the command name in parentheses.
    guard let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
  }

  /// The files kept in the state directory's notes/.
  static func drafts(_ folio: FolioRunner) -> [String] {
    let directory = folio.directory.appendingPathComponent("state/folio/notes")
    return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).map {
      directory.appendingPathComponent($0).path
    }
  }

  /// SIGTERM or SIGHUP sent to the reader while `$EDITOR` runs: the editor is ended, the
  /// reader exits within a bounded wait, the shell's screen is back and the draft is kept.
  func testTermAndHangUpDuringTheEditorEndTheReaderAndKeepTheDraft() throws {
    for signal in [SIGTERM, SIGHUP] {
      let folio = try FolioRunner(self)
      let (editor, started) = try waitingEditor(folio)
      let tmux = try TmuxSession(
        ["/bin/sh"], environment: folio.environment.merging(["EDITOR": editor]) { $1 },
        testCase: self)
      try tmux.type("echo $((6*7))-ready\n")
      try tmux.waitFor("42-ready")
      try tmux.type("\(FolioRunner.binary.path); echo \"exit=$?\"\n")
      try tmux.waitFor(ReaderEndToEndTests.firstTitle)
      let reader = try XCTUnwrap(ReaderEndToEndTests.child(of: try tmux.pid()), "folio's pid")
      try tmux.send("N")
      try TmuxSession.waitUntil("the editor to start") {
        FileManager.default.fileExists(atPath: started)
      }
      XCTAssertEqual(kill(reader, signal), 0)
      try TmuxSession.waitUntil(timeout: 10, "folio to end after signal \(signal)") {
        Self.hasEnded(reader)
      }
      try tmux.waitFor("exit=")
      XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "signal \(signal)")
      XCTAssertEqual(try tmux.display("#{mouse_any_flag}"), "0", "signal \(signal)")
      let drafts = Self.drafts(folio)
      XCTAssertEqual(drafts.count, 1, "signal \(signal)")
      XCTAssertEqual(
        try drafts.first.map { try String(contentsOfFile: $0, encoding: .utf8) }, "Half a thought\n"
      )
      let log = try String(
        contentsOfFile: folio.directory.appendingPathComponent("state/folio/folio.log").path,
        encoding: .utf8)
      XCTAssertTrue(log.contains("your text is in \(drafts.first ?? "?")"), log)
    }
  }

  /// Closing the terminal (here: its tmux server) while the editor is open used to leave the
  /// reader spinning without a tty; it ends.
  func testClosingTheTerminalDuringTheEditorEndsTheReader() throws {
    let folio = try FolioRunner(self)
    let (editor, started) = try waitingEditor(folio)
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment.merging(["EDITOR": editor]) { $1 },
      testCase: self)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    let reader = try tmux.pid()
    try tmux.send("N")
    try TmuxSession.waitUntil("the editor to start") {
      FileManager.default.fileExists(atPath: started)
    }
    try TmuxSession.tmux(["-L", tmux.socket, "kill-server"])
    try TmuxSession.waitUntil(timeout: 10, "folio to end without its terminal") {
      Self.hasEnded(reader)
    }
  }

  /// SIGTERM while the reader's star waits for another process's write lock (during a long
  /// import) went unanswered for as long as the wait lasted (minutes). The star now waits on
  /// the reader's writer thread, and the reader ends within its grace
  /// (``stopGraceSeconds``, 5 s), terminal restored, saying on stderr what was not saved.
  func testTermWhileTheReaderWaitsForALockEndsItWithinTheGrace() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let tmux = try TmuxSession(["/bin/sh"], environment: folio.environment, testCase: self)
    try tmux.type("echo $((6*7))-ready\n")
    try tmux.waitFor("42-ready")
    try tmux.type("\(FolioRunner.binary.path); echo \"exit=$?\"\n")
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    let reader = try XCTUnwrap(ReaderEndToEndTests.child(of: try tmux.pid()), "folio's pid")

    // Another process holds the write lock until the test ends.
    let holder = try DatabaseQueue(path: folio.databasePath)
    let locked = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      try? holder.inDatabase { db in
        try db.execute(sql: "BEGIN IMMEDIATE")
        locked.signal()
        release.wait()
        try db.execute(sql: "ROLLBACK")
      }
    }
    defer { release.signal() }
    locked.wait()
    try tmux.send("s")
    try tmux.waitFor("saving 1…")
    XCTAssertEqual(kill(reader, SIGTERM), 0)
    try TmuxSession.waitUntil(timeout: 15, "folio to end while waiting for the lock") {
      Self.hasEnded(reader)
    }
    let screen = try tmux.waitFor("exit=")
    XCTAssertTrue(screen.contains("the library stayed busy"), screen)
    XCTAssertEqual(try tmux.display("#{alternate_on}"), "0")
    XCTAssertEqual(try tmux.display("#{mouse_any_flag}"), "0")
  }

  /// Signals that end a process by default (SIGUSR1, SIGALRM, SIGQUIT...) used to leave the
  /// terminal in the alternate screen with mouse reporting on.
  func testEveryEndingSignalGivesTheTerminalBack() throws {
    for (signal, status) in [(SIGUSR1, 138), (SIGALRM, 142), (SIGQUIT, 131), (SIGUSR2, 140)] {
      let folio = try FolioRunner(self)
      let tmux = try TmuxSession(["/bin/sh"], environment: folio.environment, testCase: self)
      try tmux.type("echo $((6*7))-ready\n")
      try tmux.waitFor("42-ready")
      try tmux.type("\(FolioRunner.binary.path); echo \"exit=$?\"\n")
      try tmux.waitFor(ReaderEndToEndTests.firstTitle)
      XCTAssertEqual(try tmux.display("#{alternate_on}"), "1")
      let reader = try XCTUnwrap(ReaderEndToEndTests.child(of: try tmux.pid()), "folio's pid")
      XCTAssertEqual(kill(reader, signal), 0)
      try tmux.waitFor("exit=\(status)")
      XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "signal \(signal)")
      XCTAssertEqual(try tmux.display("#{mouse_any_flag}"), "0", "signal \(signal)")
      XCTAssertEqual(try tmux.display("#{cursor_flag}"), "1", "signal \(signal)")
    }
  }
}
