import FolioCore
import Foundation
import GRDB

/// Ranking by the for-you model: what `folio list --sort for-you`, `folio why` and the
/// reader's For you view read.
extension LibraryStore {
  /// The most papers a ranking scores one by one: a selection up to this size (a week of
  /// listings is about 2,100) is ranked exactly; a larger one is narrowed to candidates first.
  /// Scoring costs 60-100 µs a paper (folio-bench foryou), so this bounds a ranking's
  /// scoring to about 0.3 s.
  public static let forYouExactCap = 4_000
  /// Candidates a large selection is narrowed to (``forYouCandidateKeys(_:model:terms:)``),
  /// scored exactly: about 30 ms of scoring.
  public static let forYouCandidateCap = 4_000
  /// Papers each candidate word votes for: the newest holding it.
  public static let forYouCandidatePostings = 20_000
  /// The model's words the candidates are searched for.
  public static let forYouCandidateTerms = 32
  /// Words in more than this share of the papers (and more than ``forYouCandidatePostings``)
  /// are not searched for: they select little (0.65 s of a ranking of a million papers went
  /// to ranking the matches of six such words when candidates were the best BM25 matches).
  public static let forYouCandidateTermShare = 0.02
  /// Starred papers compared with a paper for ``forYouStarredNeighbours(of:limit:)``: the
  /// most recently starred.
  public static let forYouNeighbourCap = 2_000

  /// The papers `filter` selects, ranked by the library's for-you model, at most `limit`;
  /// nil while there is no model (fewer than three positive signals: the cold start).
  /// Dismissed papers are left out unless the filter shows them.
  public func forYouRanking(_ filter: PaperFilter, limit: Int) throws(StoreError)
    -> ForYouRanking?
  {
    try forYouRanking(filter, limit: limit, exactCap: Self.forYouExactCap)
  }

