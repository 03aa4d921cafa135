import FolioCore
import Foundation
import GRDB

/// What applying other devices' changes did.
public struct SyncApplyResult: Hashable, Sendable {
  /// Changes that set their field: later than whatever set it before.
  public var applied = 0
  /// Changes for papers this library does not have (yet): kept, and applied when an import
  /// brings the paper.
  public var waiting = 0
  /// Changes a later change of the same field had already overruled, or taken in before.
  public var superseded = 0

  public init(applied: Int = 0, waiting: Int = 0, superseded: Int = 0) {
    self.applied = applied
    self.waiting = waiting
    self.superseded = superseded
  }
}

/// How far this library has read another device's log.
public struct SyncPeerPosition: Hashable, Sendable {
  /// The other device's id (``FolioCore/DeviceID``).
  public var device: String
  /// Which file or generation of that device's log `offset` is in (the caller's name for it:
  /// a compacted log starts another).
  public var file: String
  /// Bytes of it read and applied.
  public var offset: Int64
  /// Lines of it read, so an error names the right line.
  public var line: Int

  public init(device: String, file: String, offset: Int64, line: Int) {
    self.device = device
    self.file = file
    self.offset = offset
    self.line = line
  }
}

/// This device's changes not yet written to its log file.
public struct SyncOutbox: Hashable, Sendable {
  /// The changes' lines (``FolioCore/SyncLogCodec``), in the order they were made, each
  /// ending in a newline.
  public var lines: [String]
  /// Pass to ``LibraryStore/markSyncChangesWritten(through:)`` once the lines are kept.
  public var through: Int64

  public init(lines: [String], through: Int64) {
    self.lines = lines
    self.through = through
  }
}

extension LibraryStore {
  /// This library's device id: made once, when the library was created or first opened by a
  /// Folio with sync; names its log file.
  public func syncDevice() throws(StoreError) -> String {
    try read { db in
      try String.fetchOne(db, sql: "SELECT device FROM sync_device WHERE id = 1") ?? ""
    }
  }

  /// The last timestamp this device handed out or saw.
  public func syncClock() throws(StoreError) -> HybridClock {
    try read { db in
      let row = try Row.fetchOne(db, sql: "SELECT device, wall, counter FROM sync_device")
      guard let row else { return .start(device: "") }
      return HybridClock(wall: row["wall"], counter: row["counter"], device: row["device"])
    }
  }

  /// Applies other devices' changes in one transaction: each sets its field when its clock is
  /// later than that of the change that last set it (the field's "winner"), without being
  /// recorded as a change of this device; the clock moves past every one of them; a change
  /// for a paper this library does not have waits (see ``SyncApplyResult``). Applying the
  /// same changes twice changes nothing the second time.
  ///
  /// `position`, when given, is stored in the same transaction: a log read up to there is
  /// applied exactly when its position is kept, so a sync killed half way reads it again.
  @discardableResult
  public func applySyncChanges(
    _ changes: [SyncChange], advancing position: SyncPeerPosition? = nil
  ) throws(StoreError) -> SyncApplyResult {
    try write { db in try Self.apply(changes, advancing: position, db) }
  }

