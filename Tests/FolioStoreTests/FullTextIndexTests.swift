import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// The full-text index stays exact whether an import fills an empty library or adds to one,
/// and is written in rowid order, so that an import makes one segment, not one per paper.
final class FullTextIndexTests: XCTestCase {
  func testFillingAnEmptyLibraryIndexesTheFinalTextOfEveryPaper() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      makePaper("Draft", abstract: "obsolete wording", arxivID: "2401.00001"),
      makePaper("Other", abstract: "kept wording"),
      // The same paper again in the same file, revised: only its final text is indexed.
      makePaper("Draft", abstract: "revised wording", arxivID: "2401.00001"),
    ])
    try assertIndexIsConsistent(store)
    XCTAssertEqual(try matches(store, "obsolete"), [])
    XCTAssertEqual(try matches(store, "revised"), ["Draft"])
    XCTAssertEqual(try matches(store, "wording").sorted(), ["Draft", "Other"])
    XCTAssertEqual(
      try triggerNames(store), ["paper_fts_delete", "paper_fts_insert", "paper_fts_update"])
  }

  func testLaterImportsReplaceChangedEntriesAndAddNewOnes() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      makePaper("First", abstract: "alpha", arxivID: "2401.00001"),
      makePaper("Kept", abstract: "epsilon", arxivID: "2401.00002"),
    ])
    try store.add([
      makePaper("First", abstract: "beta", arxivID: "2401.00001"),
      makePaper("Second", abstract: "gamma", arxivID: "2401.00003"),
      // A paper new in this import, revised later in the same file.
      makePaper("Second", abstract: "zeta", arxivID: "2401.00003"),
      // A stored paper changed twice in the same file: its old entry goes once.
      makePaper("First", abstract: "theta", arxivID: "2401.00001"),
    ])
    try assertIndexIsConsistent(store)
    XCTAssertEqual(try matches(store, "alpha"), [])
    XCTAssertEqual(try matches(store, "beta"), [])
    XCTAssertEqual(try matches(store, "theta"), ["First"])
    XCTAssertEqual(try matches(store, "gamma"), [])
    XCTAssertEqual(try matches(store, "zeta"), ["Second"])
    XCTAssertEqual(try matches(store, "epsilon"), ["Kept"])
    XCTAssertEqual(
      try triggerNames(store), ["paper_fts_delete", "paper_fts_insert", "paper_fts_update"])

    // Again, on the same connection: the import's scratch tables are made afresh.
    try store.add([
      makePaper("First", abstract: "omicron", arxivID: "2401.00001"),
      makePaper("Third", abstract: "sigma", arxivID: "2401.00004"),
    ])
    try assertIndexIsConsistent(store)
    XCTAssertEqual(try matches(store, "theta"), [])
    XCTAssertEqual(try matches(store, "omicron"), ["First"])
    XCTAssertEqual(try matches(store, "sigma"), ["Third"])
  }

  func testAChangedSortKeyMovesTheEntry() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("Voted", abstract: "kappa", arxivID: "2401.00001", upvotes: 3)])
    try store.add([makePaper("Voted", abstract: "kappa", arxivID: "2401.00001", upvotes: 40)])
    try assertIndexIsConsistent(store)
    XCTAssertEqual(try matches(store, "kappa"), ["Voted"])
  }

  func testAnImportWritesItsEntriesAsOneSegment() throws {
    // Papers over several days and upvotes: their sort keys (the index's rowids) fall and
    // rise in file order. Written in file order, FTS5 would flush a segment at nearly
    // every paper and merge them over and over.
    func papers(_ range: Range<Int>) -> [Paper] {
      range.map { n in
        makePaper(
          "Paper \(n)", abstract: "words \(n % 7) shared across papers",
          arxivID: String(format: "2401.%05d", n), day: testDay.adding(days: -(n % 5)),
          upvotes: n % 3 == 0 ? nil : n % 11)
      }
    }
    let store = try LibraryStore.inMemory()
    try store.add(papers(0..<600))
    XCTAssertEqual(try segmentCount(store), 1)
    try store.add(papers(600..<1200))
    XCTAssertEqual(try segmentCount(store), 2)
    try assertIndexIsConsistent(store)
    XCTAssertEqual(try matches(store, "shared").count, 1200)
  }

  func testAFailedImportLeavesTheTriggersIndexAndPapersAsTheyWere() throws {
    struct Broken: Error {}
    for seeded in [false, true] {
      let store = try LibraryStore.inMemory()
      if seeded { try store.add([makePaper("Seed", abstract: "iota", arxivID: "2401.00001")]) }
      XCTAssertThrowsError(
        try store.importPapers(file: "bad", format: "text", source: "text") { session in
          try session.add(makePaper("Half"))
          try session.add(makePaper("Seed", abstract: "lambda", arxivID: "2401.00001"))
          throw Broken()
        })
      XCTAssertEqual(try store.count(), seeded ? 1 : 0)
      XCTAssertEqual(
        try triggerNames(store), ["paper_fts_delete", "paper_fts_insert", "paper_fts_update"])
      XCTAssertEqual(try matches(store, "iota"), seeded ? ["Seed"] : [])
      try store.add([makePaper("Whole", abstract: "delta")])
      XCTAssertEqual(try matches(store, "delta"), ["Whole"])
      XCTAssertEqual(try matches(store, "lambda"), [])
      try assertIndexIsConsistent(store)
    }
  }

  private func matches(_ store: LibraryStore, _ term: String) throws -> [String] {
    try store.writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT paper.title FROM paper_fts JOIN paper ON paper.sort_key = paper_fts.rowid
          WHERE paper_fts MATCH ?
          """, arguments: [term])
    }
  }

  /// The segments the index is stored in (FTS5's `%_idx` table: one row per segment and
  /// leaf range).
  private func segmentCount(_ store: LibraryStore) throws -> Int {
    try store.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM paper_fts_idx") ?? 0
    }
  }

  private func triggerNames(_ store: LibraryStore) throws -> [String] {
    try store.writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'paper_fts%'
          ORDER BY name
          """)
    }
  }

  private func assertIndexIsConsistent(
    _ store: LibraryStore, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    XCTAssertNoThrow(
      try store.writer.write { db in
        try db.execute(sql: "INSERT INTO paper_fts(paper_fts, rank) VALUES ('integrity-check', 1)")
      }, file: file, line: line)
  }
}

