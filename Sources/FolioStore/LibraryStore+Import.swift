import FolioCore
import Foundation
import GRDB

extension LibraryStore {
  /// Imports one file's papers in a single transaction: all of them or, if `produce` or the
  /// database throws, none.
  ///
  /// `produce` feeds papers to the session (see ``FolioCore/PaperSink``). Each is merged with
  /// what the library already has (see ``FolioCore/Paper/merging(_:)``): found by arXiv id,
  /// else by normalised title, so a title first seen without an arXiv id is upgraded in
  /// place when one arrives, keeping its read/starred state and note. The run is recorded in
  /// `import_run`. `progress` hears how far the import is, every so often.
  ///
  /// Errors from `produce` are rethrown as they are; database failures become ``StoreError``.
  @discardableResult
  public func importPapers(
    file: String, format: String, source: String,
    progress: ((ImportProgress) -> Void)? = nil,
    _ produce: (inout ImportSession) throws -> Void
  ) throws -> ImportSummary {
    if isReadOnly { throw StoreError.readOnly(path: path) }
    let started = Date()
    do {
      return try retryingWhileBusy {
        try writer.write { db in
          // A large import touches far more index pages than the default 2 MB cache holds;
          // spilling them to the WAL mid-transaction costs more than the memory.
          try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
          defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
          var session = ImportSession(
            merger: try ImportMerger(db: db, now: started), onProgress: progress)
          try produce(&session)
          try session.merger.finish()
          let summary = session.merger.summary
          try db.execute(
            sql: """
              INSERT INTO import_run (file, format, source, started_at, finished_at, new_count,
                updated_count, unchanged_count, skipped_count)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              file, format, source, started, Date(), summary.new, summary.updated,
              summary.unchanged, summary.skipped,
            ])
          return summary
        }
      }
    } catch let error as DatabaseError {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// The page cache of the connection doing an import, in KiB.
  static let importCacheKiB = 64 * 1024

  /// The number of import runs recorded; zero for a library that never imported anything.
  public func importRunCount() throws(StoreError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") ?? 0 }
  }
}

/// Merges incoming papers into the `paper` table within one transaction.
struct ImportMerger {
  let db: Database
  let now: Date
  var summary = ImportSummary()
  /// The `seq` the next new paper gets: assigned here rather than by SQLite, because the
  /// sort key that goes in the same INSERT is made from it.
  private var nextSeq: Int64
  /// The full-text index's share of the import, written at the end.
  private var fullText: FullTextBatch
  /// Words already added to `search_term` by this import.
  private var knownTerms: Set<String> = []

  init(db: Database, now: Date) throws {
    self.db = db
    self.now = now
    let lastSeq = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM paper")
    nextSeq = (lastSeq ?? 0) + 1
    fullText = try FullTextBatch(db: db, firstNewSeq: nextSeq)
  }

  /// Completes the import's changes: brings the full-text index up to date.
  mutating func finish() throws {
    try fullText.finish()
  }

  /// Adds `incoming`, or merges it into the stored copy; with `onlyIfKnown`, a paper the
  /// library does not have is skipped instead.
  mutating func add(_ incoming: Paper, onlyIfKnown: Bool = false) throws {
    guard let (seq, existing) = try find(incoming) else {
      if onlyIfKnown {
        summary.skipped += 1
        return
      }
      try insert(incoming)
      summary.new += 1
      return
    }
    let merged = existing.merging(incoming)
    if merged == existing {
      summary.unchanged += 1
    } else {
      try update(seq: seq, to: merged)
      summary.updated += 1
    }
  }

  /// The stored paper `incoming` is another copy of: same arXiv id, or same normalised title
  /// where at most one side has an arXiv id.
  private func find(_ incoming: Paper) throws -> (Int64, Paper)? {
    let select = "SELECT seq, \(PaperColumns.paperColumnNames.joined(separator: ", ")) FROM paper"
    if let arxivID = incoming.arxivID {
      let statement = try db.cachedStatement(sql: "\(select) WHERE arxiv_id = ?")
      if let row = try Row.fetchOne(statement, arguments: [arxivID]) {
        return (row["seq"], PaperColumns.paper(row))
      }
    }
    let statement = try db.cachedStatement(
      sql: "\(select) WHERE title_key = ? AND (? IS NULL OR arxiv_id IS NULL) ORDER BY seq LIMIT 1")
    if let row = try Row.fetchOne(statement, arguments: [incoming.titleKey, incoming.arxivID]) {
      return (row["seq"], PaperColumns.paper(row))
    }
    return nil
  }

  private mutating func insert(_ incoming: Paper) throws {
    var paper = incoming
    if paper.arxivID == nil {
      paper.id = try unusedHashID(for: paper)
    }
    let seq = nextSeq
    nextSeq += 1
    let names = PaperColumns.paperColumnNames + ["seq", "sort_key", "added_at", "updated_at"]
    let statement = try db.cachedStatement(
      sql:
        "INSERT INTO paper (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
    )
    let sortKey = SortKey.make(day: paper.day, upvotes: paper.upvotes, seq: seq)
    try statement.execute(
      arguments: StatementArguments(PaperColumns.values(paper) + [seq, sortKey, now, now]))
    fullText.inserted(seq: seq, sortKey: sortKey)
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
  private func unusedHashID(for paper: Paper) throws -> String {
    let key = paper.titleKey
    var candidate = paper.id
    var salt = 1
    let statement = try db.cachedStatement(sql: "SELECT 1 FROM paper WHERE id = ?")
    while try Bool.fetchOne(statement, arguments: [candidate]) != nil {
      salt += 1
      candidate = PaperIdentity.titleHash("\(key)#\(salt)")
    }
    return candidate
  }

  private mutating func update(seq: Int64, to paper: Paper) throws {
    try fullText.willUpdate(seq: seq)
    let names = PaperColumns.paperColumnNames
    let statement = try db.cachedStatement(
      sql:
        "UPDATE paper SET \(names.map { "\($0) = ?" }.joined(separator: ", ")), sort_key = ?, updated_at = ? WHERE seq = ?"
    )
    let sortKey = SortKey.make(day: paper.day, upvotes: paper.upvotes, seq: seq)
    try statement.execute(
      arguments: StatementArguments(PaperColumns.values(paper) + [sortKey, now, seq]))
    try recordTerms(of: paper)
  }
}

/// How far an import has got.
public struct ImportProgress: Sendable {
  /// Papers handled so far (new, updated, unchanged or skipped).
  public var papers: Int
  /// Bytes of the input read so far, when the importer says.
  public var bytesRead: Int
}

/// The receiving end of one import: importers hand it papers; it merges them into the
/// library inside the import's transaction.
public struct ImportSession: PaperSink {
  var merger: ImportMerger
  let onProgress: ((ImportProgress) -> Void)?
  private var bytesRead = 0
  private var handled = 0

  init(merger: ImportMerger, onProgress: ((ImportProgress) -> Void)?) {
    self.merger = merger
    self.onProgress = onProgress
  }

  public mutating func add(_ paper: Paper) throws {
    try merger.add(paper)
    counted()
  }

  public mutating func update(_ paper: Paper) throws {
    try merger.add(paper, onlyIfKnown: true)
    counted()
  }

  public mutating func skip(_ problem: ImportError) {
    merger.summary.skipped += 1
    counted()
  }

  public mutating func progress(bytesRead: Int) {
    self.bytesRead = bytesRead
    onProgress?(ImportProgress(papers: handled, bytesRead: bytesRead))
  }

  /// What the import has done so far.
  public var summary: ImportSummary { merger.summary }

  private mutating func counted() {
    handled += 1
    if handled % 1000 == 0 { onProgress?(ImportProgress(papers: handled, bytesRead: bytesRead)) }
  }
}
