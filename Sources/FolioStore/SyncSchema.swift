import FolioCore
import Foundation
import GRDB

/// The tables of sync (migration `v14-sync`), and the first changes of a library that had
/// reading state before it synced.
enum SyncSchema {
  static func create(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE sync_device (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          device TEXT NOT NULL,             -- DeviceID: names this device's log file
          wall INTEGER NOT NULL,            -- the last clock handed out or seen (HybridClock)
          counter INTEGER NOT NULL,
          written INTEGER NOT NULL DEFAULT 0 -- sync_log.seq written out so far
        );
        CREATE TABLE sync_log (
          seq INTEGER PRIMARY KEY,          -- the order the changes were made in
          line TEXT NOT NULL                -- SyncLogCodec's line, newline included
        );
        CREATE TABLE sync_winner (
          paper_seq INTEGER NOT NULL REFERENCES paper(seq) ON DELETE CASCADE,
          field TEXT NOT NULL,              -- SyncField.description
          wall INTEGER NOT NULL,
          counter INTEGER NOT NULL,
          device TEXT NOT NULL,
          PRIMARY KEY (paper_seq, field)
        ) WITHOUT ROWID;
        CREATE TABLE sync_waiting (
          seq INTEGER PRIMARY KEY,
          arxiv_id TEXT,
          title_key TEXT NOT NULL,
          wall INTEGER NOT NULL,
          counter INTEGER NOT NULL,
          device TEXT NOT NULL,
          line TEXT NOT NULL,
          UNIQUE (wall, counter, device)    -- one clock, one change: taking it twice is a no-op
        );
        CREATE INDEX sync_waiting_arxiv ON sync_waiting(arxiv_id) WHERE arxiv_id IS NOT NULL;
        CREATE INDEX sync_waiting_title ON sync_waiting(title_key);
        CREATE TABLE sync_peer (
          device TEXT PRIMARY KEY,          -- the other device's DeviceID
          file TEXT NOT NULL,               -- which file (or generation) the offset is in
          offset INTEGER NOT NULL,          -- bytes read and applied
          line INTEGER NOT NULL             -- lines read, for error messages
        ) WITHOUT ROWID;
        """)
  }

  /// Makes this device (`device`, clock at zero) and records the state the library already
  /// holds as its changes, stamped `now`: stars, read marks, dismissals, notes and tags.
  /// Only what is set is recorded (an unstarred paper says nothing), so two libraries that
  /// start syncing keep the union of their marks. One pass over the state and tag tables.
  static func seed(_ db: Database, device: String, now: Date) throws {
    try db.execute(
      sql: "INSERT INTO sync_device (id, device, wall, counter) VALUES (1, ?, 0, 0)",
      arguments: [device])
    var ledger = try SyncLedger(db, now: now)
    let states = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.paper_seq, p.arxiv_id, p.title_key, s.starred_at, s.read_at, s.dismissed_at,
          s.note
        FROM paper_state s JOIN paper p ON p.seq = s.paper_seq ORDER BY s.paper_seq
        """)
    while let row = try states.next() {
      let seq: Int64 = row["paper_seq"]
      let paper = SyncPaperKey(arxivID: row["arxiv_id"], titleKey: row["title_key"])
      if row["starred_at"] as DatabaseValue != .null {
        try ledger.record(.starred(true), paper: paper, seq: seq)
      }
      if row["read_at"] as DatabaseValue != .null {
        try ledger.record(.read(true), paper: paper, seq: seq)
      }
      if row["dismissed_at"] as DatabaseValue != .null {
        try ledger.record(.dismissed(true), paper: paper, seq: seq)
      }
      if let note: String = row["note"] {
        try ledger.record(.note(note), paper: paper, seq: seq)
      }
    }
    let tags = try Row.fetchCursor(
      db,
      sql: """
        SELECT pt.paper_seq, p.arxiv_id, p.title_key, t.name
        FROM paper_tag pt JOIN tag t ON t.id = pt.tag_id JOIN paper p ON p.seq = pt.paper_seq
        ORDER BY pt.paper_seq, t.key
        """)
    while let row = try tags.next() {
      // A name stored before tag names were checked is not synced rather than refused later.
      guard let name = TagName(row["name"]) else { continue }
      let paper = SyncPaperKey(arxivID: row["arxiv_id"], titleKey: row["title_key"])
      try ledger.record(.tag(name, true), paper: paper, seq: row["paper_seq"])
    }
    try ledger.finish()
  }

  /// Records the for-you signals the library already holds ("read full screen",
  /// "opened the link") as this device's changes, stamped `now` (migration
  /// `v15-sync-signals`): they were not synced before it, and `v14-sync`'s seed is frozen.
  /// Like ``seed(_:device:now:)``, only what is set. One pass over the state table.
  static func seedSignals(_ db: Database, now: Date) throws {
    var ledger = try SyncLedger(db, now: now)
    let states = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.paper_seq, p.arxiv_id, p.title_key, s.viewed_at, s.opened_at
        FROM paper_state s JOIN paper p ON p.seq = s.paper_seq
        WHERE s.viewed_at IS NOT NULL OR s.opened_at IS NOT NULL ORDER BY s.paper_seq
        """)
    while let row = try states.next() {
      let seq: Int64 = row["paper_seq"]
      let paper = SyncPaperKey(arxivID: row["arxiv_id"], titleKey: row["title_key"])
      if row["viewed_at"] as DatabaseValue != .null {
        try ledger.record(.viewed(true), paper: paper, seq: seq)
      }
      if row["opened_at"] as DatabaseValue != .null {
        try ledger.record(.opened(true), paper: paper, seq: seq)
      }
    }
    try ledger.finish()
  }
}
