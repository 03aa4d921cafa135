import FolioCore
import Foundation
import GRDB

/// Merges incoming papers into the `paper` table within one transaction.
struct ImportMerger {
  let db: Database
  let now: Date
  /// `now` as stored, made once rather than formatted again for every row.
  private let nowValue: DatabaseValue
  var summary = ImportSummary()
  /// The `seq` the next new paper gets: assigned here rather than by SQLite, because the
  /// sort key that goes in the same INSERT is made from it.
  private var nextSeq: Int64
  /// The full-text index's share of the import, written at the end.
  private var fullText: FullTextBatch
  /// Words already added to `search_term` by this import.
  private var knownTerms: Set<String> = []
  /// Hashes of the ids, arXiv ids and title keys stored by this import, when the library was
  /// empty before it (nil otherwise).
  private var seenInThisImport: SeenKeys?

  /// Hashes of keys: a miss means never seen; a hit is checked in the database.
  private struct SeenKeys {
    var ids: Set<Int> = []
    var arxivIDs: Set<Int> = []
    var titleKeys: Set<Int> = []

    mutating func insert(_ paper: Paper, titleKey: String) {
      ids.insert(paper.id.hashValue)
      if let arxivID = paper.arxivID { arxivIDs.insert(arxivID.hashValue) }
      titleKeys.insert(titleKey.hashValue)
    }
  }

  init(db: Database, now: Date) throws {
    self.db = db
    self.now = now
    nowValue = now.databaseValue
    let lastSeq = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM paper")
    nextSeq = (lastSeq ?? 0) + 1
    fullText = try FullTextBatch(db: db, firstNewSeq: nextSeq)
    if lastSeq == nil { seenInThisImport = SeenKeys() }
  }

  /// Completes the import's changes: brings the full-text index up to date.
  mutating func finish() throws {
    try fullText.finish()
  }

  /// Adds `incoming`, or merges it into the stored copy; with `onlyIfKnown`, a paper the
  /// library does not have is skipped instead.
  mutating func add(_ incoming: Paper, onlyIfKnown: Bool = false) throws {
    // A day the sort key cannot order (or a source's nonsense date): left out, and said.
    guard incoming.day.isSupported, incoming.published?.isSupported ?? true else {
      summary.skipped += 1
      summary.outOfRange += 1
      return
    }
    let titleKey = incoming.titleKey
    let (seq, existing): (Int64, Paper)
    let match = try find(incoming, titleKey: titleKey)
    switch match {
    case .found(let foundSeq, let foundPaper): (seq, existing) = (foundSeq, foundPaper)
    case .none, .keptApart:
      if onlyIfKnown {
        summary.skipped += 1
        return
      }
      try insert(incoming, titleKey: titleKey)
      summary.new += 1
      if case .keptApart = match { summary.keptApart += 1 }
      return
    case .tooMany:
      summary.skipped += 1
      summary.sameTitle += 1
      return
    }
    let merged = existing.merging(incoming)
    if merged == existing {
      summary.unchanged += 1
      return
    }
    try update(seq: seq, to: merged)
    // A later copy saying the same is stored (its date decides the next merge) but is not
    // news: nothing the user sees changed.
    var seen = merged
    seen.revised = existing.revised
    if seen == existing {
      summary.unchanged += 1
    } else {
      summary.updated += 1
    }
  }

  /// What the library holds of an incoming paper.
  private enum Match {
    /// This stored paper (`seq`) is another copy of it.
    case found(Int64, Paper)
    /// Nothing.
    case none
    /// Papers with the same title key that are not it (other authors, another abstract):
    /// it is added beside them.
    case keptApart
    /// ``maxPapersPerTitleKey`` papers with its title key, none of them it: it is left out.
    case tooMany
  }

  /// Papers with one title key an import compares a paper with: different papers with one
  /// title are rare ("Introduction"); a file of thousands with one title and different
  /// authors would otherwise make every import compare each with all the others.
  static let maxPapersPerTitleKey = 8

