import FolioCore
import GRDB
import XCTest

@testable import FolioStore

final class ImportMergeTests: XCTestCase {
  func testReimportAddsNothingAndKeepsState() throws {
    let store = try LibraryStore.inMemory()
    let papers = [makePaper("One"), makePaper("Two"), makePaper("Three")]
    XCTAssertEqual(try store.add(papers), ImportSummary(new: 3))
    try store.setStarred(true, ids: [papers[1].id])
    try store.setRead(true, ids: [papers[2].id])
    XCTAssertEqual(try store.add(papers.reversed()), ImportSummary(unchanged: 3))
    XCTAssertEqual(try store.count(), 3)
    XCTAssertEqual(try store.papers(PaperFilter(state: .starred)).map(\.paper.title), ["Two"])
    XCTAssertEqual(try store.papers(PaperFilter(state: .read)).map(\.paper.title), ["Three"])
  }

  func testStarSurvivesReimportWithArxivID() throws {
    let store = try LibraryStore.inMemory()
    let titleOnly = makePaper("Omni-Scale Feature Learning for Person Re-Identification")
    try store.add([titleOnly])
    try store.setStarred(true, ids: [titleOnly.id])
    try store.setNote("re-ID baseline", id: titleOnly.id)

    let withID = makePaper(
      "Omni-scale feature learning for person re-identification", arxivID: "1905.00953v6",
      source: "hf")
    XCTAssertEqual(try store.add([withID]), ImportSummary(updated: 1))

    XCTAssertEqual(try store.count(), 1)
    let upgraded = try XCTUnwrap(try store.paper(id: "1905.00953"))
    XCTAssertTrue(upgraded.state.isStarred)
    XCTAssertEqual(upgraded.state.note, "re-ID baseline")
    XCTAssertEqual(upgraded.paper.arxivID, "1905.00953")
    XCTAssertNil(try store.paper(id: titleOnly.id), "the hash id is gone after the upgrade")

    // The title-only listing again finds the upgraded paper instead of adding a copy.
    XCTAssertEqual(try store.add([titleOnly]).new, 0)
    XCTAssertEqual(try store.count(), 1)
  }

  func testSameTitleWithDifferentArxivIDsAreTwoPapers() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      makePaper("Introduction", arxivID: "2401.00001"),
      makePaper("Introduction", arxivID: "2401.00002"),
    ])
    XCTAssertEqual(try store.count(), 2)
  }

  func testUpvotesUpdateCountsAsUpdated() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("P", arxivID: "2401.00001", upvotes: 1)])
    XCTAssertEqual(
      try store.add([makePaper("P", arxivID: "2401.00001", upvotes: 5)]), ImportSummary(updated: 1))
    XCTAssertEqual(try store.paper(id: "2401.00001")?.paper.upvotes, 5)
  }

  func testFailedImportCommitsNothing() throws {
    let store = try LibraryStore.inMemory()
    struct Boom: Error {}
    XCTAssertThrowsError(
      try store.importPapers(file: "f", format: "text", source: "text") { session in
        try session.add(makePaper("First"))
        throw Boom()
      }
    ) { XCTAssertTrue($0 is Boom, "the importer's error comes through unchanged") }
    XCTAssertEqual(try store.count(), 0)
    XCTAssertEqual(try store.importRunCount(), 0)
  }

  func testImportRunsAreRecorded() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("A")], file: "a.txt")
    XCTAssertEqual(try store.importRunCount(), 1)
  }

  func testListingOrderIsDayThenUpvotesThenListingOrder() throws {
    let store = try LibraryStore.inMemory()
    let older = testDay.adding(days: -1)
    try store.add([
      makePaper("old", day: older), makePaper("plain-1"), makePaper("voted-2", upvotes: 2),
      makePaper("plain-2"), makePaper("voted-9", upvotes: 9),
    ])
    XCTAssertEqual(
      try store.papers().map(\.paper.title), ["voted-9", "voted-2", "plain-1", "plain-2", "old"])
    XCTAssertEqual(try store.days(), [testDay, older])
    XCTAssertEqual(try store.papers(PaperFilter(day: older)).map(\.paper.title), ["old"])
    XCTAssertEqual(
      try store.papers(limit: 2, offset: 1).map(\.paper.title), ["voted-2", "plain-1"])
  }

  func testFullTextIndexFollowsInsertsAndUpdates() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("Diffusion models", abstract: "We denoise.", arxivID: "2401.00001")])
    try store.add([
      makePaper("Diffusion models", abstract: "We sample quickly.", arxivID: "2401.00001")
    ])
    let matches = try store.read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT p.id FROM paper_fts JOIN paper p ON p.sort_key = paper_fts.rowid WHERE paper_fts MATCH ?",
        arguments: ["quickly"])
    }
    XCTAssertEqual(matches, ["2401.00001"])
    let stale = try store.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM paper_fts WHERE paper_fts MATCH 'denoise'")
    }
    XCTAssertEqual(stale, 0)
    // Throws SQLITE_CORRUPT_VTAB when the index and the table disagree.
    XCTAssertNoThrow(
      try store.writer.write { db in
        try db.execute(sql: "INSERT INTO paper_fts(paper_fts, rank) VALUES ('integrity-check', 1)")
      })
  }
}