  /// ``forYouRanking(_:limit:)`` with another exact cap (tests take the candidate path on a
  /// small library with it).
  public func forYouRanking(
    _ filter: PaperFilter, limit: Int, exactCap: Int
  ) throws(StoreError) -> ForYouRanking? {
    guard let model = try forYouModel() else { return nil }
    let limit = max(0, limit)
    let exactCap = min(max(0, exactCap), Int.max - 1)
    let columns = "p.sort_key AS listing_key, p.id, \(Self.documentColumns)"
    return try read { db in
      var (condition, arguments) = filter.whereClause
      // "Since day d" (the For you view's week) as a range of sort keys too, so the
      // selection is an index range instead of a pass over every paper; the day condition
      // itself still holds.
      if let floor = filter.condition.flatMap(Self.earliestDay) {
        condition += " AND p.sort_key >= ?"
        _ = arguments.append(contentsOf: [SortKey.range(of: floor).lowerBound])
      }
      let selected =
        try Int.fetchOne(
          db,
          sql:
            "SELECT count(*) FROM (SELECT 1 FROM \(filter.fromClause) WHERE \(condition) LIMIT ?)",
          arguments: arguments + [exactCap + 1]) ?? 0
      var isExact = true
      let sql: String
      var sqlArguments: StatementArguments
      // A word in up to forYouCandidatePostings papers costs no more to walk than the cap.
      let papers = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM paper") ?? 0
      let terms = model.candidateTerms(
        limit: Self.forYouCandidateTerms,
        maximumShare: max(
          Self.forYouCandidateTermShare,
          Double(Self.forYouCandidatePostings) / Double(max(papers, 1))))
      if selected <= exactCap || terms.isEmpty {
        isExact = selected <= exactCap
        // No words to search for (a model of authors only): the newest papers stand in.
        sql = """
          SELECT \(columns) FROM \(filter.fromClause) WHERE \(condition)
          ORDER BY \(filter.sortKeyColumn) DESC LIMIT \(exactCap)
          """
        sqlArguments = arguments
      } else {
        isExact = false
        // The selection's papers among the candidates (their sort keys as one JSON array).
        let keys = try Self.forYouCandidateKeys(db, model: model, terms: terms)
        sql = """
          SELECT \(columns) FROM \(filter.fromClause)
          WHERE \(condition) AND p.sort_key IN (SELECT value FROM json_each(?))
          """
        sqlArguments = arguments
        _ = sqlArguments.append(
          contentsOf: ["[" + keys.map(String.init).joined(separator: ",") + "]"])
      }
      var scored: [(key: Int64, id: String, score: Double)] = []
      let rows = try Row.fetchCursor(db, sql: sql, arguments: sqlArguments)
      while let row = try rows.next() {
        scored.append((row["listing_key"], row["id"], model.score(Self.document(row))))
      }
      if !isExact, scored.count < limit {
        // A selection the candidates hardly reach (a filter far from the reader's words):
        // its newest papers stand in, as when the model has no words.
        let seen = Set(scored.map(\.key))
        let newest = try Row.fetchCursor(
          db,
          sql: """
            SELECT \(columns) FROM \(filter.fromClause) WHERE \(condition)
            ORDER BY \(filter.sortKeyColumn) DESC LIMIT \(exactCap)
            """, arguments: arguments)
        while let row = try newest.next() {
          guard !seen.contains(row["listing_key"]) else { continue }
          scored.append((row["listing_key"], row["id"], model.score(Self.document(row))))
        }
      }
      // Best first; equal scores in listing order (newest first).
      scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key > $1.key }
      let top = scored.prefix(limit)
      var scores: [String: Double] = [:]
      for entry in top { scores[entry.id] = entry.score }
      return ForYouRanking(ids: top.map(\.id), scores: scores, isExact: isExact)
    }
  }

  /// The sort keys of the papers most likely to score highest, at most
  /// ``forYouCandidateCap``: each of `terms` votes for the newest ``forYouCandidatePostings``
  /// papers holding it (a walk of its posting list by row id, without ranking) with its
  /// weight times its IDF, as it would count in a score; the most voted win. A paper's score
  /// is mostly its heaviest words, so this approximates the ranking at a bounded cost.
  static func forYouCandidateKeys(
    _ db: Database, model: ForYouModel, terms: [String]
  ) throws -> [Int64] {
    var votes: [Int64: Double] = [:]
    votes.reserveCapacity(4 * forYouCandidatePostings)
    let statement = try db.cachedStatement(
      sql: "SELECT rowid FROM paper_fts WHERE paper_fts MATCH ? ORDER BY rowid DESC LIMIT ?")
    for term in terms {
      let vote = (model.weights[term] ?? 0) * (model.idf[term] ?? model.defaultIDF)
      let keys = try Int64.fetchCursor(
        statement, arguments: [TextMatch.phrase([term]).fts, forYouCandidatePostings])
      while let key = try keys.next() { votes[key, default: 0] += vote }
    }
    return votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
      .prefix(forYouCandidateCap).map(\.key)
  }

  /// The earliest listing day `predicate` allows, when it says so at its top level (a day
  /// comparison, alone or in an AND): a bound the sort key index can walk.
  static func earliestDay(_ predicate: PaperPredicate) -> Day? {
    switch predicate {
    case .day(.greaterOrEqual, let day), .day(.greater, let day), .day(.equal, let day):
      return day
    case .and(let children):
      return children.compactMap(earliestDay).max()
    default:
      return nil
    }
  }

  /// Why paper `id` scores as it does under the library's model; nil with no model.
  public func forYouExplanation(id: String) throws(StoreError) -> ForYouExplanation? {
    guard let model = try forYouModel() else { return nil }
    let document = try read { db in
      let seq = try Self.requireSeq(id, db)
      return try Self.documents(db, seqs: [seq])[seq]
    }
    guard let document else { return nil }
    return ForYouExplanation(score: model.score(document), contributions: model.explain(document))
  }

  /// The starred papers most like paper `id`, most alike first, with their cosine similarity
  /// under the model's feature vectors (0…1): for `folio why`. Compares with the
  /// ``forYouNeighbourCap`` most recently starred papers; nil with no model.
  public func forYouStarredNeighbours(
    of id: String, limit: Int
  ) throws(StoreError) -> [(id: String, similarity: Double)]? {
    guard let model = try forYouModel() else { return nil }
    return try read { db in
      let seq = try Self.requireSeq(id, db)
      guard let target = try Self.documents(db, seqs: [seq])[seq] else { return [] }
      let vector = model.vector(target)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT p.seq, p.id, \(Self.documentColumns) FROM paper_state s
          JOIN paper p ON p.seq = s.paper_seq
          WHERE s.starred_at IS NOT NULL AND p.seq != ?
          ORDER BY s.starred_at DESC, p.seq DESC LIMIT ?
          """, arguments: [seq, Self.forYouNeighbourCap])
      var similar: [(id: String, similarity: Double)] = []
      for row in rows {
        var dot = 0.0
        for (key, value) in model.vector(Self.document(row)) { dot += (vector[key] ?? 0) * value }
        if dot > 0 { similar.append((row["id"], dot)) }
      }
      similar.sort {
        $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.id < $1.id
      }
      return Array(similar.prefix(max(0, limit)))
    }
  }

  /// Records that the papers `ids` were read full screen or had their link opened, at `at`,
  /// in one transaction. Keeps the first time, like ``setStarred(_:ids:)``; the first unknown
  /// id throws ``StoreError/unknownPaper(id:)`` and nothing changes.
  public func recordSignal(_ signal: ViewSignal, ids: [String], at: Date) throws(StoreError) {
    let column =
      switch signal {
      case .viewed: "viewed_at"
      case .opened: "opened_at"
      }
    try setTimestamp(column, on: true, ids: ids, at: at)
  }
}
