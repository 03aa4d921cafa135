import FolioCore
import FolioTestSupport
import Foundation
import GRDB
import XCTest

/// `folio sync` between two libraries through a plain folder: the summary line, config
/// `sync_dir`, the exit statuses, `--dry-run`, and `kill -9` during syncs.
final class SyncCommandTests: XCTestCase {
  func twoLibraries() throws -> (FolioRunner, FolioRunner, shared: String, ids: [String]) {
    let laptop = try FolioRunner(self)
    let workstation = try FolioRunner(self)
    let shared = laptop.directory.appendingPathComponent("shared").path
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    for folio in [laptop, workstation] { try folio.run(["import", FolioRunner.sample]) }
    let ids = try laptop.rows().prefix(4).map { $0[0] }
    return (laptop, workstation, shared, ids)
  }

  func testTwoLibrariesConvergeThroughAFolder() throws {
    let (laptop, workstation, shared, ids) = try twoLibraries()
    XCTAssertEqual(try laptop.run(["star", ids[0], ids[1]]).status, 0)
    XCTAssertEqual(try laptop.run(["tag", "survey", ids[2]]).status, 0)
    XCTAssertEqual(try workstation.run(["read", ids[3]]).status, 0)
    let sent = try laptop.run(["sync", "--dir", shared])
    XCTAssertEqual(sent.status, 0, sent.stderr)
    XCTAssertEqual(sent.stdout, "sync: sent 3 changes, received 0 (0 applied, 0 waiting)\n")
    // The workstation names the folder in config.toml; `~` is the home directory.
    let config = workstation.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try "sync_dir = \"\(shared)\"\n".write(
      to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    let dry = try workstation.run(["sync", "--dry-run"])
    XCTAssertEqual(
      dry.stdout.split(separator: "\n").last,
      "sync: would send 1 changes, receive 3 (3 applied, 0 waiting); nothing was changed")
    XCTAssertEqual(try workstation.rows(["--starred"]).count, 0)
    let received = try workstation.run(["sync"])
    XCTAssertEqual(received.status, 0, received.stderr)
    XCTAssertEqual(received.stdout, "sync: sent 1 changes, received 3 (3 applied, 0 waiting)\n")
    XCTAssertEqual(
      try laptop.run(["sync", "--dir", shared]).stdout,
      "sync: sent 0 changes, received 1 (1 applied, 0 waiting)\n")
    for folio in [laptop, workstation] {
      XCTAssertEqual(
        try folio.rows(["--starred"]).map { $0[0] }.sorted(), [ids[0], ids[1]].sorted())
      XCTAssertEqual(try folio.rows(["--read"]).map { $0[0] }, [ids[3]])
      XCTAssertEqual(try folio.rows(["--filter", "tag:survey"]).map { $0[0] }, [ids[2]])
    }
  }

  /// `--dry-run` lists each field of this library it would change, once, by id and title
  /// (the first 100, then a count), and changes nothing: the real sync after it still
  /// receives everything.
  func testDryRunShowsWhatWouldChange() throws {
    let (laptop, workstation, shared, _) = try twoLibraries()
    let rows = try laptop.rows()
    let title = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[4]) })
    let ids = rows.map { $0[0] }
    // Starred here already: the laptop's later star wins but changes nothing, so no line.
    XCTAssertEqual(try workstation.run(["star", ids[0]]).status, 0)
    XCTAssertEqual(try laptop.run(["star", ids[0], ids[1]]).status, 0)
    XCTAssertEqual(try laptop.run(["tag", "survey", ids[2]]).status, 0)
    XCTAssertEqual(try laptop.run(["note", ids[3], "keep"]).status, 0)
    XCTAssertEqual(try laptop.run(["read", ids[4]]).status, 0)
    XCTAssertEqual(try laptop.run(["dismiss", ids[5]]).status, 0)
    // Read and then unread: the field ends as it is here, so no line either.
    XCTAssertEqual(try laptop.run(["read", ids[6]]).status, 0)
    XCTAssertEqual(try laptop.run(["unread", ids[6]]).status, 0)
    XCTAssertEqual(try laptop.run(["sync", "--dir", shared]).status, 0)
    let before = try workstation.run(["state", "export"]).stdout
    let dry = try workstation.run(["sync", "--dir", shared, "--dry-run"])
    XCTAssertEqual(dry.status, 0, dry.stderr)
    XCTAssertEqual(
      dry.stdout,
      [
        "would star \(ids[1])  \(title[ids[1]]!)",
        "would tag \(ids[2]) #survey  \(title[ids[2]]!)",
        "would set the note of \(ids[3])  \(title[ids[3]]!)",
        "would mark read \(ids[4])  \(title[ids[4]]!)",
        "would dismiss \(ids[5])  \(title[ids[5]]!)",
        "sync: would send 1 changes, receive 8 (8 applied, 0 waiting); nothing was changed", "",
      ].joined(separator: "\n"))
    XCTAssertEqual(try workstation.run(["state", "export"]).stdout, before)
    XCTAssertEqual(try workstation.rows(["--starred"]).map { $0[0] }, [ids[0]])
    let real = try workstation.run(["sync", "--dir", shared])
    XCTAssertEqual(real.stdout, "sync: sent 1 changes, received 8 (8 applied, 0 waiting)\n")
    // Bounded: 150 stars list the first 100, then how many more.
    XCTAssertEqual(try laptop.run(["star"] + ids[10..<160]).status, 0)
    XCTAssertEqual(try laptop.run(["sync", "--dir", shared]).status, 0)
    let many = try workstation.run(["sync", "--dir", shared, "--dry-run"]).stdout
      .split(separator: "\n")
    XCTAssertEqual(many.count, 102)
    XCTAssertTrue(many.prefix(100).allSatisfy { $0.hasPrefix("would star ") })
    XCTAssertEqual(many[100], "… and 50 more")
    XCTAssertEqual(try workstation.rows(["--starred"]).count, 2)
  }

  /// The for-you signals another device's reader recorded ("read full screen", "opened")
  /// are named by a dry run, set by the sync (dated by their clocks), carried by
  /// `folio state export` and taken in by `folio state import`. The reader is the only thing
  /// that records them, so the other device's log is written here as its reader would.
  func testTheForYouSignalsSyncAndAreExported() throws {
    let (laptop, workstation, shared, _) = try twoLibraries()
    let rows = try workstation.rows()
    let wall: Int64 = 1_790_000_000_000
    let device = "00000000000000aa"
    var log = ""
    for (index, edit) in [SyncEdit.viewed(true), .opened(true)].enumerated() {
      let paper = SyncPaperKey(
        arxivID: ArxivID.normalize(rows[index][0]), titleKey: PaperIdentity.titleKey(rows[index][4])
      )
      log += SyncLogCodec.encode(
        SyncChange(
          clock: HybridClock(wall: wall, counter: index, device: device), paper: paper, edit: edit))
    }
    try log.write(
      toFile: shared + "/\(device).jsonl", atomically: true, encoding: .utf8)
    let dry = try workstation.run(["sync", "--dir", shared, "--dry-run"])
    XCTAssertEqual(dry.status, 0, dry.stderr)
    XCTAssertEqual(
      dry.stdout,
      [
        "would mark read full screen \(rows[0][0])  \(rows[0][4])",
        "would mark opened \(rows[1][0])  \(rows[1][4])",
        "sync: would send 0 changes, receive 2 (2 applied, 0 waiting); nothing was changed", "",
      ].joined(separator: "\n"))
    let real = try workstation.run(["sync", "--dir", shared])
    XCTAssertEqual(real.stdout, "sync: sent 0 changes, received 2 (2 applied, 0 waiting)\n")
    func signals(_ folio: FolioRunner) throws -> [[String?]] {
      try folio.database().read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT p.id, s.viewed_at, s.opened_at FROM paper_state s
            JOIN paper p ON p.seq = s.paper_seq
            WHERE s.viewed_at IS NOT NULL OR s.opened_at IS NOT NULL ORDER BY p.seq
            """
        ).map { [$0["id"], $0["viewed_at"], $0["opened_at"]] }
      }
    }
    let expected = try signals(workstation)
    XCTAssertEqual(expected.map { $0[0] }, [rows[0][0], rows[1][0]])
    XCTAssertNotNil(expected[0][1])
    XCTAssertNotNil(expected[1][2])
    // Moved to a machine without a sync folder: the export carries them.
    let file = workstation.directory.appendingPathComponent("state.json").path
    XCTAssertEqual(try workstation.run(["state", "export", "-o", file]).status, 0)
    let imported = try laptop.run(["state", "import", file])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    XCTAssertEqual(imported.stdout, "state: read 2 changes (2 applied, 0 waiting)\n")
    XCTAssertEqual(try signals(laptop), expected)
  }

  /// A title holding control sequences and line breaks (a library written by something
  /// else) is listed inert and on one line by a dry run.
  func testDryRunPrintsTitlesInert() throws {
    let (laptop, workstation, shared, ids) = try twoLibraries()
    try DatabaseQueue(path: workstation.databasePath).write { db in
      try db.execute(
        sql: "UPDATE paper SET title = ? WHERE id = ?",
        arguments: ["Evil \u{1b}]2;owned\u{07}\ntitle \u{1b}[31mred", ids[0]])
    }
    XCTAssertEqual(try laptop.run(["star", ids[0]]).status, 0)
    XCTAssertEqual(try laptop.run(["sync", "--dir", shared]).status, 0)
    let dry = try workstation.run(["sync", "--dir", shared, "--dry-run"]).stdout
    let lines = dry.split(separator: "\n")
    XCTAssertEqual(lines.count, 2, dry)
    XCTAssertTrue(lines[0].hasPrefix("would star \(ids[0])  Evil"), dry)
    XCTAssertFalse(dry.contains("\u{1b}") || dry.contains("\u{07}"), dry)
  }

  func testExitStatuses() throws {
    let (laptop, _, shared, ids) = try twoLibraries()
    let none = try laptop.run(["sync"])
    XCTAssertEqual(none.status, 64)
    XCTAssertEqual(
      none.stderr, "folio: error: no sync folder: pass --dir PATH or set sync_dir in config.toml\n")
    let missing = try laptop.run(["sync", "--dir", shared + "/nope"])
    XCTAssertEqual(missing.status, 66)
    XCTAssertEqual(missing.stderr, "folio: error: the sync folder \(shared)/nope does not exist\n")
    // A bad line in another device's log: named, exit 65, this device's changes still sent.
    let bad = shared + "/00000000000000aa.jsonl"
    try
      "{\"v\":1,\"wall\":1,\"counter\":0,\"device\":\"00000000000000aa\",\"title_key\":\"\\u001b]0;x\\u0007\",\"field\":\"read\",\"value\":true}\n"
      .write(toFile: bad, atomically: true, encoding: .utf8)
    XCTAssertEqual(try laptop.run(["star", ids[0]]).status, 0)
    let result = try laptop.run(["sync", "--dir", shared])
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(result.stdout, "sync: sent 1 changes, received 0 (0 applied, 0 waiting)\n")
    XCTAssertEqual(result.stderr, "folio: error: \(bad):1: 'title_key' is empty\n")
  }

  func testFetchSyncsAfterImportingWhenSyncDirIsSet() throws {
    let laptop = try FolioRunner(self)
    let workstation = try FolioRunner(self)
    let shared = laptop.directory.appendingPathComponent("shared").path
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    let server = try TestHTTPServer { request in
      request.path.contains("p=0") ? .ok(FetchCommandTests.hfPage(0, count: 5)) : .ok("[]")
    }
    XCTAssertEqual(try laptop.fetch(from: server, ["--source", "hf"]).status, 0)
    XCTAssertEqual(try laptop.run(["star", "2411.00003"]).status, 0)
    XCTAssertEqual(try laptop.run(["sync", "--dir", shared]).status, 0)
    let config = workstation.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try "sync_dir = \"\(shared)\"\n".write(
      to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    let fetched = try workstation.fetch(from: server, ["--source", "hf"])
    XCTAssertEqual(fetched.status, 0, fetched.stderr)
    XCTAssertTrue(
      fetched.stdout.hasSuffix("\nsync: sent 0 changes, received 1 (1 applied, 0 waiting)\n"),
      fetched.stdout)
    XCTAssertEqual(try workstation.rows(["--starred"]).map { $0[0] }, ["2411.00003"])
  }

  /// `kill -9` at random moments of syncs on both sides; then a sync each: converged, every
  /// change there once.
  func testKilledSyncsLoseNothing() throws {
    let (laptop, workstation, shared, _) = try twoLibraries()
    var random = SplitMix64(seed: 2121)
    let all = try laptop.rows().map { $0[0] }
    for round in 0..<6 {
      let folio = round % 2 == 0 ? laptop : workstation
      let ids = (0..<20).map { _ in all[Int(random.next() % UInt64(all.count))] }
      XCTAssertEqual(try folio.run([round % 4 < 2 ? "star" : "unstar"] + ids).status, 0)
      XCTAssertEqual(try folio.run(["tag", "r\(round)"] + ids.prefix(5)).status, 0)
      let process = Process()
      process.executableURL = FolioRunner.binary
      process.arguments = ["sync", "--dir", shared]
      process.environment = folio.environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(random.next() % 60_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    for folio in [laptop, workstation, laptop] {
      let result = try folio.run(["sync", "--dir", shared])
      XCTAssertEqual(result.status, 0, result.stderr)
    }
    XCTAssertEqual(try laptop.rows(["--starred"]), try workstation.rows(["--starred"]))
    XCTAssertEqual(
      try laptop.run(["tags"]).stdout, try workstation.run(["tags"]).stdout)
    // Every line of a device's log is whole, and a second pass changes nothing.
    for name in try FileManager.default.contentsOfDirectory(atPath: shared) {
      let text = try String(contentsOfFile: shared + "/" + name, encoding: .utf8)
      XCTAssertTrue(text.isEmpty || text.hasSuffix("\n"), name)
    }
    XCTAssertEqual(
      try laptop.run(["sync", "--dir", shared]).stdout,
      "sync: sent 0 changes, received 0 (0 applied, 0 waiting)\n")
  }
}

/// `folio state export` / `folio state import`: a new machine without a sync folder.
final class StateExportCommandTests: XCTestCase {
  func testExportThenImportMovesTheReadingState() throws {
    let old = try FolioRunner(self)
    let new = try FolioRunner(self)
    for folio in [old, new] { try folio.run(["import", FolioRunner.sample]) }
    let ids = try old.rows().prefix(3).map { $0[0] }
    XCTAssertEqual(try old.run(["star", ids[0]]).status, 0)
    XCTAssertEqual(try old.run(["note", ids[1], "keep"]).status, 0)
    XCTAssertEqual(try old.run(["tag", "later", ids[2]]).status, 0)
    let file = old.directory.appendingPathComponent("state.json").path
    let exported = try old.run(["state", "export", "-o", file])
    XCTAssertEqual(exported.status, 0, exported.stderr)
    XCTAssertEqual(
      try old.run(["state", "export"]).stdout, try String(contentsOfFile: file, encoding: .utf8))
    let imported = try new.run(["state", "import", file])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    XCTAssertEqual(imported.stdout, "state: read 3 changes (3 applied, 0 waiting)\n")
    XCTAssertEqual(try new.rows(["--starred"]).map { $0[0] }, [ids[0]])
    XCTAssertTrue(try new.run(["show", ids[1]]).stdout.contains("keep"))
    XCTAssertEqual(try new.rows(["--filter", "tag:later"]).map { $0[0] }, [ids[2]])
    let missing = try new.run(["state", "import", file + ".nope"])
    XCTAssertEqual(missing.status, 66)
    let bad = try new.file(
      "bad.json", text: "{\"format\":\"folio-state\",\"version\":1,\"changes\":[{}]}")
    let refused = try new.run(["state", "import", bad])
    XCTAssertEqual(refused.status, 65)
    XCTAssertEqual(refused.stderr, "folio: error: \(bad): change 1: missing 'v'\n")
  }
}

/// The reader syncs at start when sync_dir is set (issue 21), in the background: a star made
/// on another machine shows up, the status line says so, and what the reader stars goes to
/// the other machine with the next sync.
final class SyncReaderEndToEndTests: XCTestCase {
  func testTheReaderSyncsAtStart() throws {
    let laptop = try FolioRunner(self)
    let workstation = try FolioRunner(self)
    let shared = laptop.directory.appendingPathComponent("shared").path
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    for folio in [laptop, workstation] { try folio.run(["import", FolioRunner.sample]) }
    let ids = try laptop.rows().map { $0[0] }
    XCTAssertEqual(try laptop.run(["star", ids[0]]).status, 0)
    XCTAssertEqual(try laptop.run(["sync", "--dir", shared]).status, 0)
    let config = workstation.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try "sync_dir = \"\(shared)\"\n".write(
      to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: workstation.environment, width: 120, height: 40,
      keepAfterExit: false, testCase: self)
    try tmux.waitFor("sync: sent 0 changes, received 1 (1 applied, 0 waiting)")
    try TmuxSession.waitUntil("the star to arrive") {
      try workstation.rows(["--starred"]).map { $0[0] } == [ids[0]]
    }
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
  }
}
