import FolioCore
import Foundation
import GRDB

extension LibraryStore {
  /// Stars or unstars the papers named by `ids`, in one transaction.
  ///
  /// Throws ``StoreError/unknownPaper(id:)`` for the first id that names no paper, and then
  /// changes nothing. Starring a starred paper keeps its original star time.
  public func setStarred(_ starred: Bool, ids: [String]) throws(StoreError) {
    try setTimestamp("starred_at", on: starred, ids: ids)
  }

  /// Marks the papers named by `ids` read or unread, in one transaction; like
  /// ``setStarred(_:ids:)`` for unknown ids.
  public func setRead(_ read: Bool, ids: [String]) throws(StoreError) {
    try setTimestamp("read_at", on: read, ids: ids)
  }

  /// Dismisses ("not interested") or undismisses the papers named by `ids`, in one
  /// transaction; like ``setStarred(_:ids:)`` for unknown ids. A dismissed paper is left out
  /// of listings unless the query mentions `is:dismissed` (``PaperFilter``).
  public func setDismissed(_ dismissed: Bool, ids: [String]) throws(StoreError) {
    try setTimestamp("dismissed_at", on: dismissed, ids: ids)
  }

  /// Sets the note of the paper `id`; nil or blank text removes it.
  public func setNote(_ note: String?, id: String) throws(StoreError) {
    let text = note.map(TextCleaner.cleanMultiline).flatMap { $0.isEmpty ? nil : $0 }
    try write { db in
      let seq = try Self.requireSeq(id, db)
      try SyncStateWriter.setNote(text, seq: seq, at: Date(), db)
      var ledger = try SyncLedger(db)
      try ledger.record(.note(text), seq: seq)
      try ledger.finish()
    }
  }

  /// The stable ids of the papers `ids` name, in order; throws for the first unknown one.
  public func resolve(_ ids: [String]) throws(StoreError) -> [String] {
    try read { db in
      try ids.map { userID in
        let seq = try Self.requireSeq(userID, db)
        return try String.fetchOne(db, sql: "SELECT id FROM paper WHERE seq = ?", arguments: [seq])!
      }
    }
  }

  /// Sets or clears the timestamp `column` of the papers `ids`; a column that is a synced
  /// field (``syncEdit(column:on:)``) records the change for sync in the same transaction.
  /// A for-you signal (`viewed_at`, `opened_at`) is recorded only when it is first set: the
  /// reader records one on every full-screen read, and a repeat changes nothing anywhere.
  func setTimestamp(
    _ column: String, on: Bool, ids: [String], at now: Date = Date()
  ) throws(StoreError) {
    try write { db in
      let seqs = try ids.map { try Self.requireSeq($0, db) }
      if let edit = Self.syncEdit(column: column, on: on) {
        var recorded = seqs
        if on, edit.field == .viewed || edit.field == .opened {
          let unset = try db.cachedStatement(
            sql: "SELECT 1 FROM paper_state WHERE paper_seq = ? AND \(column) IS NOT NULL")
          var seen: Set<Int64> = []
          recorded = try seqs.filter { seq in
            try seen.insert(seq).inserted && Bool.fetchOne(unset, arguments: [seq]) == nil
          }
        }
        var ledger = try SyncLedger(db, now: now)
        for seq in recorded { try ledger.record(edit, seq: seq) }
        try ledger.finish()
      }
      let statement =
        on
        ? try db.cachedStatement(
          sql: """
            INSERT INTO paper_state (paper_seq, \(column)) VALUES (?, ?)
            ON CONFLICT (paper_seq) DO UPDATE SET \(column) = coalesce(\(column), excluded.\(column))
            """)
        : try db.cachedStatement(sql: "UPDATE paper_state SET \(column) = NULL WHERE paper_seq = ?")
      for seq in seqs {
        try statement.execute(arguments: on ? [seq, now] : [seq])
      }
    }
  }

  /// The sync change setting `column` on or off; nil for a column that is not synced.
  static func syncEdit(column: String, on: Bool) -> SyncEdit? {
    switch column {
    case "starred_at": .starred(on)
    case "read_at": .read(on)
    case "dismissed_at": .dismissed(on)
    case "viewed_at": .viewed(on)
    case "opened_at": .opened(on)
    default: nil
    }
  }

  static func requireSeq(_ userID: String, _ db: Database) throws -> Int64 {
    guard let seq = try seq(forUserID: userID, db) else {
      throw StoreError.unknownPaper(id: userID)
    }
    return seq
  }
}
