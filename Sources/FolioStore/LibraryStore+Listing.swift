import FolioCore
import Foundation
import GRDB

/// Windowed access for the reader: a screenful of rows at a time, never the whole library.
extension LibraryStore {
  /// Rows `offset..<offset+limit` of the listing `filter` selects, without abstracts.
  public func summaries(
    _ filter: PaperFilter, limit: Int, offset: Int
  ) throws(StoreError) -> [PaperSummary] {
    let (condition, order, arguments) = filter.clauses
    let sql = """
      SELECT p.id, p.title, p.day, p.upvotes, s.read_at IS NOT NULL AS is_read,
        s.starred_at IS NOT NULL AS is_starred, s.note IS NOT NULL AS has_note
      FROM \(PaperColumns.from) WHERE \(condition) ORDER BY \(order)
      LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
      """
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        PaperSummary(
          id: row["id"], title: row["title"],
          day: Day(row["day"] as String) ?? Day(year: 1970, month: 1, day: 1)!,
          upvotes: row["upvotes"], isRead: row["is_read"], isStarred: row["is_starred"],
          hasNote: row["has_note"])
      }
    }
  }

  /// Total, unread and starred counts of the listing `filter` selects, in one pass.
  public func counts(_ filter: PaperFilter) throws(StoreError) -> ListCounts {
    let (condition, arguments) = filter.whereClause
    let sql = """
      SELECT count(*), coalesce(sum(s.read_at IS NULL), 0), coalesce(sum(s.starred_at IS NOT NULL), 0)
      FROM \(PaperColumns.from) WHERE \(condition)
      """
    return try read { db in
      guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else {
        return ListCounts()
      }
      return ListCounts(total: row[0], unread: row[1], starred: row[2])
    }
  }

  /// The 0-based position of paper `id` in the listing `filter` selects, or nil when the
  /// listing does not hold it.
  public func position(of id: String, in filter: PaperFilter) throws(StoreError) -> Int? {
    let (condition, whereArguments) = filter.whereClause
    let (order, orderArguments) = filter.orderClause
    let sql = """
      SELECT position FROM (
        SELECT p.id, row_number() OVER (ORDER BY \(order)) - 1 AS position
        FROM \(PaperColumns.from) WHERE \(condition)
      ) WHERE id = ?
      """
    // The ORDER BY comes first in the text, so its parameters do too.
    let arguments = orderArguments + whereArguments + [id]
    return try read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) }
  }

  /// Marks every unread paper `filter` selects as read, in one transaction; returns how many.
  public func markAllRead(_ filter: PaperFilter) throws(StoreError) -> Int {
    let (condition, arguments) = filter.whereClause
    return try write { db in
      try db.execute(
        sql: """
          INSERT INTO paper_state (paper_seq, read_at)
          SELECT p.seq, ? FROM \(PaperColumns.from) WHERE (\(condition)) AND s.read_at IS NULL
          ON CONFLICT (paper_seq) DO UPDATE SET read_at = excluded.read_at
          """, arguments: StatementArguments([Date()]) + arguments)
      return db.changesCount
    }
  }
}
