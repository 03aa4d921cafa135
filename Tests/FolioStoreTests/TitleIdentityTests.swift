import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// Papers without an arXiv id are found by title key: titles that differ in letters, digits or
/// symbols are different papers, and a same-titled paper by other authors about something
/// else is kept apart instead of replacing the stored one.
final class TitleIdentityTests: XCTestCase {
  func testCPlusPlusAndCSharpAreTwoPapersAndTheNoteStays() throws {
    // "0 new, 1 updated": the C++ paper's title and abstract were gone, its note on C#.
    let store = try LibraryStore.inMemory()
    let cpp = makePaper("Learning C++ Programs from Examples", abstract: "Templates.")
    try store.add([cpp])
    try store.setStarred(true, ids: [cpp.id])
    try store.setNote("read section 3", id: cpp.id)
    let summary = try store.add([makePaper("Learning C# Programs from Examples", abstract: "LINQ.")]
    )
    XCTAssertEqual(summary, ImportSummary(new: 1))
    let stored = try store.papers().map { ($0.paper.title, $0.paper.abstract, $0.state.note) }
    XCTAssertEqual(
      stored.map(\.0),
      ["Learning C++ Programs from Examples", "Learning C# Programs from Examples"])
    XCTAssertEqual(stored.map(\.1), ["Templates.", "LINQ."])
    XCTAssertEqual(stored.map(\.2), ["read section 3", nil])
    XCTAssertEqual(Set(try store.papers().map(\.paper.id)).count, 2, "distinct ids")
  }

  func testTitlesOfSymbolsOnlyAreDifferentPapers() throws {
    let store = try LibraryStore.inMemory()
    let titles = ["🚀", "🔥", "∑∫∂", "?!…", "!!!"]
    XCTAssertEqual(try store.add(titles.map { makePaper($0) }), ImportSummary(new: 5))
    XCTAssertEqual(try store.add(titles.map { makePaper($0) }), ImportSummary(unchanged: 5))
  }

  func testRestyledTitlesAreStillOnePaper() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("Schrödinger Bridges: “Fast” Self-Supervised α-Learning")])
    let restyled = makePaper(#"schr\"odinger bridges -- "fast" self—supervised $\alpha$-learning."#)
    XCTAssertEqual(try store.add([restyled]), ImportSummary(updated: 1))
    XCTAssertEqual(try store.count(), 1)
  }

  func testASameTitledPaperByOtherAuthorsIsKeptApart() throws {
    let store = try LibraryStore.inMemory()
    func paper(_ authors: [String], _ abstract: String) -> Paper {
      Paper.fromSource(
        title: "Introduction", abstract: abstract, authors: authors, day: testDay, source: "text")!
    }
    let first = paper(["Ada Lovelace"], "Analytical engines compute Bernoulli numbers.")
    try store.add([first])
    try store.setNote("mine", id: first.id)
    let other = paper(["Alan Turing"], "Computable numbers and the decision problem.")
    let summary = try store.add([other])
    XCTAssertEqual(summary, ImportSummary(new: 1, keptApart: 1))
    XCTAssertEqual(
      summary.description,
      "imported 1 new (1 beside a different paper of the same title), 0 updated, 0 unchanged")
    let stored = try store.papers()
    XCTAssertEqual(stored.count, 2)
    XCTAssertEqual(stored.first { $0.state.note == "mine" }?.paper.authors, ["Ada Lovelace"])
    // Each finds itself again; a copy with no authors merges into the first.
    XCTAssertEqual(try store.add([first, other]), ImportSummary(unchanged: 2))
    XCTAssertEqual(try store.add([paper([], "")]).new, 0)
  }

  func testAnAbstractAboutSomethingElseIsKeptApart() throws {
    let store = try LibraryStore.inMemory()
    let words = "diffusion models generate images from noise through many denoising steps learned"
    let others =
      "reinforcement agents explore environments collecting rewards while planning routes carefully"
    try store.add([makePaper("Survey", abstract: words)])
    XCTAssertEqual(try store.add([makePaper("Survey", abstract: others)]).keptApart, 1)
    // A revision of the same abstract is the same paper.
    XCTAssertEqual(
      try store.add([makePaper("Survey", abstract: words + " quickly and well")]).updated, 1)
  }

  func testManyDifferentPapersOfOneTitleAreCapped() throws {
    let store = try LibraryStore.inMemory()
    let papers = (0..<12).map {
      Paper.fromSource(
        title: "Editorial", abstract: "",
        authors: ["Author\(Character(UnicodeScalar(65 + $0)!)) Person\($0)x"],
        day: testDay, source: "text")!
    }
    let summary = try store.add(papers)
    let cap = ImportMerger.maxPapersPerTitleKey
    XCTAssertEqual(summary.new, cap)
    XCTAssertEqual(summary.skipped, 12 - cap)
    XCTAssertEqual(summary.sameTitle, 12 - cap)
    XCTAssertTrue(summary.description.hasSuffix("(4 titled like 8 different papers already)"))
  }

  func testMigratingRecomputesTheStoredTitleKeys() throws {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue, upTo: "v5-search-terms")
    try queue.write { db in
      // Keys as the old rules made them: symbols dropped.
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          VALUES (1, 'a', 'learning c programs', 'Learning C++ Programs', '', '[]', '2026-11-27',
                  't', '{}', NULL, '[]', 0, 0, 1),
                 (2, 'b', '', '🚀', '', '[]', '2026-11-27', 't', '{}', NULL, '[]', 0, 0, 2)
          """)
    }
    try Schema.migrator.migrate(queue)
    let keys = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT title_key FROM paper ORDER BY seq")
    }
    XCTAssertEqual(keys, ["learningc++programs", "🚀"])
    // Past one page of the recomputation.
    try queue.write { db in
      try db.execute(
        sql: """
          WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 2600)
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          SELECT i, 'id' || i, 'old', 'Paper #' || i, '', '[]', '2026-11-27', 't', '{}', NULL,
            '[]', 0, 0, i FROM n
          """)
      try Schema.recomputeTitleKeys(db)
    }
    let last = try queue.read { db in
      try String.fetchOne(db, sql: "SELECT title_key FROM paper WHERE seq = 2600")
    }
    XCTAssertEqual(last, "paper#2600")
    // Idempotent: running the recomputation again changes nothing.
    func allKeys() throws -> [String] {
      try queue.read { db in
        try String.fetchAll(db, sql: "SELECT title_key FROM paper ORDER BY seq")
      }
    }
    let before = try allKeys()
    XCTAssertEqual(Array(before.prefix(2)), keys)
    try queue.write { db in try Schema.recomputeTitleKeys(db) }
    XCTAssertEqual(try allKeys(), before)
  }

  func testAnOldLibraryOpensWithNewKeysAndImportsByThem() throws {
    let directory = try temporaryDirectory(self)
    let path = directory.appendingPathComponent("old.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: "v5-search-terms")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          VALUES (1, 'a', 'learning c programs', 'Learning C++ Programs', 'x', '[]', '2026-11-27',
                  't', '{}', NULL, '[]', 0, 0, 1)
          """)
    }
    try queue.close()
    let store = try LibraryStore.open(at: path)
    XCTAssertEqual(try store.add([makePaper("Learning C# Programs")]), ImportSummary(new: 1))
    XCTAssertEqual(try store.add([makePaper("learning c++ programs.")]), ImportSummary(updated: 1))
  }
}
