import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Nothing a run leaves behind in the system's temporary directories: neither `folio` itself
/// (its writes go through temp+rename in the target's own directory, and a note's scratch file
/// is removed) nor the tests' tmux servers, whose socket files tmux does not remove itself.
final class TemporaryFilesTests: XCTestCase {
  func testFolioLeavesNothingInItsTemporaryDirectory() throws {
    let folio = try FolioRunner(self)
    let scratch = folio.directory.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let environment = ["TMPDIR": scratch.path, "EDITOR": "/bin/true"]
    let output = folio.directory.appendingPathComponent("starred.md").path
    let imported = try folio.run(["import", FolioRunner.sample], environment: environment)
    XCTAssertEqual(imported.status, 0, imported.stderr)
    let id = try folio.rows()[0][0]
    for arguments in [
      ["list", "--format", "tsv"], ["star", id], ["read", id],
      ["note", id, "a note"], ["note", id], ["export", "-o", output], ["export", "-o", output],
      ["config", "--init"], ["topics"], ["similar", id],
    ] {
      let result = try folio.run(arguments, environment: environment)
      XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
    }
    XCTAssertTrue(FileManager.default.fileExists(atPath: output))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [])
  }

  func testATmuxSessionLeavesNoSocketBehind() throws {
    let folio = try FolioRunner(self)
    let tmux = try TmuxSession(["/bin/sh"], environment: folio.environment, testCase: self)
    let path = TmuxSession.socketPath(tmux.socket)
    XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
    TmuxSession.shutDown(socket: tmux.socket)
    XCTAssertFalse(FileManager.default.fileExists(atPath: path), "tmux leaves its socket")
  }
}
