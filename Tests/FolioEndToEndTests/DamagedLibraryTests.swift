import Foundation
import GRDB
import XCTest

final class DamagedLibraryTests: XCTestCase {
  func testAFileThatIsNotADatabaseIsRefusedAndKept() throws {
    let folio = try FolioRunner(self)
    try FileManager.default.createDirectory(
      atPath: (folio.databasePath as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    let junk = Data("this is my thesis, not a database\n".utf8)
    try junk.write(to: URL(fileURLWithPath: folio.databasePath))
    // [] opens the reader.
    for command in [["list"], ["import", FolioRunner.sample], ["star", "x"], []] {
      let result = try folio.run(command)
      XCTAssertEqual(result.status, 65, "\(command)")
      XCTAssertEqual(
        result.stderr,
        "folio: error: \(folio.databasePath) is not a Folio library (file is not a database)\n")
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folio.databasePath)), junk)
  }

  func testATruncatedLibraryIsReportedAsDamaged() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let url = URL(fileURLWithPath: folio.databasePath)
    let whole = try Data(contentsOf: url)
    let truncated = whole.prefix(whole.count / 3)
    try truncated.write(to: url)
    for command in [["list"], ["star", "x"], []] {
      let result = try folio.run(command)
      XCTAssertEqual(result.status, 65, result.stderr)
      XCTAssertTrue(
        result.stderr.hasPrefix("folio: error: the library \(folio.databasePath) is damaged"),
        result.stderr)
      XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }
    XCTAssertEqual(try Data(contentsOf: url), truncated, "a damaged file is never rewritten")
  }

  func testALibraryFromANewerFolioIsRefused() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let queue = try DatabaseQueue(path: folio.databasePath)
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: folio.databasePath))
    for command in [["list"], ["star", "x"], []] {
      let result = try folio.run(command)
      XCTAssertEqual(result.status, 65)
      XCTAssertEqual(
        result.stderr,
        "folio: error: the library \(folio.databasePath) was written by a newer version of folio; upgrade folio to open it\n"
      )
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folio.databasePath)), before)
  }

  func testAReadOnlyLibraryCanBeListedButNotChanged() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let id = try folio.rows()[0][0]
    try makeReadOnly(folio)
    let list = try folio.run(["list", "--format", "tsv"], unprivileged: true)
    XCTAssertEqual(list.status, 0, list.stderr)
    XCTAssertEqual(list.stdout.split(separator: "\n").count, 284)

    for command in [["star", id], ["import", FolioRunner.sample], ["note", id, "x"]] {
      let result = try folio.run(command, unprivileged: true)
      XCTAssertEqual(result.status, 74, "\(command): \(result.stderr)")
      XCTAssertEqual(
        result.stderr,
        "folio: error: the library \(folio.databasePath) is read-only; nothing was changed\n")
    }
    XCTAssertEqual(try folio.rows(["--starred"]).count, 0)
  }

  func testAReadOnlyLibraryOpensInTheReaderWithANoticeAndRefusesStars() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    try makeReadOnly(folio)
    let before = try Data(contentsOf: URL(fileURLWithPath: folio.databasePath))
    // Wide enough for the message's start whatever the temporary directory's path adds.
    let tmux = try TmuxSession(
      FolioRunner.unprivileged([FolioRunner.binary.path]), environment: folio.environment,
      width: 200, testCase: self)
    try tmux.waitFor("the library is read-only: changes are disabled")
    try tmux.waitFor("284 shown")
    try tmux.send("s")
    // The path makes the message longer than the status line.
    try tmux.waitFor("is read-only; nothing was")
    try tmux.send("r")
    XCTAssertTrue(try tmux.capture().contains("0 ★"))
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    // Before anything opens it as root, for whom the file is writable.
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folio.databasePath)), before)
    XCTAssertEqual(try folio.rows(["--starred"]).count, 0)
  }

  /// A disk with no room left: a small tmpfs, filled up. Needs root to mount; the file size
  /// limit test below covers the same error path without it.
  func testAFullDiskIsAClearErrorAndLeavesTheLibraryIntact() throws {
    let folio = try FolioRunner(self)
    let disk = folio.directory.appendingPathComponent("small-disk").path
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    guard getuid() == 0,
      Self.spawn(["/bin/mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk]) == 0
    else { throw XCTSkip("cannot mount a small tmpfs here (needs root)") }
    addTeardownBlock { _ = Self.spawn(["/bin/umount", disk]) }
    let library = ["FOLIO_DB": disk + "/library/folio.sqlite"]
    XCTAssertEqual(try folio.run(["import", FolioRunner.sample], environment: library).status, 0)
    let ids = try folio.run(["list", "--format", "tsv"], environment: library).stdout
      .split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    XCTAssertEqual(try folio.run(["star", ids[0]], environment: library).status, 0)
    let big = try folio.file("big.txt", text: Self.listing(count: 3000))
    // dd stops when the disk is full.
    _ = Self.spawn(["/bin/dd", "if=/dev/zero", "of=\(disk)/filler", "bs=4k"])

    let full =
      "folio: error: cannot use the library \(library["FOLIO_DB"]!): the disk is full; nothing was changed\n"
    for command in [["import", big], ["star", ids[1]], ["list"]] {
      let result = try folio.run(command, environment: library)
      XCTAssertEqual(result.status, 74, "\(command): \(result.stderr)")
      XCTAssertEqual(result.stderr, full, "\(command)")
    }
    try FileManager.default.removeItem(atPath: disk + "/filler")
    let after = try folio.run(["list", "--format", "tsv"], environment: library)
    XCTAssertEqual(after.status, 0, after.stderr)
    XCTAssertEqual(after.stdout.split(separator: "\n").count, 284, "nothing of the import")
    let starred = try folio.run(["list", "--starred", "--format", "tsv"], environment: library)
    XCTAssertEqual(
      starred.stdout.split(separator: "\n").map { String($0.prefix(ids[0].count)) }, [ids[0]])
    let check = try DatabaseQueue(path: library["FOLIO_DB"]!)
    XCTAssertEqual(try check.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }, "ok")
  }

  /// The file size limit (`ulimit -f`) stops the library growing: a clear error instead of
  /// the kernel's SIGXFSZ killing folio mid-write, and the library stays as it was.
  func testAFileSizeLimitIsAClearErrorNotACrash() throws {
    let folio = try FolioRunner(self)
    XCTAssertEqual(try folio.run(["import", FolioRunner.sample]).status, 0)
    let big = try folio.file("big.txt", text: Self.listing(count: 3000))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // 512-byte blocks: 256 KiB, well below the library's size.
    process.arguments = [
      "-c", "ulimit -f 512 && exec \"$0\" import \"$1\"", FolioRunner.binary.path, big,
    ]
    process.environment = folio.environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .exit, "killed by a signal")
    XCTAssertEqual(process.terminationStatus, 74)
    XCTAssertEqual(
      stderr,
      "folio: error: cannot use the library \(folio.databasePath): the file size limit (ulimit -f) was reached; nothing was changed\n"
    )
    XCTAssertEqual(try folio.rows().count, 284)
    XCTAssertEqual(
      try folio.database().read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }, "ok")
  }

  /// Makes the library file and its directory read-only until the test ends.
  func makeReadOnly(_ folio: FolioRunner) throws {
    let libraryDirectory = (folio.databasePath as NSString).deletingLastPathComponent
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o444], ofItemAtPath: folio.databasePath)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o555], ofItemAtPath: libraryDirectory)
    addTeardownBlock {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: libraryDirectory)
    }
  }

  static func listing(count: Int) -> String {
    let filler = String(repeating: "words of a long abstract ", count: 20)
    return (0..<count).map { "Roomless paper \($0)\nAbstract \($0): \(filler)\n" }.joined()
  }

  /// Runs a program with its output discarded; its exit status.
  static func spawn(_ argv: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: argv[0])
    process.arguments = Array(argv.dropFirst())
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  func testAnUncreatableLibraryPathIsCantCreate() throws {
    let folio = try FolioRunner(self)
    let blocker = try folio.file("blocker", text: "a file where a directory should be")
    let result = try folio.run(["--db", blocker + "/sub/folio.sqlite", "list"])
    XCTAssertEqual(result.status, 73, result.stderr)
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: error: cannot create the library at"), result.stderr)
  }
}
