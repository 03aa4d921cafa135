import FolioCore
import FolioTestSupport
import Foundation
import XCTest

/// `kill -9` during `folio sync` through a git remote (a bare repository in a temporary
/// directory, cloned by two libraries): killed at seeded random moments, sometimes with the
/// git it was running (a machine that went down leaves git's locks and a rebase half done),
/// then synced again: converged, equal to the changes in the order they were made, nothing
/// lost, nothing applied twice, the work trees clean.
final class SyncGitKillTests: XCTestCase {
  func git(_ arguments: [String], in directory: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = ["-C", directory] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    return String(decoding: data, as: UTF8.self)
  }

  /// The processes whose parent is `pid` (from /proc: Linux).
  func children(of pid: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> Int32? in
      guard let child = Int32(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return nil }
      // pid (comm) state ppid ...
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 1 && Int32(fields[1]) == pid ? child : nil
    }
  }

  func testKilledGitSyncsLoseNothing() throws {
    let laptop = try FolioRunner(self)
    let workstation = try FolioRunner(self)
    let root = laptop.directory.path
    _ = try git(["init", "--quiet", "--bare", "remote.git"], in: root)
    for name in ["laptop", "workstation"] {
      _ = try git(["clone", "--quiet", "remote.git", name], in: root)
    }
    let trees = [root + "/laptop", root + "/workstation"]
    let folios = [laptop, workstation]
    for folio in folios { try folio.run(["import", FolioRunner.sample]) }
    let all = try laptop.rows().map { $0[0] }
    var random = SplitMix64(seed: 2122)
    var starred = Set<String>()
    var tagged: [String: Set<String>] = [:]
    for round in 0..<10 {
      let side = round % 2
      let folio = folios[side]
      let ids = (0..<12).map { _ in all[Int(random.next() % UInt64(all.count))] }
      let star = random.next() % 3 != 0
      XCTAssertEqual(try folio.run([star ? "star" : "unstar"] + ids).status, 0)
      if star { starred.formUnion(ids) } else { starred.subtract(ids) }
      XCTAssertEqual(try folio.run(["tag", "r\(round)"] + ids.prefix(4)).status, 0)
      tagged["r\(round)"] = Set(ids.prefix(4))
      let process = Process()
      process.executableURL = FolioRunner.binary
      process.arguments = ["sync", "--dir", trees[side]]
      process.environment = folio.environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(random.next() % 250_000))
      // Every other round the git at work dies too, as when the machine goes down.
      let alsoGit = round % 4 >= 2 ? children(of: process.processIdentifier) : []
      kill(process.processIdentifier, SIGKILL)
      for child in alsoGit { kill(child, SIGKILL) }
      process.waitUntilExit()
    }
    // An orphaned git (its folio killed) may still be finishing: the next sync waits for
    // nothing and must cope either way.
    for side in [0, 1, 0] {
      let result = try folios[side].run(["sync", "--dir", trees[side]])
      XCTAssertEqual(result.status, 0, result.stderr)
    }
    for folio in folios {
      XCTAssertEqual(Set(try folio.rows(["--starred"]).map { $0[0] }), starred)
      for (tag, ids) in tagged {
        XCTAssertEqual(Set(try folio.rows(["--filter", "tag:\(tag)"]).map { $0[0] }), ids, tag)
      }
    }
    for (side, tree) in trees.enumerated() {
      XCTAssertEqual(
        try folios[side].run(["sync", "--dir", tree]).stdout,
        "sync: sent 0 changes, received 0 (0 applied, 0 waiting)\n")
      XCTAssertEqual(try git(["status", "--porcelain"], in: tree), "")
      for leftover in ["index.lock", "rebase-merge", "rebase-apply"] {
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree + "/.git/" + leftover))
      }
      // Every line whole.
      for name in try FileManager.default.contentsOfDirectory(atPath: tree)
      where name.hasSuffix(".jsonl") {
        let text = try String(contentsOfFile: tree + "/" + name, encoding: .utf8)
        XCTAssertTrue(text.isEmpty || text.hasSuffix("\n"), name)
      }
    }
    // Both work trees hold what the remote holds.
    XCTAssertEqual(
      try git(["rev-parse", "HEAD"], in: trees[0]), try git(["rev-parse", "HEAD"], in: trees[1]))
  }
}
