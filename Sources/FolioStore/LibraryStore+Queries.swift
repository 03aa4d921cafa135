import FolioCore
import GRDB

extension LibraryStore {
  /// The papers `filter` selects, in listing order (newest day first; within a day most
  /// upvoted first when upvotes are known, then the order they were listed in), `limit` of
  /// them from `offset`.
  ///
  /// A nil `limit` means all of them.
  public func papers(
    _ filter: PaperFilter = .all, limit: Int? = nil, offset: Int = 0
  ) throws(StoreError) -> [LibraryPaper] {
    let (sql, arguments) = filter.select(PaperColumns.selection, limit: limit, offset: offset)
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map(PaperColumns.libraryPaper)
    }
  }

  /// How many papers `filter` selects.
  public func count(_ filter: PaperFilter = .all) throws(StoreError) -> Int {
    let (sql, arguments) = filter.aggregate("count(*)")
    return try read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
  }

  /// The paper whose id is `id` (see ``resolve(_:)`` for what ids are accepted), or nil.
  public func paper(id: String) throws(StoreError) -> LibraryPaper? {
    try read { db in
      guard let seq = try Self.seq(forUserID: id, db) else { return nil }
      return try Row.fetchOne(
        db,
        sql: "SELECT \(PaperColumns.selection) FROM \(PaperFilter.all.fromClause) WHERE p.seq = ?",
        arguments: [seq]
      ).map(PaperColumns.libraryPaper)
    }
  }

  /// The distinct listing days, newest first.
  public func days() throws(StoreError) -> [Day] {
    // A skip scan down the sort key index, one seek per day: a million papers over ten years
    // cost a few thousand seeks, not a million rows.
    let dayShift = SortKey.upvoteBits + SortKey.seqBits
    return try read { db in
      try String.fetchAll(
        db,
        sql: """
          WITH RECURSIVE newest(key) AS (
            SELECT max(sort_key) FROM paper
            UNION ALL
            SELECT (SELECT max(sort_key) FROM paper WHERE sort_key < ((key >> \(dayShift)) << \(dayShift)))
            FROM newest WHERE key IS NOT NULL
          )
          SELECT p.day FROM newest JOIN paper p ON p.sort_key = newest.key
          """
      ).compactMap { Day($0) }
    }
  }

  /// The words of the full-text index that begin with `prefix` (a folded search token), in
  /// order; nil when there are more than `limit`.
  public func searchTerms(startingWith prefix: String, limit: Int) throws(StoreError) -> [String]? {
    try read { db in
      let terms = try String.fetchAll(
        db,
        sql: "SELECT term FROM search_term WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
        arguments: [prefix, prefix + "\u{10FFFF}", limit + 1])
      return terms.count > limit ? nil : terms
    }
  }

  /// A number that changes whenever another connection or process commits to the library:
  /// cheap enough to poll on every idle tick of the reader.
  public func dataVersion() throws(StoreError) -> Int {
    do {
      // The writer connection is one fixed connection, so its data_version is comparable
      // between calls; pool readers are not.
      return try writer.writeWithoutTransaction { db in
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
      }
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// The `seq` of the paper a user-typed id names: the exact stable id, or any spelling of an
  /// arXiv id (`arXiv:2401.01234v2`, an abs URL).
  static func seq(forUserID userID: String, _ db: Database) throws -> Int64? {
    let trimmed = userID.trimmingCharacters(in: .whitespaces)
    let statement = try db.cachedStatement(sql: "SELECT seq FROM paper WHERE id = ?")
    if let seq = try Int64.fetchOne(statement, arguments: [trimmed]) { return seq }
    if let seq = try Int64.fetchOne(statement, arguments: [trimmed.lowercased()]) { return seq }
    if let arxivID = ArxivID.normalize(trimmed) {
      return try Int64.fetchOne(
        db, sql: "SELECT seq FROM paper WHERE arxiv_id = ?", arguments: [arxivID])
    }
    return nil
  }
}