/// `search_term` holds exactly the words the full-text index holds, so expanding a prefix to
/// its words finds what the prefix query finds.
final class SearchTermTests: XCTestCase {
  func testSearchTermsAreTheIndexedWords() throws {
    for fillsEmptyLibrary in [true, false] {
      let store = try LibraryStore.inMemory()
      if !fillsEmptyLibrary { try store.add([makePaper("Seed paper")]) }
      let context = ImportContext(file: "sample", day: testDay, source: "sample")
      try store.importPapers(file: "sample", format: "text", source: "sample") { session in
        try TextListingImporter().read(BundledSample.bytes, context: context, into: &session)
        try session.add(
          Paper.fromSource(
            title: "Ünïcödé Tîtlé: 大規模言語モデル, naïve café — Ωmega 𝛼-β Ελληνικά άλφα",
            abstract: "Ligatures ﬁne, full-width ＡＢＣ１２３, Straße, İstanbul, ǅemal, ½ ² ⅷ, Йод.",
            authors: ["Zoë Müller", "山田 太郎", "O\"Brien \\ Back"], day: testDay,
            source: "hf")!)
      }
      try store.add([makePaper("Seed paper", abstract: "Revised with quantisation.")])
      let (indexed, recorded) = try store.writer.read { db in
        (
          Set(try String.fetchAll(db, sql: "SELECT term FROM paper_fts_vocab")),
          Set(try String.fetchAll(db, sql: "SELECT term FROM search_term"))
        )
      }
      XCTAssertGreaterThan(indexed.count, 500)
      XCTAssertTrue(indexed.contains("quantisation"), "an update's words are indexed")
      XCTAssertEqual(indexed.subtracting(recorded), [], "indexed but not recorded")
      // The seed's first abstract ("An abstract.") was replaced; its word stays recorded,
      // which is harmless: expanded to, it matches nothing.
      XCTAssertEqual(
        recorded.subtracting(indexed), fillsEmptyLibrary ? [] : ["abstract"],
        "recorded but not indexed")
    }
  }

  func testATermListIsGivenOnlyWhenShort() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      makePaper("Learning to learn", abstract: "Learned learners learnt learnable things.")
    ])
    XCTAssertEqual(
      try store.searchTerms(startingWith: "learn", limit: 10),
      ["learn", "learnable", "learned", "learners", "learning", "learnt"])
    XCTAssertNil(try store.searchTerms(startingWith: "learn", limit: 5))
    XCTAssertEqual(try store.searchTerms(startingWith: "zebra", limit: 5), [])
  }
}
