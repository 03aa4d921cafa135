import FolioCore
import GRDB

/// What "more like this" needs from the full-text index.
extension LibraryStore {
  /// How many papers contain each of `terms` (folded search tokens), from the index's
  /// vocabulary. Terms in no paper are absent from the result.
  public func documentFrequencies(_ terms: [String]) throws(StoreError) -> [String: Int] {
    try read { db in
      var frequencies: [String: Int] = [:]
      let statement = try db.cachedStatement(sql: "SELECT doc FROM paper_fts_vocab WHERE term = ?")
      for term in Set(terms) {
        if let count = try Int.fetchOne(statement, arguments: [term]) { frequencies[term] = count }
      }
      return frequencies
    }
  }

  /// The ids of papers matching the FTS5 `expression`, best first by BM25 (a title match
  /// counts three times an abstract match, authors half), without `excludedID` and without
  /// dismissed papers (left out of every view, "more like this" included).
  public func bestMatches(
    _ expression: String, excluding excludedID: String, limit: Int
  ) throws(StoreError) -> [String] {
    try read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT p.id FROM paper_fts JOIN paper p ON p.sort_key = paper_fts.rowid
          WHERE paper_fts MATCH ? AND p.id != ?
            AND NOT EXISTS (
              SELECT 1 FROM paper_state s WHERE s.paper_seq = p.seq AND s.dismissed_at IS NOT NULL)
          ORDER BY bm25(paper_fts, 3.0, 1.0, 0.5) LIMIT ?
          """,
        arguments: [expression, excludedID, limit])
    }
  }
}
