import FolioCore
import FolioReader
import FolioStore
import Foundation
import XCTest

@testable import FolioApp

/// Sync through a plain shared folder: libraries converge in every order, one file per
/// device, a partial or repeated append (a sync killed half way) does no harm, a bad line is
/// an error naming file and line while the other files are still read, and a dry run changes
/// nothing.
final class SyncFolderTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-sync-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  let papers = (1...6).map { index in
    Paper.fromSource(
      title: "Paper number \(index)", abstract: "About \(index).",
      arxivID: index == 6 ? nil : "2401.0000\(index)", day: Day("2026-11-27")!, source: "t")!
  }

  func library(_ papers: [Paper]? = nil) throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    try store.importPapers(file: "t", format: "text", source: "t") { session in
      for paper in papers ?? self.papers { try session.add(paper) }
    }
    return store
  }

  var sync: SyncFolder { SyncFolder(directory: folder.path) }

  struct Seen: Hashable {
    var starred: Bool, read: Bool, dismissed: Bool, note: String?, tags: Set<String>
  }

  func state(_ store: LibraryStore) throws -> [Seen] {
    try papers.map { paper in
      let state = try XCTUnwrap(try store.paper(id: paper.id)).state
      return Seen(
        starred: state.isStarred, read: state.isRead, dismissed: state.isDismissed,
        note: state.note, tags: Set(state.tags.map(TagName.key)))
    }
  }

  func testTwoLibrariesConvergeAndAQuietSyncSendsNothing() throws {
    let laptop = try library()
    let workstation = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    try laptop.setNote("check the proof", id: papers[5].id)
    try workstation.setTagged(true, name: TagName("survey")!, ids: [papers[1].id])
    let first = try sync.sync(laptop)
    XCTAssertEqual(first.summary, "sync: sent 2 changes, received 0 (0 applied, 0 waiting)")
    let second = try sync.sync(workstation)
    XCTAssertEqual(second.summary, "sync: sent 1 changes, received 2 (2 applied, 0 waiting)")
    let third = try sync.sync(laptop)
    XCTAssertEqual(third.summary, "sync: sent 0 changes, received 1 (1 applied, 0 waiting)")
    XCTAssertEqual(try state(laptop), try state(workstation))
    XCTAssertEqual(try state(laptop)[0].starred, true)
    XCTAssertEqual(try state(laptop)[5].note, "check the proof")
    XCTAssertEqual(try state(laptop)[1].tags, ["survey"])
    XCTAssertEqual(
      try sync.sync(workstation).summary,
      "sync: sent 0 changes, received 0 (0 applied, 0 waiting)")
    // One file per device, named by its id, written by it alone.
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    XCTAssertEqual(
      files, [try laptop.syncDevice() + ".jsonl", try workstation.syncDevice() + ".jsonl"].sorted())
  }

  /// The for-you signals travel too: "read full screen" and "opened" on the laptop become
  /// the workstation's, where its for-you model then learns from them; a repeat is not sent.
  func testTheForYouSignalsReachTheOtherLibrary() throws {
    let laptop = try library()
    let workstation = try library()
    let time = Date(timeIntervalSince1970: 1_790_000_000)
    try laptop.recordSignal(.viewed, ids: [papers[0].id], at: time)
    try laptop.recordSignal(.opened, ids: [papers[5].id], at: time)
    try laptop.recordSignal(.viewed, ids: [papers[0].id], at: time.addingTimeInterval(60))
    XCTAssertEqual(
      try sync.sync(laptop).summary, "sync: sent 2 changes, received 0 (0 applied, 0 waiting)")
    XCTAssertEqual(try workstation.forYouSignals(), [])
    XCTAssertEqual(
      try sync.sync(workstation).summary,
      "sync: sent 0 changes, received 2 (2 applied, 0 waiting)")
    let signals = try workstation.forYouSignals()
    XCTAssertEqual(
      Set(signals.map { PaperSignalKey(id: $0.id, signal: $0.signal) }),
      [
        PaperSignalKey(id: papers[0].id, signal: .viewed),
        PaperSignalKey(id: papers[5].id, signal: .opened),
      ])
    XCTAssertEqual(Set(signals.map(\.at)), [time], "dated by the change's clock")
    XCTAssertEqual(
      try sync.sync(laptop).summary, "sync: sent 0 changes, received 0 (0 applied, 0 waiting)")
  }

  struct PaperSignalKey: Hashable {
    var id: String
    var signal: ForYouSignal
  }

  func testThreeLibrariesConvergeWhateverTheOrderOfTheirSyncs() throws {
    var generator = SplitMix64(seed: 21)
    for _ in 0..<4 {
      try? FileManager.default.removeItem(at: folder)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let stores = try (0..<3).map { _ in try library() }
      for _ in 0..<40 {
        let store = stores.randomElement(using: &generator)!
        let id = papers.randomElement(using: &generator)!.id
        let on = Bool.random(using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: try store.setStarred(on, ids: [id])
        case 1: try store.setRead(on, ids: [id])
        case 2: try store.setNote(on ? "n\(Int.random(in: 0..<3, using: &generator))" : nil, id: id)
        case 3:
          try store.setTagged(
            on, name: TagName("t\(Int.random(in: 0..<2, using: &generator))")!, ids: [id])
        default: _ = try sync.sync(store)
        }
      }
      // Two rounds reach everyone: the first writes every log, the second reads them all.
      for _ in 0..<2 { for store in stores { _ = try sync.sync(store) } }
      XCTAssertEqual(try state(stores[0]), try state(stores[1]))
      XCTAssertEqual(try state(stores[1]), try state(stores[2]))
    }
  }

  func testADeviceOfflineForManyChangesCatchesUpInChunks() throws {
    let laptop = try library()
    let workstation = try library()
    var small = sync
    small.chunkBytes = 700
    small.outboxBatch = 7
    for round in 0..<30 {
      try laptop.setStarred(round % 2 == 0, ids: papers.map(\.id))
    }
    let sent = try small.sync(laptop)
    XCTAssertEqual(sent.sent, 180)
    let received = try small.sync(workstation)
    XCTAssertEqual(received.received, 180)
    XCTAssertEqual(received.applied, 180)
    XCTAssertEqual(try state(workstation), try state(laptop))
    XCTAssertEqual(try state(workstation)[0].starred, false)
  }

  func testAnAppendCutShortOrRepeatedDoesNoHarm() throws {
    let laptop = try library()
    let workstation = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    _ = try sync.sync(laptop)
    let path = sync.logPath(device: try laptop.syncDevice())
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    // Killed after appending but before the library kept that: the lines come again.
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: written)
    // Killed half way through a line.
    try handle.write(contentsOf: written.prefix(25))
    try handle.close()
    let first = try sync.sync(workstation)
    XCTAssertEqual(first.received, 2)
    XCTAssertEqual(first.applied, 1)
    XCTAssertEqual(try state(workstation)[0].starred, true)
    // The laptop's next append first cuts the partial line off.
    try laptop.setRead(true, ids: [papers[1].id])
    _ = try sync.sync(laptop)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertTrue(text.hasSuffix("\n"))
    XCTAssertEqual(text.split(separator: "\n").count, 3)
    XCTAssertEqual(try sync.sync(workstation).applied, 1)
    XCTAssertEqual(try state(workstation), try state(laptop))
  }

  func testABadLineNamesFileAndLineAndTheOtherLogsAreStillRead() throws {
    let laptop = try library()
    let workstation = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    _ = try sync.sync(laptop)
    let bad = folder.appendingPathComponent("00000000000000aa.jsonl").path
    let good =
      #"{"v":1,"wall":5,"counter":0,"device":"00000000000000aa","arxiv":"2401.00002","title_key":"x","field":"read","value":true}"#
    try (good + "\n" + #"{"v":1,"field":"rating"}"# + "\n").write(
      toFile: bad, atomically: true, encoding: .utf8)
    // Files that are not device logs are left alone; a FIFO cannot hang the sync.
    try "notes".write(
      to: folder.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
    XCTAssertEqual(mkfifo(folder.appendingPathComponent("00000000000000bb.jsonl").path, 0o600), 0)
    let report = try sync.sync(workstation)
    XCTAssertEqual(
      report.problems.map(\.description).sorted(),
      [
        bad + ":2: missing 'wall'",
        folder.appendingPathComponent("00000000000000bb.jsonl").path + ": not a regular file",
      ].sorted())
    XCTAssertEqual(report.applied, 1, "the laptop's star")
    XCTAssertEqual(try state(workstation)[0].starred, true)
    XCTAssertEqual(try state(workstation)[1].read, false, "a bad chunk is not applied")
    // Mended, the file is read from where it stopped.
    try (good + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
    try? FileManager.default.removeItem(at: folder.appendingPathComponent("00000000000000bb.jsonl"))
    let again = try sync.sync(workstation)
    XCTAssertEqual(again.problems, [])
    XCTAssertEqual(try state(workstation)[1].read, true)
  }

  func testAPaperImportedOnOneSideOnlyWaitsForTheOther() throws {
    let laptop = try library()
    let workstation = try library(Array(papers.prefix(3)))
    try laptop.setStarred(true, ids: [papers[4].id])
    try laptop.setNote("title only", id: papers[5].id)
    _ = try sync.sync(laptop)
    XCTAssertEqual(
      try sync.sync(workstation).summary,
      "sync: sent 0 changes, received 2 (0 applied, 2 waiting)")
    try workstation.importPapers(file: "t", format: "text", source: "t") { session in
      for paper in papers.suffix(3) { try session.add(paper) }
    }
    XCTAssertEqual(try state(workstation), try state(laptop))
  }

  func testADryRunChangesNothing() throws {
    let laptop = try library()
    let workstation = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    _ = try sync.sync(laptop)
    try workstation.setRead(true, ids: [papers[1].id])
    let dry = try sync.sync(workstation, dryRun: true)
    XCTAssertEqual(dry.sent, 1)
    XCTAssertEqual(dry.received, 1)
    XCTAssertEqual(dry.applied, 1)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: sync.logPath(device: try workstation.syncDevice())))
    XCTAssertEqual(try state(workstation)[0].starred, false)
    XCTAssertEqual(try workstation.unwrittenSyncChanges().lines.count, 1)
    XCTAssertNil(try workstation.syncPeerPosition(device: try laptop.syncDevice()))
    XCTAssertEqual(try sync.sync(workstation).applied, 1)
  }

  func testALogIsCompactedToItsLiveChangesAndEveryReaderStillConverges() throws {
    let laptop = try library()
    let workstation = try library()
    var small = sync
    small.compactBytes = 4_000
    for round in 0..<6 {
      try laptop.setStarred(round % 2 == 0, ids: papers.map(\.id))
      try laptop.setTagged(round % 2 == 1, name: TagName("t")!, ids: [papers[0].id])
      // The workstation reads the log part of the way, as it grows.
      if round == 2 {
        XCTAssertEqual(try small.sync(laptop).sent, 21)
        _ = try small.sync(workstation)
      }
    }
    try workstation.setNote("mine", id: papers[1].id)
    _ = try small.sync(laptop)
    let device = try laptop.syncDevice()
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    XCTAssertFalse(files.contains(device + ".jsonl"), "the old generation is removed")
    let compacted = try String(
      contentsOfFile: small.logPath(device: device, generation: 1), encoding: .utf8)
    // Six stars and one tag are live.
    XCTAssertEqual(compacted.split(separator: "\n").count, 7)
    // A reader that had read part of the old log, and one that never read anything.
    _ = try small.sync(workstation)
    _ = try small.sync(laptop)
    let fresh = try library()
    _ = try small.sync(fresh)
    XCTAssertEqual(try state(workstation), try state(laptop))
    XCTAssertEqual(try state(fresh), try state(laptop))
    XCTAssertEqual(try state(laptop)[0].tags, ["t"])
    XCTAssertEqual(try state(laptop)[1].note, "mine")
    // New changes go to the new generation.
    try laptop.setRead(true, ids: [papers[2].id])
    _ = try small.sync(laptop)
    _ = try small.sync(workstation)
    XCTAssertEqual(try state(workstation)[2].read, true)
    XCTAssertEqual(
      SyncFolder.parseLogName("\(device).12.jsonl").map { "\($0.device) \($0.generation)" },
      "\(device) 12")
    for name in [
      "\(device).0.jsonl", "\(device).01.jsonl", "\(device).x.jsonl", "\(device).1.2.jsonl",
    ] {
      XCTAssertNil(SyncFolder.parseLogName(name), name)
    }
  }

  func testAMissingFolderIsAnError() throws {
    let store = try library()
    XCTAssertThrowsError(try SyncFolder(directory: folder.path + "/nope").sync(store)) { error in
      XCTAssertEqual((error as? SyncFolderError)?.exitCode, 66)
    }
  }
}

