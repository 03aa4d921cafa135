import FolioCore
import Foundation
import GRDB

/// Windowed access for the reader: a screenful of rows at a time, never the whole library.
extension LibraryStore {
  /// Rows `offset..<offset+limit` of the listing `filter` selects, without abstracts.
  public func summaries(
    _ filter: PaperFilter, limit: Int, offset: Int
  ) throws(StoreError) -> [PaperSummary] {
    let (sql, arguments) = filter.select(
      """
      p.id, p.title, p.day, p.upvotes, s.read_at IS NOT NULL AS is_read,
      s.starred_at IS NOT NULL AS is_starred, s.note IS NOT NULL AS has_note
      """, limit: limit, offset: offset)
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        PaperSummary(
          id: row["id"], title: PaperColumns.inert(row["title"]),
          day: Day(row["day"] as String) ?? Day(year: 1970, month: 1, day: 1)!,
          upvotes: row["upvotes"], isRead: row["is_read"], isStarred: row["is_starred"],
          hasNote: row["has_note"])
      }
    }
  }

  /// Total, unread and starred counts of the listing `filter` selects, in one pass over its
  /// matches: keep it off the keystroke path of large libraries.
  public func counts(_ filter: PaperFilter) throws(StoreError) -> ListCounts {
    let (sql, arguments) = filter.aggregate(
      "count(*), coalesce(sum(s.read_at IS NULL), 0), coalesce(sum(s.starred_at IS NOT NULL), 0)")
    return try read { db in
      guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else {
        return ListCounts()
      }
      return ListCounts(total: row[0], unread: row[1], starred: row[2])
    }
  }

  /// The 0-based position of paper `id` in the listing `filter` selects, or nil when the
  /// listing does not hold it. Costs a count of the papers before it.
  public func position(of id: String, in filter: PaperFilter) throws(StoreError) -> Int? {
    if let ranking = filter.ranking {
      return try summaries(filter, limit: ranking.count, offset: 0).firstIndex { $0.id == id }
    }
    return try read { db in
      guard
        let key = try Int64.fetchOne(
          db, sql: "SELECT sort_key FROM paper WHERE id = ?", arguments: [id])
      else { return nil }
      let (isListed, listedArguments) = filter.aggregate("count(*)", extra: "p.sort_key = ?")
      guard try Int.fetchOne(db, sql: isListed, arguments: listedArguments + [key]) == 1 else {
        return nil
      }
      let (before, beforeArguments) = filter.aggregate("count(*)", extra: "p.sort_key > ?")
      return try Int.fetchOne(db, sql: before, arguments: beforeArguments + [key])
    }
  }

  /// Marks every unread paper `filter` selects as read, in one transaction; returns how many.
  public func markAllRead(_ filter: PaperFilter) throws(StoreError) -> Int {
    let (select, arguments) = filter.aggregate("p.seq, ?", extra: "s.read_at IS NULL")
    return try write { db in
      // `WHERE true` lets SQLite parse the upsert after a SELECT with joins.
      try db.execute(
        sql: """
          INSERT INTO paper_state (paper_seq, read_at) SELECT * FROM (\(select)) WHERE true
          ON CONFLICT (paper_seq) DO UPDATE SET read_at = excluded.read_at
          """, arguments: StatementArguments([Date()]) + arguments)
      return db.changesCount
    }
  }
}
