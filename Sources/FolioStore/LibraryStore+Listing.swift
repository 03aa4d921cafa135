import FolioCore
import Foundation
import GRDB

/// Windowed access for the reader: a screenful of rows at a time, never the whole library.
extension LibraryStore {
  /// Rows `offset..<offset+limit` of the listing `filter` selects, without abstracts.
  public func summaries(
    _ filter: PaperFilter, limit: Int, offset: Int
  ) throws(StoreError) -> [PaperSummary] {
    try read { db in
      let (sql, arguments) = try FacetIndex.withDenseFacets(filter, db).select(
        Self.summaryColumns, limit: limit, offset: offset)
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.summary)
    }
  }

  /// The papers with these sort keys, in full, by sort key: the rows of a page the reader
  /// needs the text of.
  public func papers(sortKeys: [Int64]) throws(StoreError) -> [Int64: LibraryPaper] {
    guard !sortKeys.isEmpty else { return [:] }
    let sql = """
      SELECT p.sort_key AS listing_key, \(PaperColumns.selection) FROM \(PaperFilter.all.fromClause)
      WHERE p.sort_key IN (SELECT value FROM json_each(?))
      """
    let keys = "[" + sortKeys.map(String.init).joined(separator: ",") + "]"
    return try read { db in
      var papers: [Int64: LibraryPaper] = [:]
      for row in try Row.fetchAll(db, sql: sql, arguments: [keys]) {
        papers[row["listing_key"]] = PaperColumns.libraryPaper(row)
      }
      return papers
    }
  }

  static let summaryColumns = """
    p.id, p.title, p.day, p.upvotes, s.read_at IS NOT NULL AS is_read,
    s.starred_at IS NOT NULL AS is_starred, s.note IS NOT NULL AS has_note,
    \(PaperColumns.tagsSelection)
    """

  static func summary(_ row: Row) -> PaperSummary {
    PaperSummary(
      id: row["id"], title: PaperColumns.inert(row["title"]),
      day: Day(row["day"] as String) ?? Day(year: 1970, month: 1, day: 1)!,
      upvotes: row["upvotes"], isRead: row["is_read"], isStarred: row["is_starred"],
      hasNote: row["has_note"],
      tags: PaperColumns.decodeList(row["tags"]).map { PaperColumns.inert($0) })
  }

  /// `limit` papers of the listing `filter` selects, in listing order, from `start`.
  ///
  /// Starting next to a row already loaded (``ListingStart/after(_:)``,
  /// ``ListingStart/before(_:)``) or from the end costs the same anywhere in a million papers;
  /// a position far down the listing costs a walk past the rows before it. A ranking
  /// (``PaperFilter/ranking``) is short and always walked by position.
  public func listing(
    _ filter: PaperFilter, from start: ListingStart, limit: Int
  ) throws(StoreError) -> [ListedPaper] {
    try read { db in
      try listing(FacetIndex.withDenseFacets(filter, db), from: start, limit: limit, db)
    }
  }

  /// ``listing(_:from:limit:)`` in a read transaction, the filter's dense facets marked.
  private func listing(
    _ filter: PaperFilter, from start: ListingStart, limit: Int, _ db: Database
  ) throws -> [ListedPaper] {
    let columns = "p.sort_key AS listing_key, " + Self.summaryColumns
    let query: (sql: String, arguments: StatementArguments)
    var reversed = false
    switch start {
    case .position(let position):
      query = filter.select(columns, limit: limit, offset: position)
    case .after(let sortKey) where filter.ranking == nil:
      query = filter.select(
        columns, limit: limit, extra: filter.afterCondition(),
        extraArguments: Self.keyArguments(sortKey, filter))
    case .before(let sortKey) where filter.ranking == nil:
      reversed = true
      query = filter.select(
        columns, limit: limit, extra: filter.afterCondition(reversed: true),
        extraArguments: Self.keyArguments(sortKey, filter), reversed: true)
    case .fromEnd(let skipped):
      reversed = true
      query = filter.select(columns, limit: limit, offset: skipped, reversed: true)
    case .after, .before:
      preconditionFailure("a ranking is listed by position")
    }
    let rows = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments).map { row in
      ListedPaper(sortKey: row["listing_key"], summary: Self.summary(row))
    }
    return reversed ? rows.reversed() : rows
  }

  /// The reference row's sort key as ``PaperFilter/afterCondition(reversed:)`` binds it.
  static func keyArguments(_ sortKey: Int64, _ filter: PaperFilter) -> StatementArguments {
    StatementArguments(Array(repeating: sortKey, count: filter.afterArgumentCount))
  }

  /// Total, unread and starred counts of the listing `filter` selects, in one pass over its
  /// matches: keep it off the keystroke path of large libraries.
  public func counts(_ filter: PaperFilter) throws(StoreError) -> ListCounts {
    if filter.match == nil, filter.condition == nil, filter.ranking == nil, filter.state == .any {
      return try stateCounts(filter)
    }
    let (sql, arguments) = filter.aggregate(
      "count(*), coalesce(sum(s.read_at IS NULL), 0), coalesce(sum(s.starred_at IS NOT NULL), 0)")
    return try read { db in
      guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else {
        return ListCounts()
      }
      return ListCounts(total: row[0], unread: row[1], starred: row[2])
    }
  }

  /// Counts of a whole day (or the whole library) without visiting every paper's state: the
  /// papers are counted on the sort key index, and read and starred ones among the few that
  /// have state at all.
  private func stateCounts(_ filter: PaperFilter) throws(StoreError) -> ListCounts {
    // The day's range without the default exclusion, which needs `paper_state`: dismissed
    // papers are few and have state, so they are counted among the state rows and taken off.
    let (condition, arguments) = filter.whereClause(excludingDismissed: false)
    return try read { db in
      let total =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM paper p WHERE \(condition)", arguments: arguments) ?? 0
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT coalesce(sum(s.read_at IS NOT NULL AND s.dismissed_at IS NULL), 0),
            coalesce(sum(s.starred_at IS NOT NULL AND s.dismissed_at IS NULL), 0),
            count(s.dismissed_at)
          FROM paper_state s JOIN paper p ON p.seq = s.paper_seq WHERE \(condition)
          """, arguments: arguments)
      let read: Int = row?[0] ?? 0
      let dismissed: Int = filter.showsDismissed ? 0 : row?[2] ?? 0
      let listed = total - dismissed
      return ListCounts(total: listed, unread: listed - read, starred: row?[1] ?? 0)
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
      let (before, beforeArguments) = filter.aggregate(
        "count(*)", extra: filter.afterCondition(reversed: true))
      return try Int.fetchOne(
        db, sql: before, arguments: beforeArguments + Self.keyArguments(key, filter))
    }
  }

  /// Marks every unread paper `filter` selects as read, in one transaction; returns how many.
  public func markAllRead(_ filter: PaperFilter) throws(StoreError) -> Int {
    try markAllRead(filter, at: Date())
  }

  /// Marks every unread paper `filter` selects as read at `time`, in one transaction; returns
  /// how many. Every paper it marks gets that one timestamp, so
  /// ``unmarkRead(at:)`` can undo it without a list of ids.
  public func markAllRead(_ filter: PaperFilter, at time: Date) throws(StoreError) -> Int {
    let (select, arguments) = filter.aggregate("p.seq, ?", extra: "s.read_at IS NULL")
    let (marked, markedArguments) = filter.aggregate(
      "p.seq, p.arxiv_id, p.title_key", extra: "s.read_at IS NULL")
    return try write { db in
      // Recorded for sync first: the cursor reads the papers still unread, and writes only
      // to sync's tables while it walks.
      var ledger = try SyncLedger(db, now: time)
      let rows = try Row.fetchCursor(db, sql: marked, arguments: markedArguments)
      while let row = try rows.next() {
        let paper = SyncPaperKey(arxivID: row["arxiv_id"], titleKey: row["title_key"])
        try ledger.record(.read(true), paper: paper, seq: row["seq"])
      }
      try ledger.finish()
      // `WHERE true` lets SQLite parse the upsert after a SELECT with joins.
      try db.execute(
        sql: """
          INSERT INTO paper_state (paper_seq, read_at) SELECT * FROM (\(select)) WHERE true
          ON CONFLICT (paper_seq) DO UPDATE SET read_at = excluded.read_at
          """, arguments: StatementArguments([time]) + arguments)
      return db.changesCount
    }
  }

  /// Marks unread again every paper read at exactly `time`: the inverse of
  /// ``markAllRead(_:at:)``, which marked only papers that were unread, all with that time.
  /// An index range on `read_at`, in one transaction; returns how many.
  public func unmarkRead(at time: Date) throws(StoreError) -> Int {
    try write { db in
      var ledger = try SyncLedger(db)
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT s.paper_seq, p.arxiv_id, p.title_key FROM paper_state s
          JOIN paper p ON p.seq = s.paper_seq WHERE s.read_at = ?
          """, arguments: [time])
      while let row = try rows.next() {
        let paper = SyncPaperKey(arxivID: row["arxiv_id"], titleKey: row["title_key"])
        try ledger.record(.read(false), paper: paper, seq: row["paper_seq"])
      }
      try ledger.finish()
      try db.execute(
        sql: "UPDATE paper_state SET read_at = NULL WHERE read_at = ?", arguments: [time])
      return db.changesCount
    }
  }
}
