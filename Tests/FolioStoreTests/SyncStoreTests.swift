import FolioCore
import Foundation
import GRDB
import XCTest

@testable import FolioStore

/// Sync in the store: every state change is recorded with a fresh clock in its own
/// transaction; other devices' changes apply by last-writer-wins, idempotently, without being
/// recorded again; changes for unknown papers wait for the import that brings them.
final class SyncStoreTests: XCTestCase {
  let papers = [
    makePaper("Attention Is All You Need", arxivID: "1706.03762"),
    makePaper("Deep Residual Learning", arxivID: "1512.03385"),
    makePaper("A Paper Without An Identifier"),
  ]

  func library(_ papers: [Paper]? = nil) throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    try store.add(papers ?? self.papers)
    return store
  }

  /// The changes `from` has not written out yet, read back as another device reads its file.
  func outbox(_ from: LibraryStore) throws -> [SyncChange] {
    let box = try from.unwrittenSyncChanges()
    try from.markSyncChangesWritten(through: box.through)
    return try SyncLogCodec.decode(Array(box.lines.joined().utf8), file: "log").changes
  }

  func lastChange(_ store: LibraryStore) throws -> SyncChange? {
    let line = try store.read { db in
      try String.fetchOne(db, sql: "SELECT line FROM sync_log ORDER BY seq DESC LIMIT 1")
    }
    return try line.flatMap { try SyncLogCodec.decode(Array($0.utf8), file: "log").changes.first }
  }

  func testEveryPublicStateChangeIsRecorded() throws {
    let store = try library()
    let id = papers[0].id
    let key = SyncPaperKey(arxivID: "1706.03762", titleKey: papers[0].titleKey)
    let row = try XCTUnwrap(try store.row(ofPaper: id))
    let time = Date(timeIntervalSince1970: 1_790_000_000)
    let all = PaperFilter.all
    // Every public API that changes reading state, with the last change it records.
    let cases: [(String, () throws -> Void, SyncEdit, Int)] = [
      ("setStarred on", { try store.setStarred(true, ids: [id]) }, .starred(true), 1),
      ("setStarred off", { try store.setStarred(false, ids: [id]) }, .starred(false), 1),
      ("setRead on", { try store.setRead(true, ids: [id]) }, .read(true), 1),
      ("setRead off", { try store.setRead(false, ids: [id]) }, .read(false), 1),
      ("setDismissed on", { try store.setDismissed(true, ids: [id]) }, .dismissed(true), 1),
      ("setDismissed off", { try store.setDismissed(false, ids: [id]) }, .dismissed(false), 1),
      ("setNote(id)", { try store.setNote("hello", id: id) }, .note("hello"), 1),
      ("setNote(id) nil", { try store.setNote(nil, id: id) }, .note(nil), 1),
      ("setNote(row)", { _ = try store.setNote("again", row: row) }, .note("again"), 1),
      (
        "setTagged on", { try store.setTagged(true, name: TagName("LLM")!, ids: [id]) },
        .tag(TagName("LLM")!, true), 1
      ),
      (
        "setTagged off", { try store.setTagged(false, name: TagName("llm")!, ids: [id]) },
        .tag(TagName("llm")!, false), 1
      ),
      ("markAllRead", { _ = try store.markAllRead(all, at: time) }, .read(true), 3),
      ("unmarkRead", { _ = try store.unmarkRead(at: time) }, .read(false), 3),
      (
        "recordSignal viewed", { try store.recordSignal(.viewed, ids: [id], at: time) },
        .viewed(true), 1
      ),
      (
        "recordSignal opened", { try store.recordSignal(.opened, ids: [id], at: time) },
        .opened(true), 1
      ),
    ]
    for (name, change, edit, count) in cases {
      let before = try store.syncChangeCount()
      let clockBefore = try store.syncClock()
      try change()
      XCTAssertEqual(try store.syncChangeCount(), before + count, name)
      let last = try XCTUnwrap(try lastChange(store), name)
      XCTAssertEqual(last.edit, edit, name)
      XCTAssertGreaterThan(last.clock, clockBefore, name)
      XCTAssertEqual(try store.syncClock(), last.clock, name)
      if count == 1 { XCTAssertEqual(last.paper, key, name) }
    }
    // A for-you signal is recorded when it is first set only: a repeat changes nothing.
    let before = try store.syncChangeCount()
    try store.recordSignal(.viewed, ids: [id, id], at: time.addingTimeInterval(60))
    try store.recordSignal(.opened, ids: [id], at: time.addingTimeInterval(60))
    XCTAssertEqual(try store.syncChangeCount(), before)
    // Both set at once for a fresh paper: one change, not two.
    try store.recordSignal(.viewed, ids: [papers[1].id, papers[1].id], at: time)
    XCTAssertEqual(try store.syncChangeCount(), before + 1)
  }

  /// Another device's "read full screen" and "opened" set the columns here, keep an earlier
  /// time set here, take an earlier time from there, touch no other field, are not recorded
  /// as this device's changes, and change nothing the second time.
  func testTheForYouSignalsApplyFromAnotherDevice() throws {
    let laptop = try library()
    let here = try library()
    let early = Date(timeIntervalSince1970: 1_790_000_000)
    let late = early.addingTimeInterval(3600)
    try here.recordSignal(.viewed, ids: [papers[0].id], at: early)
    _ = try outbox(here)
    try laptop.recordSignal(.viewed, ids: [papers[0].id, papers[1].id], at: late)
    try laptop.recordSignal(.opened, ids: [papers[2].id], at: early)
    let changes = try outbox(laptop)
    XCTAssertEqual(changes.map(\.edit), [.viewed(true), .viewed(true), .opened(true)])
    XCTAssertEqual(try here.applySyncChanges(changes).applied, 3)
    func times(_ id: String) throws -> (viewed: Date?, opened: Date?) {
      try here.read { db in
        let row = try XCTUnwrap(
          try Row.fetchOne(
            db,
            sql: """
              SELECT s.viewed_at, s.opened_at, s.starred_at, s.read_at, s.dismissed_at, s.note
              FROM paper_state s JOIN paper p ON p.seq = s.paper_seq WHERE p.id = ?
              """, arguments: [id]))
        for column in ["starred_at", "read_at", "dismissed_at", "note"] {
          XCTAssertEqual(row[column] as DatabaseValue, .null, column)
        }
        return (row["viewed_at"], row["opened_at"])
      }
    }
    XCTAssertEqual(try times(papers[0].id).viewed, early, "the earlier time here stays")
    XCTAssertNil(try times(papers[0].id).opened)
    let wall = Date(timeIntervalSince1970: Double(changes[1].clock.wall) / 1000)
    XCTAssertEqual(try times(papers[1].id).viewed, wall, "dated by the change's clock")
    let titleOnly = try XCTUnwrap(try here.resolve([papers[2].id]).first)
    XCTAssertNotNil(try times(titleOnly).opened)
    XCTAssertEqual(try here.unwrittenSyncChanges().lines, [])
    XCTAssertEqual(
      try here.applySyncChanges(changes), SyncApplyResult(applied: 0, waiting: 0, superseded: 3))
    // The export carries them (folio state export), and an import elsewhere takes them.
    let snapshot = try here.syncSnapshot()
    XCTAssertEqual(snapshot.filter { $0.edit == .viewed(true) }.count, 2)
    XCTAssertEqual(snapshot.filter { $0.edit == .opened(true) }.count, 1)
    let text = SyncStateDocument.encode(snapshot, device: try here.syncDevice())
    let third = try library()
    let imported = try SyncStateDocument.decode(Array(text.utf8), file: "state.json")
    XCTAssertEqual(try third.applySyncChanges(imported).applied, snapshot.count)
    XCTAssertEqual(try third.syncSnapshot().map(\.edit), snapshot.map(\.edit))
  }

  func testADryRunNamesTheForYouSignals() throws {
    let laptop = try library()
    let here = try library()
    try laptop.recordSignal(.viewed, ids: [papers[0].id], at: Date())
    try laptop.recordSignal(.opened, ids: [papers[1].id], at: Date())
    let changes = try outbox(laptop)
    let preview = try here.previewSync(listing: 10) { session in try session.apply(changes) }
    XCTAssertEqual(Set(preview.items.map(\.edit)), [.viewed(true), .opened(true)])
    XCTAssertEqual(preview.changed, 2)
    XCTAssertEqual(try here.syncSnapshot(), [], "a dry run changes nothing")
  }

  /// Every statement in FolioStore that writes `paper_state` or `paper_tag` sits in a function
  /// the test above covers (or in sync's own writer, or the schema): a new one fails here
  /// until it records its change and is added.
  func testNoOtherCodeWritesReadingState() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/FolioStore")
    let pattern = try NSRegularExpression(
      pattern: #"(INSERT (OR \w+ )?INTO|UPDATE|DELETE FROM) (paper_state|paper_tag)\b"#)
    var found: Set<String> = []
    for file in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
    where file.hasSuffix(".swift") {
      let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        .components(separatedBy: "\n")
      var function = "(top)"
      for line in lines {
        if let range = line.range(of: #"func \w+"#, options: .regularExpression) {
          function = String(line[range].dropFirst(5))
        }
        let whole = NSRange(line.startIndex..., in: line)
        if pattern.firstMatch(in: line, range: whole) != nil { found.insert("\(file) \(function)") }
      }
    }
    XCTAssertEqual(
      found,
      [
        "LibraryStore+Listing.swift markAllRead",
        "LibraryStore+Listing.swift unmarkRead",
        "LibraryStore+Rows.swift setNote",
        "LibraryStore+State.swift setTimestamp",
        "LibraryStore+Tags.swift setTagged",
        "Schema.swift (top)",
        "SyncStateWriter.swift setSignal",
        "SyncStateWriter.swift setTimestamp",
        "SyncStateWriter.swift setNote",
        "SyncStateWriter.swift setTag",
      ])
  }

  func testTwoLibrariesConvergeAndApplyingTwiceChangesNothing() throws {
    let laptop = try library()
    let workstation = try library()
    XCTAssertNotEqual(try laptop.syncDevice(), try workstation.syncDevice())
    try laptop.setStarred(true, ids: [papers[0].id])
    try laptop.setNote("read the appendix", id: papers[2].id)
    try laptop.setTagged(true, name: TagName("Survey")!, ids: [papers[1].id])
    try workstation.setRead(true, ids: [papers[1].id])
    let fromLaptop = try outbox(laptop)
    let fromWorkstation = try outbox(workstation)
    XCTAssertEqual(fromLaptop.count, 3)
    let result = try workstation.applySyncChanges(fromLaptop)
    XCTAssertEqual(result, SyncApplyResult(applied: 3, waiting: 0, superseded: 0))
    XCTAssertEqual(try laptop.applySyncChanges(fromWorkstation).applied, 1)
    for store in [laptop, workstation] {
      XCTAssertEqual(try store.paper(id: papers[0].id)?.state.isStarred, true)
      XCTAssertEqual(try store.paper(id: papers[1].id)?.state.isRead, true)
      XCTAssertEqual(try store.paper(id: papers[1].id)?.state.tags, ["Survey"])
      XCTAssertEqual(try store.paper(id: papers[2].id)?.state.note, "read the appendix")
    }
    // Remote changes are not recorded as this device's, and a second apply changes nothing.
    XCTAssertEqual(try workstation.unwrittenSyncChanges().lines, [])
    XCTAssertEqual(
      try workstation.applySyncChanges(fromLaptop),
      SyncApplyResult(applied: 0, waiting: 0, superseded: 3))
    XCTAssertEqual(try workstation.unwrittenSyncChanges().lines, [])
    // The clock moved past what it saw: the workstation's next change is later.
    try workstation.setStarred(false, ids: [papers[0].id])
    let unstar = try XCTUnwrap(try lastChange(workstation))
    XCTAssertTrue(fromLaptop.allSatisfy { $0.clock < unstar.clock })
    XCTAssertEqual(try laptop.applySyncChanges(try outbox(workstation)).applied, 1)
    XCTAssertEqual(try laptop.paper(id: papers[0].id)?.state.isStarred, false)
  }

  /// This library's clock is an hour behind the laptop's: the laptop's star is stamped an
  /// hour "later" than anything here, yet unstarring it here after seeing it wins everywhere.
  func testAClockAnHourBehindStillHasTheLastWord() throws {
    let laptop = try library()
    let here = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    let star = try XCTUnwrap(try lastChange(laptop))
    let ahead = SyncChange(
      clock: HybridClock(
        wall: star.clock.wall + 3_600_000, counter: star.clock.counter, device: star.clock.device),
      paper: star.paper, edit: star.edit)
    XCTAssertEqual(try here.applySyncChanges([ahead]).applied, 1)
    XCTAssertEqual(try here.paper(id: papers[0].id)?.state.isStarred, true)
    try here.setStarred(false, ids: [papers[0].id])
    let unstar = try XCTUnwrap(try lastChange(here))
    XCTAssertGreaterThan(unstar.clock, ahead.clock)
    try laptop.applySyncChanges([ahead])
    XCTAssertEqual(try laptop.applySyncChanges(try outbox(here)).applied, 1)
    XCTAssertEqual(try laptop.paper(id: papers[0].id)?.state.isStarred, false)
    XCTAssertEqual(try here.paper(id: papers[0].id)?.state.isStarred, false)
  }

  func testAnOlderChangeLosesToTheFieldsWinner() throws {
    let store = try library()
    try store.setStarred(true, ids: [papers[0].id])
    let local = try XCTUnwrap(try lastChange(store))
    let paper = local.paper
    let older = SyncChange(
      clock: HybridClock(wall: local.clock.wall - 1, counter: 0, device: "ffffffffffffffff"),
      paper: paper, edit: .starred(false))
    XCTAssertEqual(try store.applySyncChanges([older]).superseded, 1)
    XCTAssertEqual(try store.paper(id: papers[0].id)?.state.isStarred, true)
    // A tie on wall and counter goes to the larger device id.
    let tie = SyncChange(
      clock: HybridClock(
        wall: local.clock.wall, counter: local.clock.counter, device: "ffffffffffffffff"),
      paper: paper, edit: .starred(false))
    XCTAssertEqual(try store.applySyncChanges([tie]).applied, 1)
    XCTAssertEqual(try store.paper(id: papers[0].id)?.state.isStarred, false)
  }

  func testAChangeForAnUnknownPaperWaitsForItsImport() throws {
    let laptop = try library()
    let workstation = try library([papers[1]])
    try laptop.setStarred(true, ids: [papers[0].id])
    try laptop.setTagged(true, name: TagName("later")!, ids: [papers[2].id])
    let changes = try outbox(laptop)
    XCTAssertEqual(
      try workstation.applySyncChanges(changes), SyncApplyResult(applied: 0, waiting: 2))
    // Taking them in again does not make them wait twice.
    XCTAssertEqual(try workstation.applySyncChanges(changes).waiting, 2)
    XCTAssertEqual(try workstation.waitingSyncChangeCount(), 2)
    try workstation.add([papers[0]])
    XCTAssertEqual(try workstation.paper(id: papers[0].id)?.state.isStarred, true)
    XCTAssertEqual(try workstation.waitingSyncChangeCount(), 1)
    // The title-only paper is matched by its title key.
    try workstation.add([makePaper("A paper without an identifier.")])
    XCTAssertEqual(try workstation.waitingSyncChangeCount(), 0)
    let titleOnly = try XCTUnwrap(try workstation.resolve([papers[2].id]).first)
    XCTAssertEqual(try workstation.paper(id: titleOnly)?.state.tags, ["later"])
    XCTAssertEqual(try workstation.unwrittenSyncChanges().lines, [])
  }

  func testATitleOnlyChangeMatchesAnUpgradedPaperButNotAnotherArxivID() throws {
    let store = try library([makePaper("Shared Title", arxivID: "2401.00001")])
    let device = "ffffffffffffffff"
    let titleOnly = SyncChange(
      clock: HybridClock(wall: 10, counter: 0, device: device),
      paper: SyncPaperKey(arxivID: nil, titleKey: PaperIdentity.titleKey("Shared Title")),
      edit: .read(true))
    XCTAssertEqual(try store.applySyncChanges([titleOnly]).applied, 1)
    let otherID = SyncChange(
      clock: HybridClock(wall: 11, counter: 0, device: device),
      paper: SyncPaperKey(arxivID: "2401.99999", titleKey: PaperIdentity.titleKey("Shared Title")),
      edit: .starred(true))
    XCTAssertEqual(try store.applySyncChanges([otherID]).waiting, 1)
    XCTAssertEqual(try store.paper(id: "2401.00001")?.state.isRead, true)
    XCTAssertEqual(try store.paper(id: "2401.00001")?.state.isStarred, false)
  }

  func testThePeerPositionIsKeptWithTheChanges() throws {
    let laptop = try library()
    let workstation = try library()
    try laptop.setStarred(true, ids: [papers[0].id])
    let device = try laptop.syncDevice()
    XCTAssertNil(try workstation.syncPeerPosition(device: device))
    let position = SyncPeerPosition(device: device, file: "gen-1", offset: 180, line: 1)
    try workstation.applySyncChanges(try outbox(laptop), advancing: position)
    XCTAssertEqual(try workstation.syncPeerPosition(device: device), position)
    XCTAssertEqual(try laptop.unwrittenSyncChanges().lines, [])
    try laptop.markSyncChangesWritten(through: 0)
    XCTAssertEqual(try laptop.unwrittenSyncChanges().lines, [], "never moves back")
  }

  func testStateFromBeforeSyncBecomesTheFirstChanges() throws {
    let directory = try temporaryDirectory(self)
    let path = directory.appendingPathComponent("library.sqlite").path
    do {
      let store = try LibraryStore.open(at: path)
      try store.add(papers)
      try store.setStarred(true, ids: [papers[0].id])
      try store.setNote("old note", id: papers[2].id)
      try store.setTagged(true, name: TagName("Keep")!, ids: [papers[1].id])
      // As a library from before migration v14-sync.
      try store.write { db in
        try db.execute(
          sql: """
            DROP TABLE sync_device; DROP TABLE sync_log; DROP TABLE sync_winner;
            DROP TABLE sync_waiting; DROP TABLE sync_peer;
            DELETE FROM grdb_migrations WHERE identifier = 'v14-sync';
            """)
      }
    }
    let store = try LibraryStore.open(at: path)
    let changes = try outbox(store)
    let expected: Set<SyncEdit> = [.starred(true), .note("old note"), .tag(TagName("Keep")!, true)]
    XCTAssertEqual(Set(changes.map(\.edit)), expected)
    XCTAssertEqual(Set(changes.map(\.clock)).count, 3)
    XCTAssertTrue(DeviceID.isValid(try store.syncDevice()))
  }

  /// Migration v15-sync-signals: the for-you signals set before they synced become changes
  /// (v14-sync's seed, frozen, knew only the other fields).
  func testSignalsFromBeforeTheySyncedBecomeChanges() throws {
    let directory = try temporaryDirectory(self)
    let path = directory.appendingPathComponent("library.sqlite").path
    let time = Date(timeIntervalSince1970: 1_790_000_000)
    do {
      let store = try LibraryStore.open(at: path)
      try store.add(papers)
      try store.recordSignal(.viewed, ids: [papers[0].id], at: time)
      try store.recordSignal(.opened, ids: [papers[0].id, papers[2].id], at: time)
      try store.setStarred(true, ids: [papers[1].id])
      // As a library from before migration v15-sync-signals: the signals were not recorded.
      try store.write { db in
        try db.execute(
          sql: """
            DELETE FROM sync_log WHERE line LIKE '%"field":"viewed"%'
              OR line LIKE '%"field":"opened"%';
            DELETE FROM sync_winner WHERE field IN ('viewed', 'opened');
            DELETE FROM grdb_migrations WHERE identifier = 'v15-sync-signals';
            """)
      }
    }
    let store = try LibraryStore.open(at: path)
    let changes = try outbox(store)
    XCTAssertEqual(
      changes.map(\.edit), [.starred(true), .viewed(true), .opened(true), .opened(true)])
    XCTAssertEqual(Set(changes.map(\.clock)).count, 4)
    let snapshot = try store.syncSnapshot()
    XCTAssertEqual(snapshot.count, 4, "the signals are the winners of their fields")
  }
}
