import GRDB

/// The full-text index entries one import adds and removes, written when the import ends, in
/// ascending rowid order, each kind by a single statement; and the facet index's rows
/// (``FacetIndex``) of the new and changed papers, by one sorted statement too (its triggers,
/// row by row, made an import of 100,000 papers about a third slower).
///
/// Order and statement count both decide the cost. FTS5 keeps new entries in memory and
/// writes them out as a segment when a row id is lower than the one before it, and at the
/// start of every statement. The index's rowid is the sort key, which falls as rows are listed
/// (newest day first, then insertion order), so indexing row by row (the triggers) or with
/// FTS5's 'rebuild' (which reads the table in `seq` order) made nearly every paper a segment
/// of its own, merged again and again: at 20,000 papers 3.9 s, against 1.1 s in order.
struct FullTextBatch {
  private let db: Database
  /// The first `seq` of this import: rows from here on have no index entry yet.
  private let firstNewSeq: Int64
  /// New rows, with their sort keys when inserted (for the order only: the entry takes the
  /// row's key when it is written).
  private var newRows: [(sortKey: Int64, seq: Int64)] = []
  /// Rows stored before the import whose entries are to be replaced.
  private var changedRows: Set<Int64> = []
  /// The triggers that index rows as they change, set aside until ``finish()``. The
  /// transaction restores them if the import fails.
  private var suspendedTriggers: [String]

  /// Sets the indexing triggers aside for an import whose first new row is `firstNewSeq`.
  init(db: Database, firstNewSeq: Int64) throws {
    self.db = db
    self.firstNewSeq = firstNewSeq
    suspendedTriggers = try String.fetchAll(
      db,
      sql: """
        SELECT sql FROM sqlite_master
        WHERE type = 'trigger' AND name IN ('paper_fts_insert', 'paper_fts_update', \
        'paper_facet_insert', 'paper_facet_update')
        """)
    try db.execute(
      sql: """
        DROP TRIGGER IF EXISTS paper_fts_insert; DROP TRIGGER IF EXISTS paper_fts_update;
        DROP TRIGGER IF EXISTS paper_facet_insert; DROP TRIGGER IF EXISTS paper_facet_update;
        """)
  }

  /// Whether the library was empty before the import: every row is new.
  private var everyRowIsNew: Bool { firstNewSeq == 1 }

  /// Whether ``finish()`` fills `search_term` from the index's vocabulary, so the import need
  /// not list each paper's words: into an empty library, reading the finished index's
  /// vocabulary once costs a fraction of tokenizing every paper again.
  var listsWordsAtEnd: Bool { everyRowIsNew }

  /// The memory FTS5 may hold new entries in before writing a segment, while the import's
  /// entries are written (the default, 1 MB, is restored after). Fewer, larger segments
  /// are fewer merges: at 100,000 papers the index is written in 3.7 s instead of 6.6 s;
  /// 256 MB gains nothing more.
  static let importHashSize = 64 << 20
  static let defaultHashSize = 1 << 20

  /// Notes a row just inserted.
  mutating func inserted(seq: Int64, sortKey: Int64) {
    if !everyRowIsNew { newRows.append((sortKey, seq)) }
  }

  /// Notes that row `seq` is about to be updated: an entry it had is set aside for removal
  /// with its text as indexed (FTS5 must be given the exact old text of an entry it removes).
  /// Its facet rows go now, and come back from its new values in ``finish()``.
  mutating func willUpdate(seq: Int64) throws {
    guard seq < firstNewSeq, changedRows.insert(seq).inserted else { return }
    for deletion in FacetIndex.deletions({ "(SELECT \($0) FROM paper WHERE seq = ?1)" }) {
      try db.cachedStatement(sql: deletion).execute(arguments: [seq])
    }
    if changedRows.count == 1 {
      try db.execute(
        sql: """
          DROP TABLE IF EXISTS temp.folio_fts_stale;
          CREATE TEMP TABLE folio_fts_stale (sort_key INTEGER, title, abstract, authors)
          """)
    }
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO temp.folio_fts_stale
        SELECT sort_key, title, abstract, authors FROM paper WHERE seq = ?
        """)
    try statement.execute(arguments: [seq])
  }

  /// Removes the changed rows' old entries, adds the entries of the new and changed rows, and
  /// restores the triggers.
  mutating func finish() throws {
    try setHashSize(Self.importHashSize)
    if !changedRows.isEmpty {
      try db.execute(
        sql: """
          INSERT INTO paper_fts(paper_fts, rowid, title, abstract, authors)
          SELECT 'delete', sort_key, title, abstract, authors FROM temp.folio_fts_stale
          ORDER BY sort_key;
          DROP TABLE temp.folio_fts_stale;
          """)
    }
    if everyRowIsNew {
      try db.execute(
        sql: """
          INSERT INTO paper_fts(rowid, title, abstract, authors)
          SELECT sort_key, title, abstract, authors FROM paper ORDER BY sort_key;
          INSERT OR IGNORE INTO search_term (term) SELECT term FROM paper_fts_vocab;
          """)
    } else {
      try indexInOrder(rowsToIndex())
    }
    try setHashSize(Self.defaultHashSize)
    try indexFacets()
    for trigger in suspendedTriggers { try db.execute(sql: trigger) }
    suspendedTriggers = []
    newRows = []
    changedRows = []
  }

  /// Adds the facet rows of the new and changed papers, in the index's order.
  private func indexFacets() throws {
    let changed = "[" + changedRows.map(String.init).joined(separator: ",") + "]"
    let rows = FacetIndex.rows(
      of: "p",
      table: "(SELECT * FROM paper WHERE seq >= ?1 OR seq IN (SELECT value FROM json_each(?2))) p")
    try db.execute(
      sql: "INSERT OR IGNORE INTO paper_facet (kind, value, sort_key) \(rows) ORDER BY 1, 2, 3",
      arguments: [firstNewSeq, changed])
  }

  private func setHashSize(_ bytes: Int) throws {
    try db.execute(
      sql: "INSERT INTO paper_fts(paper_fts, rank) VALUES ('hashsize', ?)", arguments: [bytes])
  }

  /// The `seq` of every row to index, in ascending sort-key order.
  private func rowsToIndex() throws -> [Int64] {
    var rows = newRows
    if !changedRows.isEmpty {
      let statement = try db.cachedStatement(sql: "SELECT sort_key FROM paper WHERE seq = ?")
      for seq in changedRows {
        rows.append((try Int64.fetchOne(statement, arguments: [seq]) ?? 0, seq))
      }
    }
    rows.sort { $0.sortKey < $1.sortKey }
    return rows.map(\.seq)
  }

  /// Indexes rows `seqs` in the given order, by one statement over a temporary list.
  private func indexInOrder(_ seqs: [Int64]) throws {
    guard !seqs.isEmpty else { return }
    try db.execute(
      sql: """
        DROP TABLE IF EXISTS temp.folio_fts_pending;
        CREATE TEMP TABLE folio_fts_pending (position INTEGER PRIMARY KEY, seq INTEGER NOT NULL)
        """)
    let statement = try db.cachedStatement(
      sql: "INSERT INTO temp.folio_fts_pending (seq) VALUES (?)")
    for seq in seqs { try statement.execute(arguments: [seq]) }
    try db.execute(
      sql: """
        INSERT INTO paper_fts(rowid, title, abstract, authors)
        SELECT p.sort_key, p.title, p.abstract, p.authors
        FROM temp.folio_fts_pending t JOIN paper p ON p.seq = t.seq
        ORDER BY t.position;
        DROP TABLE temp.folio_fts_pending;
        """)
  }
}