/// The reader's background sync: its outcome as a reader event.
final class BackgroundSyncTests: XCTestCase {
  func testTheOutcomeIsAnEvent() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-bgsync-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let paper = Paper.fromSource(
      title: "A paper", abstract: "About it.", arxivID: "2401.00001", day: Day("2026-11-27")!,
      source: "t")!
    let stores = try (0..<2).map { _ in
      let store = try LibraryStore.inMemory()
      try store.importPapers(file: "t", format: "text", source: "t") { try $0.add(paper) }
      return store
    }
    try stores[0].setStarred(true, ids: [paper.id])
    XCTAssertEqual(
      BackgroundSync.run(store: stores[0], directory: folder.path),
      .syncFinished(.success("sync: sent 1 changes, received 0 (0 applied, 0 waiting)")))
    XCTAssertEqual(
      BackgroundSync.run(store: stores[1], directory: folder.path),
      .syncFinished(.success("sync: sent 0 changes, received 1 (1 applied, 0 waiting)")))
    XCTAssertEqual(
      BackgroundSync.run(store: stores[1], directory: folder.path), .syncFinished(.success("")))
    XCTAssertEqual(
      BackgroundSync.run(store: stores[1], directory: folder.path + "/nope"),
      .syncFinished(.failure(FetchFailure("the sync folder \(folder.path)/nope does not exist"))))
    XCTAssertEqual(BackgroundSync.directory("~/s", home: "/h"), "/h/s")
  }
}