final class SortKeyTests: XCTestCase {
  func testSwiftAndSQLComputeTheSameKey() throws {
    let store = try LibraryStore.inMemory()
    for (day, upvotes, seq) in [
      ("2026-11-27", nil, 1), ("2026-11-27", 0, 2), ("1991-08-14", 65_000_000, 3),
      ("1969-12-31", 5, 4),
      ("2099-01-01", 12, 1_000_000_000),
    ] as [(String, Int?, Int64)] {
      let sqlKey = try store.writer.read { db in
        try Int64.fetchOne(
          db, sql: "SELECT \(SortKey.sql) FROM (SELECT ? AS day, ? AS upvotes, ? AS seq)",
          arguments: [day, upvotes, seq])
      }
      XCTAssertEqual(sqlKey, SortKey.make(day: Day(day)!, upvotes: upvotes, seq: seq), day)
    }
  }

  func testDescendingKeysAreTheListingOrder() {
    let day = Day("2026-11-27")!
    let keys = [
      SortKey.make(day: day, upvotes: 9, seq: 5), SortKey.make(day: day, upvotes: 2, seq: 1),
      SortKey.make(day: day, upvotes: nil, seq: 2), SortKey.make(day: day, upvotes: nil, seq: 3),
      SortKey.make(day: day.adding(days: -1), upvotes: 100, seq: 4),
    ]
    XCTAssertEqual(keys, keys.sorted(by: >))
    XCTAssertTrue(keys.dropLast().allSatisfy { SortKey.range(of: day).contains($0) })
    XCTAssertFalse(SortKey.range(of: day).contains(keys.last!))
  }

  func testMigratingALibraryFromBeforeTheSortKeyKeepsEverything() throws {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue, upTo: "v2-fts-vocabulary")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links, upvotes,
            categories, added_at, updated_at)
          VALUES (1, 'a', 'old', 'Old Paper', 'about diffusion', '[]', '2026-11-26', 't', '{}', NULL, '[]', 0, 0),
                 (2, 'b', 'new', 'New Paper', 'about agents', '[]', '2026-11-27', 't', '{}', 3, '[]', 0, 0);
          INSERT INTO paper_state (paper_seq, starred_at) VALUES (1, 0);
          """)
    }
    try Schema.migrator.migrate(queue)
    let (keys, matches, starred) = try queue.read { db in
      (
        try Int64.fetchAll(db, sql: "SELECT sort_key FROM paper ORDER BY seq"),
        try String.fetchAll(
          db,
          sql:
            "SELECT p.id FROM paper_fts f JOIN paper p ON p.sort_key = f.rowid WHERE paper_fts MATCH 'diffusion'"
        ),
        try String.fetchAll(
          db, sql: "SELECT p.id FROM paper p JOIN paper_state s ON s.paper_seq = p.seq")
      )
    }
    XCTAssertEqual(
      keys,
      [
        SortKey.make(day: Day("2026-11-26")!, upvotes: nil, seq: 1),
        SortKey.make(day: Day("2026-11-27")!, upvotes: 3, seq: 2),
      ])
    XCTAssertEqual(matches, ["a"])
    XCTAssertEqual(starred, ["a"])
  }
}

final class SourceMergeTests: XCTestCase {
  func testHuggingFaceThenArxivThenHuggingFaceIsOnePaperWithItsStateKept() throws {
    let store = try LibraryStore.inMemory()
    let day = Day("2026-11-27")!
    func hf(upvotes: Int) -> Paper {
      Paper.fromSource(
        title: "Shared Paper", abstract: "From HF.", authors: ["Ann"], arxivID: "2411.00001",
        day: day,
        source: "hf", links: PaperLinks(github: "https://github.com/a/b"), upvotes: upvotes)!
    }
    let arxiv = Paper.fromSource(
      title: "Shared Paper", abstract: "From arXiv.", authors: ["Ann", "Bob"],
      arxivID: "arXiv:2411.00001v2",
      day: day.adding(days: 1), source: "arxiv", categories: ["cs.LG"])!

    XCTAssertEqual(try store.add([hf(upvotes: 3)]), ImportSummary(new: 1))
    try store.setStarred(true, ids: ["2411.00001"])
    try store.setNote("keep", id: "2411.00001")
    XCTAssertEqual(try store.add([arxiv]), ImportSummary(updated: 1))
    XCTAssertEqual(try store.add([hf(upvotes: 12)]), ImportSummary(updated: 1))
    XCTAssertEqual(try store.add([hf(upvotes: 12)]), ImportSummary(unchanged: 1))

    let paper = try XCTUnwrap(try store.paper(id: "2411.00001"))
    XCTAssertEqual(try store.count(), 1)
    XCTAssertEqual(paper.paper.upvotes, 12)
    XCTAssertEqual(paper.paper.authors, ["Ann"], "the latest source's authors")
    XCTAssertEqual(paper.paper.categories, ["cs.LG"], "kept when a later source has none")
    XCTAssertEqual(paper.paper.links.github, "https://github.com/a/b")
    XCTAssertEqual(paper.paper.day, day, "the first listing day")
    XCTAssertTrue(paper.state.isStarred)
    XCTAssertEqual(paper.state.note, "keep")
  }

  func testUpdatesOnlyTouchKnownPapersAndSkipTheRest() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("Known", arxivID: "2401.00001")])
    let summary = try store.importPapers(file: "rss", format: "arxiv-rss", source: "arxiv") {
      session in
      try session.update(makePaper("Known, revised", arxivID: "2401.00001v2"))
      try session.update(makePaper("Never seen", arxivID: "2401.00002"))
      session.skip(ImportError(file: "rss", reason: "bad"))
    }
    XCTAssertEqual(summary, ImportSummary(updated: 1, skipped: 2))
    XCTAssertEqual(try store.count(), 1)
    XCTAssertEqual(summary.description, "imported 0 new, 1 updated, 0 unchanged, 2 skipped")
  }
}