  /// The stored paper `incoming` is another copy of: same arXiv id, or same title key
  /// where at most one side has an arXiv id and the authors and abstract do not say
  /// otherwise (``FolioCore/PaperIdentity/maySamePaper(_:_:)``).
  private func find(_ incoming: Paper, titleKey: String) throws -> Match {
    // Filling an empty library, only this import's own papers can match: most papers are
    // seen for the first time, which the in-memory sets tell without asking SQLite.
    if let seen = seenInThisImport {
      let arxivSeen = incoming.arxivID.map { seen.arxivIDs.contains($0.hashValue) } ?? false
      if !arxivSeen && !seen.titleKeys.contains(titleKey.hashValue) { return .none }
    }
    if let arxivID = incoming.arxivID {
      let statement = try db.cachedStatement(sql: Self.findByArxivID)
      if let row = try Row.fetchOne(statement, arguments: [arxivID]) {
        return .found(row["seq"], PaperColumns.paper(row))
      }
    }
    let statement = try db.cachedStatement(sql: Self.findByTitleKey)
    let rows = try Row.fetchAll(statement, arguments: [titleKey, incoming.arxivID])
    for row in rows {
      let paper = PaperColumns.paper(row)
      if PaperIdentity.maySamePaper(paper, incoming) { return .found(row["seq"], paper) }
    }
    if rows.isEmpty { return .none }
    return rows.count >= Self.maxPapersPerTitleKey ? .tooMany : .keptApart
  }

  private static let selectPaper =
    "SELECT seq, \(PaperColumns.paperColumnNames.joined(separator: ", ")) FROM paper"
  private static let findByArxivID = "\(selectPaper) WHERE arxiv_id = ?"
  private static let findByTitleKey =
    "\(selectPaper) WHERE title_key = ? AND (? IS NULL OR arxiv_id IS NULL) ORDER BY seq LIMIT \(maxPapersPerTitleKey)"
  private static let insertColumns =
    PaperColumns.paperColumnNames + ["seq", "sort_key", "added_at", "updated_at"]
  private static let insertPaper =
    "INSERT INTO paper (\(insertColumns.joined(separator: ", "))) VALUES (\(insertColumns.map { _ in "?" }.joined(separator: ", ")))"
  private static let updatePaper =
    "UPDATE paper SET \(PaperColumns.paperColumnNames.map { "\($0) = ?" }.joined(separator: ", ")), sort_key = ?, updated_at = ? WHERE seq = ?"

  private mutating func insert(_ incoming: Paper, titleKey: String) throws {
    var paper = incoming
    if paper.arxivID == nil {
      paper.id = try unusedHashID(for: paper, titleKey: titleKey)
    }
    let seq = nextSeq
    nextSeq += 1
    let statement = try db.cachedStatement(sql: Self.insertPaper)
    let sortKey = SortKey.make(day: paper.day, upvotes: paper.upvotes, seq: seq)
    try statement.execute(
      arguments: StatementArguments(
        PaperColumns.values(paper, titleKey: titleKey) + [seq, sortKey, nowValue, nowValue]))
    fullText.inserted(seq: seq, sortKey: sortKey)
    seenInThisImport?.insert(paper, titleKey: titleKey)
    try recordTerms(of: paper)
  }

  /// Adds the words of `paper`'s indexed text to `search_term`, as the full-text index
  /// tokenizes them (``FolioCore/SearchTokenizer``).
  private mutating func recordTerms(of paper: Paper) throws {
    if fullText.listsWordsAtEnd { return }
    let statement = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO search_term (term) VALUES (?)")
    for text in [paper.title, paper.abstract] + paper.authors {
      for term in SearchTokenizer.tokens(text) where knownTerms.insert(term).inserted {
        try statement.execute(arguments: [term])
      }
    }
  }

  /// The title hash id, or a salted one in the (astronomically rare) case that another title
  /// already hashes to it.
  private func unusedHashID(for paper: Paper, titleKey key: String) throws -> String {
    var candidate = paper.id
    var salt = 1
    let statement = try db.cachedStatement(sql: "SELECT 1 FROM paper WHERE id = ?")
    func isTaken(_ id: String) throws -> Bool {
      if let seen = seenInThisImport, !seen.ids.contains(id.hashValue) { return false }
      return try Bool.fetchOne(statement, arguments: [id]) != nil
    }
    while try isTaken(candidate) {
      salt += 1
      candidate = PaperIdentity.titleHash("\(key)#\(salt)")
    }
    return candidate
  }

  private mutating func update(seq: Int64, to paper: Paper) throws {
    try fullText.willUpdate(seq: seq)
    let statement = try db.cachedStatement(sql: Self.updatePaper)
    let sortKey = SortKey.make(day: paper.day, upvotes: paper.upvotes, seq: seq)
    try statement.execute(
      arguments: StatementArguments(PaperColumns.values(paper) + [sortKey, nowValue, seq]))
    seenInThisImport?.insert(paper, titleKey: paper.titleKey)
    try recordTerms(of: paper)
  }
}
