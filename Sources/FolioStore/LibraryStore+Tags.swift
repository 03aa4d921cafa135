import FolioCore
import GRDB

/// One tag with how many papers carry it, for `folio tags` and the reader's tag prompt.
public struct TagCount: Hashable, Sendable {
  /// The name as first written.
  public var name: String
  /// Papers carrying the tag.
  public var papers: Int
  /// Of those, the ones not yet read.
  public var unread: Int

  public init(name: String, papers: Int, unread: Int) {
    self.name = name
    self.papers = papers
    self.unread = unread
  }
}

extension LibraryStore {
  /// Adds (`on`) or removes the tag `name` on the papers named by `ids`, in one transaction.
  ///
  /// Every id is resolved before anything is written: the first unknown one throws
  /// ``StoreError/unknownPaper(id:)`` and nothing changes. Adding a tag no paper carries yet
  /// creates it with this spelling; a tag keeps its first spelling after that. Removing the
  /// last paper of a tag forgets the tag. Adding a tag a paper has, or removing one it has
  /// not, changes nothing; so add and remove are each other's inverse.
  public func setTagged(_ on: Bool, name: TagName, ids: [String]) throws(StoreError) {
    try write { db in
      let seqs = try ids.map { try Self.requireSeq($0, db) }
      // No papers, no change: a tag without papers is never created.
      guard !seqs.isEmpty else { return }
      // Recorded even when nothing here changes (removing a tag no paper has): what the user
      // said is what the other devices should end with.
      var ledger = try SyncLedger(db)
      for seq in seqs { try ledger.record(.tag(name, on), seq: seq) }
      try ledger.finish()
      if on {
        try db.execute(
          sql: "INSERT INTO tag (name, key) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
          arguments: [name.name, name.key])
      }
      guard
        let tagID = try Int64.fetchOne(
          db, sql: "SELECT id FROM tag WHERE key = ?", arguments: [name.key])
      else { return }
      let statement =
        on
        ? try db.cachedStatement(
          sql: "INSERT OR IGNORE INTO paper_tag (tag_id, paper_seq) VALUES (?, ?)")
        : try db.cachedStatement(sql: "DELETE FROM paper_tag WHERE tag_id = ? AND paper_seq = ?")
      for seq in seqs { try statement.execute(arguments: [tagID, seq]) }
      if !on {
        try db.execute(
          sql: """
            DELETE FROM tag WHERE id = ?
              AND NOT EXISTS (SELECT 1 FROM paper_tag WHERE tag_id = ?)
            """, arguments: [tagID, tagID])
      }
    }
  }

  /// Every tag with its paper and unread counts, ordered by folded name. One pass over the
  /// link table (a row per tagged paper), never over the papers.
  public func tagCounts() throws(StoreError) -> [TagCount] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT t.name, count(pt.paper_seq) AS papers,
            count(pt.paper_seq) - count(s.read_at) AS unread
          FROM tag t JOIN paper_tag pt ON pt.tag_id = t.id
          LEFT JOIN paper_state s ON s.paper_seq = pt.paper_seq
          GROUP BY t.id ORDER BY t.key
          """
      ).map { row in
        TagCount(
          name: PaperColumns.inert(row["name"]), papers: row["papers"], unread: row["unread"])
      }
    }
  }

  /// The names of every tag, as first written, ordered by folded name: what the reader's
  /// tag prompt completes from.
  public func tagNames() throws(StoreError) -> [String] {
    try read { db in
      try String.fetchAll(db, sql: "SELECT name FROM tag ORDER BY key").map {
        PaperColumns.inert($0)
      }
    }
  }
}
