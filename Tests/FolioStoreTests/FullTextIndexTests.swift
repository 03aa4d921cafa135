import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// The full-text index stays exact whether an import fills an empty library (index built once
/// at the end) or adds to a library row by row.
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

  func testLaterImportsKeepTheIndexUpToDateRowByRow() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("First", abstract: "alpha", arxivID: "2401.00001")])
    try store.add([
      makePaper("First", abstract: "beta", arxivID: "2401.00001"),
      makePaper("Second", abstract: "gamma"),
    ])
    try assertIndexIsConsistent(store)
    XCTAssertEqual(try matches(store, "alpha"), [])
    XCTAssertEqual(try matches(store, "beta"), ["First"])
    XCTAssertEqual(try matches(store, "gamma"), ["Second"])
  }

  func testAFailedFirstImportLeavesTheTriggersAndNoPapers() throws {
    struct Broken: Error {}
    let store = try LibraryStore.inMemory()
    XCTAssertThrowsError(
      try store.importPapers(file: "bad", format: "text", source: "text") { session in
        try session.add(makePaper("Half"))
        throw Broken()
      })
    XCTAssertEqual(try store.count(), 0)
    XCTAssertEqual(
      try triggerNames(store), ["paper_fts_delete", "paper_fts_insert", "paper_fts_update"])
    try store.add([makePaper("Whole", abstract: "delta")])
    XCTAssertEqual(try matches(store, "delta"), ["Whole"])
    try assertIndexIsConsistent(store)
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

  private func triggerNames(_ store: LibraryStore) throws -> [String] {
    try store.writer.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
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
