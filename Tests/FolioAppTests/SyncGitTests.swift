import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioApp

/// Sync through a git remote (a bare repository in a temporary directory): libraries
/// converge, history stays linear (each device's commits touch only its own file), a push
/// another device beat is pulled and tried again, and an unreachable remote is exit 69 with
/// nothing lost.
final class SyncGitTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-sync-git-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try git(["init", "--quiet", "--bare", "remote.git"], in: root.path)
    for name in ["laptop", "workstation"] {
      try git(["clone", "--quiet", "remote.git", name], in: root.path)
    }
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  @discardableResult
  func git(
    _ arguments: [String], in directory: String, environment: [String: String] = [:]
  ) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = ["-C", directory] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw SyncFolderError("git \(arguments) failed", exitCode: 1)
    }
    return String(decoding: data, as: UTF8.self)
  }

  let papers = (1...3).map { index in
    Paper.fromSource(
      title: "Paper number \(index)", abstract: "About \(index).", arxivID: "2401.0000\(index)",
      day: Day("2026-11-27")!, source: "t")!
  }

  func library() throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    try store.importPapers(file: "t", format: "text", source: "t") { session in
      for paper in papers { try session.add(paper) }
    }
    return store
  }

  func folder(_ name: String) -> SyncFolder { SyncFolder(directory: root.path + "/" + name) }

  func starred(_ store: LibraryStore) throws -> [Bool] {
    try papers.map { try XCTUnwrap(try store.paper(id: $0.id)).state.isStarred }
  }

  func testTwoLibrariesConvergeThroughABareRemote() throws {
    let laptop = try library()
    let workstation = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    try workstation.setStarred(true, ids: [papers[1].id])
    XCTAssertEqual(try folder("laptop").sync(laptop).sent, 1)
    let second = try folder("workstation").sync(workstation)
    XCTAssertEqual(second.summary, "sync: sent 1 changes, received 1 (1 applied, 0 waiting)")
    XCTAssertEqual(try folder("laptop").sync(laptop).applied, 1)
    XCTAssertEqual(try starred(laptop), [true, true, false])
    XCTAssertEqual(try starred(workstation), [true, true, false])
    // Linear history, one commit per sync that sent something, nothing left uncommitted.
    let log = try git(["log", "--format=%P %s", "--all"], in: root.path + "/remote.git")
      .split(separator: "\n")
    XCTAssertEqual(log.count, 2)
    XCTAssertFalse(log.contains { $0.split(separator: " ").count > 4 }, "\(log)")
    XCTAssertEqual(try git(["status", "--porcelain"], in: root.path + "/laptop"), "")
  }

  func testARejectedPushIsPulledAndTriedAgain() throws {
    let laptop = try library()
    let workstation = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    _ = try folder("laptop").sync(laptop)
    _ = try folder("workstation").sync(workstation)
    // The laptop commits and pulls; the workstation pushes in between; the laptop's push is
    // rejected, pulled and sent.
    try laptop.setStarred(true, ids: [papers[2].id])
    let laptopFolder = folder("laptop")
    _ = try laptopFolder.writeOut(laptop, device: try laptop.syncDevice())
    let laptopGit = try XCTUnwrap(try SyncGit.open(root.path + "/laptop"))
    try laptopGit.commit(device: try laptop.syncDevice())
    try laptopGit.pull()
    try workstation.setStarred(true, ids: [papers[1].id])
    _ = try folder("workstation").sync(workstation)
    try laptopGit.push()
    XCTAssertEqual(
      try git(["rev-parse", "HEAD"], in: root.path + "/laptop"),
      try git(["rev-parse", "HEAD"], in: root.path + "/remote.git"), "pushed after the rejection")
    _ = try folder("workstation").sync(workstation)
    _ = try folder("laptop").sync(laptop)
    XCTAssertEqual(try starred(laptop), [true, true, true])
    XCTAssertEqual(try starred(workstation), [true, true, true])
  }

  func testACompactedLogIsCommittedAndPulled() throws {
    let laptop = try library()
    let workstation = try library()
    var small = folder("laptop")
    small.compactBytes = 2_000
    for round in 0..<8 {
      try laptop.setStarred(round % 2 == 0, ids: papers.map(\.id))
      _ = try small.sync(laptop)
    }
    XCTAssertEqual(try git(["status", "--porcelain"], in: root.path + "/laptop"), "")
    let tracked = try git(["ls-files"], in: root.path + "/laptop")
    XCTAssertFalse(tracked.contains(try laptop.syncDevice() + ".jsonl\n"), tracked)
    _ = try folder("workstation").sync(workstation)
    XCTAssertEqual(try starred(workstation), try starred(laptop))
    XCTAssertEqual(try starred(laptop), [false, false, false])
  }

  func testAnUnreachableRemoteIsExit69AndLosesNothing() throws {
    let laptop = try library()
    let workstation = try library()
    try FileManager.default.moveItem(
      atPath: root.path + "/remote.git", toPath: root.path + "/away.git")
    try laptop.setStarred(true, ids: [papers[0].id])
    XCTAssertThrowsError(try folder("laptop").sync(laptop)) { error in
      let failure = error as? SyncFolderError
      XCTAssertEqual(failure?.exitCode, 69)
      XCTAssertTrue(
        failure?.message.hasPrefix("cannot reach the git remote origin: ") ?? false,
        failure?.message ?? "\(error)")
      XCTAssertFalse(failure?.message.contains("\n") ?? true)
    }
    try FileManager.default.moveItem(
      atPath: root.path + "/away.git", toPath: root.path + "/remote.git")
    // Written and committed already: the next sync pushes it.
    XCTAssertEqual(try folder("laptop").sync(laptop).sent, 0)
    XCTAssertEqual(try folder("workstation").sync(workstation).applied, 1)
    XCTAssertEqual(try starred(workstation), [true, false, false])
  }

  /// What a sync killed with its git (a machine that went down) leaves: a rebase stopped
  /// half way (HEAD detached) and git's lock files. The next sync undoes them, with no git at
  /// work there, and loses nothing: the change appended meanwhile goes out too.
  func testASyncRecoversFromARebaseAndLocksLeftByAKill() throws {
    let laptop = try library()
    let workstation = try library()
    let tree = root.path + "/laptop"
    for paper in papers.prefix(2) {
      try laptop.setStarred(true, ids: [paper.id])
      _ = try folder("laptop").sync(laptop)
    }
    try git(
      ["rebase", "--quiet", "-i", "HEAD~1"], in: tree,
      environment: ["GIT_SEQUENCE_EDITOR": "sed -i -e s/^pick/edit/"])
    XCTAssertTrue(FileManager.default.fileExists(atPath: tree + "/.git/rebase-merge"))
    for lock in ["index.lock", "HEAD.lock", "refs/heads/master.lock", "refs/heads/main.lock"] {
      XCTAssertTrue(FileManager.default.createFile(atPath: tree + "/.git/" + lock, contents: nil))
    }
    try laptop.setStarred(true, ids: [papers[2].id])
    let recovered = try folder("laptop").sync(laptop)
    XCTAssertEqual(recovered.sent, 1)
    XCTAssertEqual(try git(["status", "--porcelain"], in: tree), "")
    for leftover in ["rebase-merge", "index.lock", "HEAD.lock", "refs/heads/main.lock"] {
      XCTAssertFalse(FileManager.default.fileExists(atPath: tree + "/.git/" + leftover), leftover)
    }
    XCTAssertEqual(try folder("workstation").sync(workstation).applied, 3)
    XCTAssertEqual(try starred(workstation), [true, true, true])
  }

  /// Only /proc says whether git is at work; this process is not git.
  func testGitAtWorkSeesNoGitInAnIdleTree() throws {
    guard FileManager.default.fileExists(atPath: "/proc/self") else { throw XCTSkip("no /proc") }
    XCTAssertEqual(SyncGit.gitAtWork(in: root.path + "/laptop"), false)
  }

  /// A dry run through git shows what the remote's branch would bring (fetched), leaving the
  /// work tree, its branch and the library as they were.
  func testADryRunShowsWhatTheRemoteWouldBring() throws {
    let laptop = try library()
    let workstation = try library()
    _ = try folder("workstation").sync(workstation)
    try laptop.setStarred(true, ids: [papers[0].id])
    try laptop.setTagged(true, name: TagName("llm")!, ids: [papers[1].id])
    _ = try folder("laptop").sync(laptop)
    let tree = root.path + "/workstation"
    let head = try? git(["rev-parse", "HEAD"], in: tree)
    let dry = try folder("workstation").sync(workstation, dryRun: true)
    XCTAssertEqual(dry.received, 2)
    XCTAssertEqual(dry.changes.map(\.id), [papers[0].id, papers[1].id])
    XCTAssertEqual(dry.changes.map(\.edit), [.starred(true), .tag(TagName("llm")!, true)])
    XCTAssertEqual(try? git(["rev-parse", "HEAD"], in: tree), head)
    XCTAssertEqual(try git(["status", "--porcelain"], in: tree), "")
    XCTAssertEqual(try starred(workstation), [false, false, false])
    XCTAssertEqual(try folder("workstation").sync(workstation).applied, 2)
    XCTAssertEqual(try starred(workstation), [true, false, false])
  }

  /// Three libraries, three clones of one bare remote: random changes (the same fields
  /// edited on several machines before they sync) and syncs in random order; two rounds of
  /// syncs after, every library holds the same state, and history stays linear.
  func testThreeLibrariesConvergeThroughABareRemote() throws {
    try git(["clone", "--quiet", "remote.git", "server"], in: root.path)
    let names = ["laptop", "workstation", "server"]
    let stores = try names.map { _ in try library() }
    var generator = SplitMix64(seed: 2123)
    for _ in 0..<30 {
      let index = Int.random(in: 0..<3, using: &generator)
      let id = papers.randomElement(using: &generator)!.id
      let on = Bool.random(using: &generator)
      switch Int.random(in: 0..<5, using: &generator) {
      case 0: try stores[index].setStarred(on, ids: [id])
      case 1: try stores[index].setDismissed(on, ids: [id])
      case 2: try stores[index].setNote(on ? "note \(index)" : nil, id: id)
      case 3: try stores[index].setTagged(on, name: TagName("t\(index % 2)")!, ids: [id])
      default: _ = try folder(names[index]).sync(stores[index])
      }
    }
    for _ in 0..<2 {
      for (name, store) in zip(names, stores) { _ = try folder(name).sync(store) }
    }
    let states = try stores.map { store in
      try papers.map { paper in
        // The values, not the times: a star keeps the time it was set where it was set.
        let state = try XCTUnwrap(try store.paper(id: paper.id)).state
        return "\(state.isStarred) \(state.isRead) \(state.isDismissed) \(state.note ?? "-") "
          + state.tags.sorted().joined(separator: ",")
      }
    }
    XCTAssertEqual(states[0], states[1])
    XCTAssertEqual(states[1], states[2])
    let merges = try git(["log", "--merges", "--oneline", "--all"], in: root.path + "/remote.git")
    XCTAssertEqual(merges, "")
  }
}
