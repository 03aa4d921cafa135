import FolioCore
import Foundation
import GRDB

/// Writes one field of one paper's state as a sync change says, without recording it as a
/// change of this device: the remote half of sync (``LibraryStore/applySyncChanges(_:advancing:)``)
/// and the note paths share it.
enum SyncStateWriter {
  /// Sets `edit` on the paper at `seq`; `at` dates a star, read mark or dismissal that was
  /// not set (one already set keeps its time, as a local star does), and a for-you signal
  /// unless it was set here earlier.
  static func apply(_ edit: SyncEdit, seq: Int64, at: Date, _ db: Database) throws {
    switch edit {
    case .starred(let on): try setTimestamp("starred_at", on: on, seq: seq, at: at, db)
    case .read(let on): try setTimestamp("read_at", on: on, seq: seq, at: at, db)
    case .dismissed(let on): try setTimestamp("dismissed_at", on: on, seq: seq, at: at, db)
    case .note(let text): try setNote(text, seq: seq, at: at, db)
    case .tag(let name, let on): try setTag(name, on: on, seq: seq, db)
    case .viewed(let on): try setSignal("viewed_at", on: on, seq: seq, at: at, db)
    case .opened(let on): try setSignal("opened_at", on: on, seq: seq, at: at, db)
    }
  }

  /// Sets a for-you signal's time: `at` when it was not set; one already set keeps its time
  /// unless `at` is earlier (the other machine's read came first, its clock ahead of this
  /// one's), since the model weighs a signal by its age. Off clears it.
  private static func setSignal(
    _ column: String, on: Bool, seq: Int64, at: Date, _ db: Database
  ) throws {
    guard on else {
      try setTimestamp(column, on: false, seq: seq, at: at, db)
      return
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO paper_state (paper_seq, \(column)) VALUES (?, ?)
        ON CONFLICT (paper_seq) DO UPDATE SET \(column) = CASE
          WHEN \(column) IS NULL OR excluded.\(column) < \(column) THEN excluded.\(column)
          ELSE \(column) END
        """
    ).execute(arguments: [seq, at])
  }

  private static func setTimestamp(
    _ column: String, on: Bool, seq: Int64, at: Date, _ db: Database
  ) throws {
    if on {
      try db.cachedStatement(
        sql: """
          INSERT INTO paper_state (paper_seq, \(column)) VALUES (?, ?)
          ON CONFLICT (paper_seq) DO UPDATE SET \(column) = coalesce(\(column), excluded.\(column))
          """
      ).execute(arguments: [seq, at])
    } else {
      try db.cachedStatement(sql: "UPDATE paper_state SET \(column) = NULL WHERE paper_seq = ?")
        .execute(arguments: [seq])
    }
  }

  /// Sets the note (nil removes it); `noted_at` keeps the first note's time.
  static func setNote(_ text: String?, seq: Int64, at: Date, _ db: Database) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO paper_state (paper_seq, note, noted_at) VALUES (?, ?, ?)
        ON CONFLICT (paper_seq) DO UPDATE SET note = excluded.note,
          noted_at = CASE WHEN excluded.note IS NULL THEN NULL
            ELSE coalesce(noted_at, excluded.noted_at) END
        """
    ).execute(arguments: [seq, text, text == nil ? nil : at])
  }

  /// Adds or removes one tag as ``LibraryStore/setTagged(_:name:ids:)`` does for one paper: a
  /// new tag takes the change's spelling, a tag left without papers is forgotten.
  private static func setTag(_ name: TagName, on: Bool, seq: Int64, _ db: Database) throws {
    if on {
      try db.cachedStatement(
        sql: "INSERT INTO tag (name, key) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"
      ).execute(arguments: [name.name, name.key])
    }
    guard
      let tagID = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT id FROM tag WHERE key = ?"), arguments: [name.key])
    else { return }
    if on {
      try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO paper_tag (tag_id, paper_seq) VALUES (?, ?)"
      ).execute(arguments: [tagID, seq])
    } else {
      try db.cachedStatement(sql: "DELETE FROM paper_tag WHERE tag_id = ? AND paper_seq = ?")
        .execute(arguments: [tagID, seq])
      try db.cachedStatement(
        sql:
          "DELETE FROM tag WHERE id = ? AND NOT EXISTS (SELECT 1 FROM paper_tag WHERE tag_id = ?)"
      ).execute(arguments: [tagID, tagID])
    }
  }
}