  /// `tracker`, in a dry run, hears of every field about to be set.
  static func apply(
    _ changes: [SyncChange], advancing position: SyncPeerPosition?, _ db: Database,
    tracker: SyncPreviewTracker? = nil
  ) throws -> SyncApplyResult {
    var ledger = try SyncLedger(db)
    var result = SyncApplyResult()
    var papers: [SyncPaperKey: Int64?] = [:]
    for change in changes {
      ledger.observe(change.clock)
      switch try applyRemote(change, ledger: ledger, papers: &papers, db, tracker: tracker) {
      case .applied: result.applied += 1
      case .waiting:
        try db.cachedStatement(
          sql: """
            INSERT OR IGNORE INTO sync_waiting (arxiv_id, title_key, wall, counter, device, line)
            VALUES (?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
          change.paper.arxivID, change.paper.titleKey, change.clock.wall, change.clock.counter,
          change.clock.device, SyncLogCodec.encode(change),
        ])
        result.waiting += 1
      case .superseded: result.superseded += 1
      }
    }
    try ledger.finish()
    if let position {
      try db.execute(
        sql: """
          INSERT INTO sync_peer (device, file, offset, line) VALUES (?, ?, ?, ?)
          ON CONFLICT (device) DO UPDATE SET file = excluded.file, offset = excluded.offset,
            line = excluded.line
          """,
        arguments: [position.device, position.file, position.offset, position.line])
    }
    return result
  }

  /// How far this library has read `device`'s log; nil before the first read.
  public func syncPeerPosition(device: String) throws(StoreError) -> SyncPeerPosition? {
    try read { db in try Self.peerPosition(device: device, db) }
  }

  static func peerPosition(device: String, _ db: Database) throws -> SyncPeerPosition? {
    try Row.fetchOne(
      db, sql: "SELECT file, offset, line FROM sync_peer WHERE device = ?", arguments: [device]
    ).map { row in
      SyncPeerPosition(device: device, file: row["file"], offset: row["offset"], line: row["line"])
    }
  }

  /// How many of this device's changes are not yet written out.
  public func unwrittenSyncChangeCount() throws(StoreError) -> Int {
    try read { db in
      try Int.fetchOne(
        db,
        sql: "SELECT count(*) FROM sync_log WHERE seq > (SELECT written FROM sync_device)") ?? 0
    }
  }

  /// Up to `limit` of this device's changes not yet written out, oldest first.
  public func unwrittenSyncChanges(limit: Int = 100_000) throws(StoreError) -> SyncOutbox {
    try read { db in
      let written = try Int64.fetchOne(db, sql: "SELECT written FROM sync_device") ?? 0
      let rows = try Row.fetchAll(
        db, sql: "SELECT seq, line FROM sync_log WHERE seq > ? ORDER BY seq LIMIT ?",
        arguments: [written, max(0, limit)])
      return SyncOutbox(lines: rows.map { $0["line"] }, through: rows.last?["seq"] ?? written)
    }
  }

  /// Marks this device's changes up to `through` (``SyncOutbox/through``) as written out.
  /// Never moves back.
  public func markSyncChangesWritten(through: Int64) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE sync_device SET written = max(written, ?)", arguments: [through])
    }
  }

  /// How many changes this device has recorded, written out or not.
  public func syncChangeCount() throws(StoreError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_log") ?? 0 }
  }

  /// How many changes wait for a paper this library does not have.
  public func waitingSyncChangeCount() throws(StoreError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_waiting") ?? 0 }
  }

  /// What became of one remote change.
  enum RemoteOutcome { case applied, waiting, superseded }

  /// Applies one remote change if it wins its field; `.waiting` when its paper is unknown.
  /// `papers` remembers which paper each key resolved to within one transaction (no paper
  /// comes or goes during it), so a log touching a paper many times looks it up once.
  static func applyRemote(
    _ change: SyncChange, ledger: SyncLedger, papers: inout [SyncPaperKey: Int64?],
    _ db: Database, tracker: SyncPreviewTracker? = nil
  ) throws -> RemoteOutcome {
    let resolved: Int64?
    if let known = papers[change.paper] {
      resolved = known
    } else {
      resolved = try SyncLedger.resolve(change.paper, db)
      papers[change.paper] = resolved
    }
    guard let seq = resolved else { return .waiting }
    guard try ledger.claimWinner(change.clock, seq: seq, field: change.field) else {
      return .superseded
    }
    try tracker?.willSet(seq: seq, field: change.field, db)
    let at = Date(timeIntervalSince1970: Double(change.clock.wall) / 1000)
    try SyncStateWriter.apply(change.edit, seq: seq, at: at, db)
    return .applied
  }

  /// Applies the waiting changes whose paper is now in the library (the end of an import):
  /// one indexed look-up per waiting change, in pages, so the cost follows the number
  /// waiting, never the library's size. Returns how many were applied.
  @discardableResult
  static func applyWaitingSyncChanges(_ db: Database) throws -> Int {
    let ledger = try SyncLedger(db)
    var applied = 0
    var last: Int64 = 0
    var papers: [SyncPaperKey: Int64?] = [:]
    while true {
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT w.seq, w.line FROM sync_waiting w
          WHERE w.seq > ? AND (
            EXISTS (SELECT 1 FROM paper p WHERE p.arxiv_id = w.arxiv_id)
            OR EXISTS (SELECT 1 FROM paper p WHERE p.title_key = w.title_key))
          ORDER BY w.seq LIMIT \(waitingPage)
          """, arguments: [last])
      guard let final = rows.last else { return applied }
      last = final["seq"]
      for row in rows {
        let line: String = row["line"]
        // Written by this store from a checked change; one that no longer reads is dropped.
        guard
          let change = try? SyncLogCodec.decode(Array(line.utf8), file: "sync_waiting")
            .changes.first
        else {
          try db.execute(sql: "DELETE FROM sync_waiting WHERE seq = ?", arguments: [row["seq"]])
          continue
        }
        let outcome = try applyRemote(change, ledger: ledger, papers: &papers, db)
        guard outcome != .waiting else { continue }
        try db.execute(sql: "DELETE FROM sync_waiting WHERE seq = ?", arguments: [row["seq"]])
        if outcome == .applied { applied += 1 }
      }
    }
  }

  /// Waiting changes read at a time by ``applyWaitingSyncChanges(_:)``.
  static let waitingPage = 1000
}

extension LibraryStore {
  /// The whole reading state as changes (`folio state export`): for every paper and field a
  /// change has set, the field's value now with the clock of the change that set it, then the
  /// changes still waiting for their papers. Imported elsewhere with
  /// ``applySyncChanges(_:advancing:)``, it merges as a sync would.
  ///
  /// With `device`, only that device's changes that still set their field, and nothing
  /// waiting: what its log compacts to.
  public func syncSnapshot(device: String? = nil) throws(StoreError) -> [SyncChange] {
    try read { db in
      var changes: [SyncChange] = []
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT w.field, w.wall, w.counter, w.device, p.arxiv_id, p.title_key,
            s.starred_at IS NOT NULL AS starred, s.read_at IS NOT NULL AS read,
            s.dismissed_at IS NOT NULL AS dismissed, s.viewed_at IS NOT NULL AS viewed,
            s.opened_at IS NOT NULL AS opened, s.note,
            (SELECT t.name FROM paper_tag pt JOIN tag t ON t.id = pt.tag_id
              WHERE pt.paper_seq = w.paper_seq AND 'tag:' || t.key = w.field) AS tag_name
          FROM sync_winner w JOIN paper p ON p.seq = w.paper_seq
          LEFT JOIN paper_state s ON s.paper_seq = w.paper_seq
          WHERE ? IS NULL OR w.device = ?
          ORDER BY w.paper_seq, w.field
          """, arguments: [device, device])
      while let row = try rows.next() {
        let field: String = row["field"]
        let edit: SyncEdit?
        switch field {
        case "starred": edit = .starred(row["starred"] ?? false)
        case "read": edit = .read(row["read"] ?? false)
        case "dismissed": edit = .dismissed(row["dismissed"] ?? false)
        case "viewed": edit = .viewed(row["viewed"] ?? false)
        case "opened": edit = .opened(row["opened"] ?? false)
        case "note": edit = .note(row["note"])
        default:
          let name: String? = row["tag_name"]
          edit = TagName(name ?? String(field.dropFirst(4))).map { .tag($0, name != nil) }
        }
        guard let edit else { continue }
        changes.append(
          SyncChange(
            clock: HybridClock(wall: row["wall"], counter: row["counter"], device: row["device"]),
            paper: SyncPaperKey(arxivID: row["arxiv_id"], titleKey: row["title_key"]),
            edit: edit))
      }
      guard device == nil else { return changes }
      for line in try String.fetchAll(db, sql: "SELECT line FROM sync_waiting ORDER BY seq") {
        if let change = try? SyncLogCodec.decode(Array(line.utf8), file: "").changes.first {
          changes.append(change)
        }
      }
      return changes
    }
  }
}
