import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Paths the user hands Folio that are not plain files: what it writes only ever lands in a
/// regular file, and what it opens or reads never blocks and never gets a misleading message.
final class UserFileTests: XCTestCase {
  /// Runs `folio arguments...` and gives up (failing) after `timeout` seconds: the old code
  /// hung forever on a FIFO.
  func runBounded(
    _ folio: FolioRunner, _ arguments: [String], environment extra: [String: String] = [:],
    timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = FolioRunner.binary
    process.arguments = arguments
    process.environment = folio.environment.merging(extra) { $1 }
    let errors = folio.directory.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      XCTFail("folio \(arguments) still running after \(timeout) s", file: file, line: line)
    }
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: "",
      stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
  }

  func mode(_ path: String, following: Bool = false) -> mode_t {
    var info = stat()
    XCTAssertEqual(following ? stat(path, &info) : lstat(path, &info), 0, path)
    return info.st_mode
  }

  func starredLibrary() throws -> FolioRunner {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample, "--day", "2026-11-27"])
    try folio.run(["star", try folio.rows()[0][0]])
    return folio
  }

  /// `export -o` at a FIFO (or a link to one, like /dev/stdout) or a directory: one line,
  /// exit 73, nothing replaced.
  func testExportRefusesAFIFOAndADirectoryAndLeavesThem() throws {
    let folio = try starredLibrary()
    let fifo = folio.directory.appendingPathComponent("pipe").path
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    let link = folio.directory.appendingPathComponent("stdout").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
    for target in [fifo, link, folio.directory.path] {
      let result = try runBounded(folio, ["export", "-o", target])
      XCTAssertEqual(result.status, 73, result.stderr)
      let kind = target == folio.directory.path ? "a directory" : "a FIFO"
      XCTAssertEqual(
        result.stderr,
        "folio: error: cannot write \(target): it is \(kind), not a regular file; left as it was\n")
    }
    XCTAssertEqual(mode(fifo) & S_IFMT, S_IFIFO)
    XCTAssertEqual(mode(link) & S_IFMT, S_IFLNK)
  }

  /// As root, `export -o /dev/null` made the device a regular file. A private device node
  /// stands in for /dev/null, so the real one is never at risk.
  func testExportLeavesADeviceADevice() throws {
    try XCTSkipUnless(getuid() == 0, "making a device node needs root")
    let folio = try starredLibrary()
    let device = folio.directory.appendingPathComponent("null").path
    guard mknod(device, S_IFCHR | 0o666, 0x103) == 0 else { throw XCTSkip("mknod not allowed") }
    let result = try runBounded(folio, ["export", "-o", device])
    XCTAssertEqual(result.status, 73, result.stderr)
    XCTAssertTrue(result.stderr.contains("it is a character device, not a regular file"))
    XCTAssertEqual(mode(device) & S_IFMT, S_IFCHR)
  }

  /// A private export keeps its 0600, and a linked one is written through its link.
  func testExportKeepsTheModeAndWritesThroughALink() throws {
    let folio = try starredLibrary()
    let real = try folio.file("real.md", text: "old")
    XCTAssertEqual(chmod(real, 0o600), 0)
    let link = folio.directory.appendingPathComponent("starred.md").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.md")
    let result = try folio.run(["export", "-o", link])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(mode(link) & S_IFMT, S_IFLNK)
    XCTAssertEqual(mode(real) & 0o7777, 0o600)
    XCTAssertTrue(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("# Starred papers"))
  }

  /// FOLIO_DB at a FIFO hung forever, /dev/null said "disk I/O error", /proc/self/mem "the
  /// disk is full": each is now refused at once, naming the path, and left as it was.
  func testALibraryPathThatIsNotARegularFileIsRefusedAtOnce() throws {
    let folio = try FolioRunner(self)
    let fifo = folio.directory.appendingPathComponent("library.fifo").path
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    let cases = [
      fifo: "folio: error: \(fifo) is not a Folio library (it is a FIFO, not a regular file)\n",
      "/dev/null":
        "folio: error: /dev/null is not a Folio library (it is a character device, not a regular file)\n",
      "/proc/self/mem":
        "folio: error: /proc/self/mem is not a Folio library (it is a kernel file in /proc or /sys, not a regular file)\n",
    ]
    for (path, message) in cases {
      let result = try runBounded(folio, ["list"], environment: ["FOLIO_DB": path])
      XCTAssertEqual(result.status, 65, path)
      XCTAssertEqual(result.stderr, message)
    }
    XCTAssertEqual(mode(fifo) & S_IFMT, S_IFIFO)
    XCTAssertEqual(mode("/dev/null") & S_IFMT, S_IFCHR)
  }

  /// `import /dev/zero` said "permission denied?"; a device is refused, saying what it is. A
  /// FIFO is read like a pipe (`<(command)`), and one nobody writes to does not block.
  func testImportRefusesADeviceAndReadsAFIFO() throws {
    let folio = try FolioRunner(self)
    let zero = try runBounded(folio, ["import", "/dev/zero"])
    XCTAssertEqual(zero.status, 66)
    XCTAssertEqual(
      zero.stderr, "folio: error: /dev/zero: is a device (it would never end), not a file\n")
    let directory = try runBounded(folio, ["import", folio.directory.path])
    XCTAssertEqual(directory.status, 66)
    XCTAssertEqual(
      directory.stderr, "folio: error: \(folio.directory.path): is a directory, not a file\n")

    let fifo = folio.directory.appendingPathComponent("feed").path
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    let silent = try runBounded(folio, ["import", fifo])
    XCTAssertNotEqual(silent.status, 0, "an empty input imports nothing")

    // Process substitution hands folio a pipe by name: read to its end, as before.
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/bash")
    shell.arguments = [
      "-c", "\"$0\" import <(cat \"$1\")", FolioRunner.binary.path, FolioRunner.sample,
    ]
    shell.environment = folio.environment
    shell.standardOutput = FileHandle.nullDevice
    shell.standardError = FileHandle.nullDevice
    try shell.run()
    shell.waitUntilExit()
    XCTAssertEqual(shell.terminationStatus, 0)
    XCTAssertEqual(try folio.rows().count, 284)
  }

  /// A FIFO at the log (nobody reading it) blocked the reader at its first log line, before
  /// it drew anything; a FIFO at config.toml blocked it reading the settings. Both are passed
  /// over: the reader starts, says what is wrong with the config, and the FIFOs stay.
  func testFIFOsAtTheLogAndTheConfigDoNotBlockTheReader() throws {
    let folio = try FolioRunner(self)
    let state = folio.directory.appendingPathComponent("state/folio")
    let config = folio.directory.appendingPathComponent("config/folio")
    for directory in [state, config] {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    let log = state.appendingPathComponent("folio.log").path
    let settings = config.appendingPathComponent("config.toml").path
    XCTAssertEqual(mkfifo(log, 0o600), 0)
    XCTAssertEqual(mkfifo(settings, 0o600), 0)
    // Wide enough for the whole message (it names config.toml's path) wherever TMPDIR is.
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 200, testCase: self)
    try tmux.waitFor("it is a FIFO, not a regular file")
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
    XCTAssertEqual(mode(log) & S_IFMT, S_IFIFO)
    XCTAssertEqual(mode(settings) & S_IFMT, S_IFIFO)
  }

  /// The reader's `e` goes through the same door: a FIFO at the export path is reported on
  /// the status line and left a FIFO; a 0600 export linked from the home directory keeps its
  /// mode and its link.
  func testTheReadersExportRefusesAFIFOAndKeepsAPrivateLinkedFile() throws {
    let folio = try FolioRunner(self)
    let fifo = folio.directory.appendingPathComponent("folio-starred.md").path
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 200, testCase: self)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    try tmux.send("s")
    try tmux.waitFor("1 ★")
    try tmux.send("e")
    try tmux.waitFor("it is a FIFO, not a regular file; left as it was")
    XCTAssertEqual(mode(fifo) & S_IFMT, S_IFIFO)

    try FileManager.default.removeItem(atPath: fifo)
    let real = try folio.file("private-starred.md", text: "old")
    XCTAssertEqual(chmod(real, 0o600), 0)
    try FileManager.default.createSymbolicLink(atPath: fifo, withDestinationPath: real)
    try tmux.send("e")
    try tmux.waitFor("exported 1 paper to ~/folio-starred.md")
    XCTAssertEqual(mode(fifo) & S_IFMT, S_IFLNK)
    XCTAssertEqual(mode(real) & 0o7777, 0o600)
    XCTAssertTrue(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("# Starred papers"))
  }
}
