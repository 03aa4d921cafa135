import FolioCore
import Foundation
import GRDB

/// A paper's row in the library: unlike its id, which an import upgrades (a title hash becomes
/// an arXiv id), the row stays the paper's for as long as the paper is in the library. For
/// work that spans a wait, such as a note open in an editor.
public struct PaperRow: Hashable, Sendable {
  let seq: Int64
  /// When the paper was added: a row number that a new paper took over is another paper.
  let addedAt: String
}

extension LibraryStore {
  /// The row of the paper `id` names (see ``resolve(_:)``), or nil.
  public func row(ofPaper id: String) throws(StoreError) -> PaperRow? {
    try read { db in
      guard let seq = try Self.seq(forUserID: id, db),
        let addedAt = try String.fetchOne(
          db, sql: "SELECT added_at FROM paper WHERE seq = ?", arguments: [seq])
      else { return nil }
      return PaperRow(seq: seq, addedAt: addedAt)
    }
  }

  /// Sets the note of the paper at `row` (nil or blank text removes it) and returns the
  /// paper's id now, or nil, changing nothing, when the paper is no longer in the library.
  public func setNote(_ note: String?, row: PaperRow) throws(StoreError) -> String? {
    let text = note.map(TextCleaner.cleanMultiline).flatMap { $0.isEmpty ? nil : $0 }
    return try write { db in
      guard
        let id = try String.fetchOne(
          db, sql: "SELECT id FROM paper WHERE seq = ? AND added_at = ?",
          arguments: [row.seq, row.addedAt])
      else { return nil }
      try db.execute(
        sql: """
          INSERT INTO paper_state (paper_seq, note) VALUES (?, ?)
          ON CONFLICT (paper_seq) DO UPDATE SET note = excluded.note
          """, arguments: [row.seq, text])
      var ledger = try SyncLedger(db)
      try ledger.record(.note(text), seq: row.seq)
      try ledger.finish()
      return id
    }
  }
}
