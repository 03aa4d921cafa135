import FolioCore
import Foundation
import GRDB

/// Sync's bookkeeping inside one write transaction: this device's clock, read once and written
/// back once (``finish()``), so two processes never hand out the same timestamp (the write
/// lock orders them); the local change log (`sync_log`); the winning clock per paper and field
/// (`sync_winner`). Every state change of the store goes through ``record(_:seq:)`` in the
/// transaction that makes it, so a change that was kept is never missing from the log.
struct SyncLedger {
  let db: Database
  /// The last timestamp handed out or seen.
  private(set) var clock: HybridClock
  private let now: Int64
  private var changed = false

  /// Reads this device's clock. `now` is the wall clock (tests pass their own).
  init(_ db: Database, now: Date = Date()) throws {
    self.db = db
    self.now = Self.milliseconds(now)
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT device, wall, counter FROM sync_device WHERE id = 1")
    else { throw StoreError.damaged(path: db.description, reason: "no sync device row") }
    clock = HybridClock(wall: row["wall"], counter: row["counter"], device: row["device"])
  }

  /// Records a change this device made to the paper at `seq`: a fresh timestamp, a line in the
  /// log, and the field's winning clock (a change made here is later than anything seen).
  mutating func record(_ edit: SyncEdit, seq: Int64) throws {
    guard let paper = try Self.paperKey(seq: seq, db) else { return }
    try record(edit, paper: paper, seq: seq)
  }

  /// As ``record(_:seq:)`` for a paper whose key the caller has read already.
  mutating func record(_ edit: SyncEdit, paper: SyncPaperKey, seq: Int64) throws {
    clock = clock.next(now: now)
    changed = true
    let change = SyncChange(clock: clock, paper: paper, edit: edit)
    try db.cachedStatement(sql: "INSERT INTO sync_log (line) VALUES (?)")
      .execute(arguments: [SyncLogCodec.encode(change)])
    try setWinner(clock, seq: seq, field: edit.field)
  }

  /// Moves the clock past a timestamp seen in another device's log.
  mutating func observe(_ remote: HybridClock) {
    let observed = clock.observing(remote)
    if observed != clock {
      clock = observed
      changed = true
    }
  }

  /// Writes the clock back; call once, before the transaction commits.
  func finish() throws {
    guard changed else { return }
    try db.execute(
      sql: "UPDATE sync_device SET wall = ?, counter = ? WHERE id = 1",
      arguments: [clock.wall, clock.counter])
  }

  /// Makes `clock` the winner of `field` of the paper at `seq` if it is later than the
  /// present winner (or there is none), in one statement; whether it did. Device ids are
  /// lowercase hex, so SQLite's text order is ``FolioCore/HybridClock``'s.
  func claimWinner(_ clock: HybridClock, seq: Int64, field: SyncField) throws -> Bool {
    try db.cachedStatement(
      sql: """
        INSERT INTO sync_winner (paper_seq, field, wall, counter, device) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (paper_seq, field) DO UPDATE SET wall = excluded.wall,
          counter = excluded.counter, device = excluded.device
        WHERE (excluded.wall, excluded.counter, excluded.device) > (wall, counter, device)
        """
    ).execute(arguments: [seq, field.description, clock.wall, clock.counter, clock.device])
    return db.changesCount > 0
  }

  func setWinner(_ clock: HybridClock, seq: Int64, field: SyncField) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO sync_winner (paper_seq, field, wall, counter, device) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (paper_seq, field) DO UPDATE SET wall = excluded.wall,
          counter = excluded.counter, device = excluded.device
        """
    ).execute(arguments: [seq, field.description, clock.wall, clock.counter, clock.device])
  }

  /// How other devices name the paper at `seq`.
  static func paperKey(seq: Int64, _ db: Database) throws -> SyncPaperKey? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT arxiv_id, title_key FROM paper WHERE seq = ?"),
        arguments: [seq])
    else { return nil }
    return SyncPaperKey(arxivID: row["arxiv_id"], titleKey: row["title_key"])
  }

  /// This device's copy of the paper another device names `key`: the paper with its arXiv
  /// id; else the one paper with its title key that has no other arXiv id (none when two
  /// papers share the title key: better to wait than to mark the wrong one).
  static func resolve(_ key: SyncPaperKey, _ db: Database) throws -> Int64? {
    if let arxivID = key.arxivID,
      let seq = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT seq FROM paper WHERE arxiv_id = ?"), arguments: [arxivID])
    {
      return seq
    }
    let candidates = try Int64.fetchAll(
      db.cachedStatement(
        sql: "SELECT seq FROM paper WHERE title_key = ? AND (? IS NULL OR arxiv_id IS NULL) LIMIT 2"
      ),
      arguments: [key.titleKey, key.arxivID])
    return candidates.count == 1 ? candidates[0] : nil
  }

  static func milliseconds(_ date: Date) -> Int64 {
    let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
    guard value.isFinite else { return 0 }
    return Int64(max(0, min(value, Double(HybridClock.wallLimit))))
  }
}
