import FolioCore
import Foundation
import GRDB
import XCTest

@testable import FolioStore

/// Semantic Scholar's facts in the library (issue 20, migration `v13-scholar`): kept, read back
/// everywhere a paper is read, never clobbered by an import, and the papers still to ask.
final class ScholarStoreTests: XCTestCase {
  let asked = Date(timeIntervalSince1970: 1_795_000_000)

  func library() throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    try store.add([
      makePaper("Known", arxivID: "2401.00001", upvotes: 3),
      makePaper("Unknown", arxivID: "2401.00002", upvotes: 2),
      makePaper("Never asked", arxivID: "2401.00003", upvotes: 1),
      makePaper("No arXiv id"),
    ])
    return store
  }

  func testFactsAreReadBackInTheDetailTheListAndTheListing() throws {
    let store = try library()
    XCTAssertNil(try store.paper(id: "2401.00001")?.scholar, "never asked: nil")
    try store.recordScholarFacts([
      "2401.00001": ScholarFacts(
        citations: 1234, influentialCitations: 56, tldr: "It works.", checkedAt: asked),
      "2401.00002": ScholarFacts(checkedAt: asked),
    ])
    let known = try XCTUnwrap(try store.paper(id: "arXiv:2401.00001")?.scholar)
    XCTAssertEqual(
      known,
      ScholarFacts(citations: 1234, influentialCitations: 56, tldr: "It works.", checkedAt: asked))
    let unknown = try XCTUnwrap(try store.paper(id: "2401.00002")?.scholar)
    XCTAssertFalse(unknown.isKnown, "unknown to Semantic Scholar: nil counts, not 0")
    XCTAssertNil(unknown.influentialCitations)
    XCTAssertEqual(unknown.checkedAt, asked)
    let listed = Dictionary(uniqueKeysWithValues: try store.papers().map { ($0.id, $0.scholar) })
    XCTAssertEqual(listed["2401.00001"], known)
    XCTAssertEqual(listed["2401.00002"], unknown)
    XCTAssertEqual(listed["2401.00003"], .some(nil))
    let listing = try store.listing(PaperFilter(), from: .position(0), limit: 10)
    let keys = listing.map(\.sortKey)
    let rows = try store.papers(sortKeys: keys)
    XCTAssertEqual(rows.values.first { $0.id == "2401.00001" }?.scholar, known)
  }

  func testAnImportNeverClobbersTheFactsAndAnswersReplaceOlderOnes() throws {
    let store = try library()
    try store.recordScholarFacts([
      "2401.00001": ScholarFacts(citations: 10, influentialCitations: 1, checkedAt: asked)
    ])
    // The same paper again from a later file, changed: merged, facts kept.
    let summary = try store.add([
      makePaper("Known", abstract: "A longer abstract.", arxivID: "2401.00001", upvotes: 9)
    ])
    XCTAssertEqual(summary.updated, 1)
    let entry = try XCTUnwrap(try store.paper(id: "2401.00001"))
    XCTAssertEqual(entry.paper.upvotes, 9)
    XCTAssertEqual(entry.scholar?.citations, 10)
    // A later answer replaces the earlier one whole (the TL;DR gone with it).
    let later = asked.addingTimeInterval(86_400)
    try store.recordScholarFacts(["2401.00001": ScholarFacts(citations: 12, checkedAt: later)])
    XCTAssertEqual(
      try store.paper(id: "2401.00001")?.scholar, ScholarFacts(citations: 12, checkedAt: later))
  }

  func testWhatIsKeptIsBoundedAndInertAndUnknownIDsArePassedOver() throws {
    let store = try library()
    let hostile = "\u{1B}[31mred\u{1B}[0m " + String(repeating: "é", count: 5_000)
    try store.recordScholarFacts([
      "2401.00001": ScholarFacts(
        citations: -5, influentialCitations: -1, tldr: hostile, checkedAt: asked),
      "2401.00002": ScholarFacts(citations: 1, tldr: " \u{7} ", checkedAt: asked),
      "2499.99999": ScholarFacts(citations: 1, checkedAt: asked),
    ])
    let facts = try XCTUnwrap(try store.paper(id: "2401.00001")?.scholar)
    XCTAssertEqual(facts.citations, 0)
    XCTAssertEqual(facts.influentialCitations, 0)
    let tldr = try XCTUnwrap(facts.tldr)
    XCTAssertFalse(tldr.unicodeScalars.contains { $0.value < 0x20 }, tldr.debugDescription)
    XCTAssertEqual(tldr.unicodeScalars.count, ScholarFacts.tldrScalarLimit)
    XCTAssertNil(try store.paper(id: "2401.00002")?.scholar?.tldr, "nothing left: no TL;DR")
    XCTAssertNil(try store.paper(id: "2499.99999"))
  }

  func testARecordingIsOneTransaction() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("Known", arxivID: "2401.00001")])
    // A paper's UPDATE failing half-way leaves none written: a trigger refuses the second.
    try store.write { db in
      try db.execute(
        sql: """
          CREATE TEMP TRIGGER refuse BEFORE UPDATE OF s2_citations ON paper
          WHEN new.id = '2401.00002' BEGIN SELECT RAISE(ABORT, 'refused'); END
          """)
    }
    try store.add([makePaper("Second", arxivID: "2401.00002")])
    XCTAssertThrowsError(
      try store.recordScholarFacts([
        "2401.00001": ScholarFacts(citations: 1, checkedAt: asked),
        "2401.00002": ScholarFacts(citations: 2, checkedAt: asked),
      ]))
    XCTAssertNil(try store.paper(id: "2401.00001")?.scholar, "nothing kept of a failed batch")
  }

  func testThePapersToEnrichAreTheFiltersArxivPapersNotAskedLately() throws {
    let store = try library()
    let now = asked.addingTimeInterval(30 * 86_400)
    let staleBefore = now.addingTimeInterval(-ScholarFacts.freshFor)
    func targets(_ filter: PaperFilter = .all, limit: Int = 10) throws -> [String] {
      try store.papersToEnrich(filter, staleBefore: staleBefore, limit: limit).map(\.arxivID)
    }
    XCTAssertEqual(try targets(), ["2401.00001", "2401.00002", "2401.00003"], "listing order")
    XCTAssertEqual(try targets(limit: 2), ["2401.00001", "2401.00002"])
    XCTAssertEqual(try targets(limit: 0), [])
    // Asked a month ago (stale), asked just now (fresh, known or not), never asked.
    try store.recordScholarFacts([
      "2401.00001": ScholarFacts(citations: 3, checkedAt: asked),
      "2401.00002": ScholarFacts(checkedAt: now),
    ])
    XCTAssertEqual(try targets(), ["2401.00001", "2401.00003"])
    try store.setStarred(true, ids: ["2401.00003"])
    XCTAssertEqual(try targets(PaperFilter(state: .starred)), ["2401.00003"])
    XCTAssertEqual(
      try store.papersToEnrich(.all, staleBefore: staleBefore, limit: 1),
      [LibraryStore.EnrichTarget(id: "2401.00001", arxivID: "2401.00001")])
    try store.setDismissed(true, ids: ["2401.00001"])
    XCTAssertEqual(try targets(), ["2401.00003"], "dismissed papers are left out as listed")
  }

  func testCitesMatchesOnlyPapersWithACount() throws {
    let store = try library()
    try store.recordScholarFacts([
      "2401.00001": ScholarFacts(citations: 150, checkedAt: asked),
      "2401.00002": ScholarFacts(checkedAt: asked),
      "2401.00003": ScholarFacts(citations: 0, checkedAt: asked),
    ])
    func ids(_ predicate: PaperPredicate) throws -> [String] {
      try store.papers(PaperFilter(condition: predicate)).map(\.id)
    }
    XCTAssertEqual(try ids(.citations(.greater, 100)), ["2401.00001"])
    XCTAssertEqual(try ids(.citations(.lessOrEqual, 150)), ["2401.00001", "2401.00003"])
    XCTAssertEqual(try ids(.citations(.equal, 0)), ["2401.00003"])
    // NOT of a comparison: unknown and never asked are outside both sides.
    XCTAssertEqual(
      Set(try ids(.not(.citations(.greater, 100)))),
      Set(try store.papers().map(\.id)).subtracting(["2401.00001"]))
  }

  func testTheCitationsOrderIsMostCitedFirstUnknownLastThenTheListingOrder() throws {
    let store = try library()
    try store.recordScholarFacts([
      "2401.00002": ScholarFacts(citations: 7, checkedAt: asked),
      "2401.00003": ScholarFacts(citations: 7, checkedAt: asked),
      "2401.00001": ScholarFacts(checkedAt: asked),
    ])
    var filter = PaperFilter()
    filter.order = .citations
    let listed = try store.listing(filter, from: .position(0), limit: 10).map(\.summary.id)
    XCTAssertEqual(listed.prefix(2), ["2401.00002", "2401.00003"], "ties in listing order")
    XCTAssertEqual(listed.count, 4)
    XCTAssertEqual(Set(listed.suffix(2)), Set(["2401.00001", try store.papers()[3].id]))
    XCTAssertEqual(ListingOrder(rawValue: "citations"), .citations)
  }

  func testALibraryFromBeforeV13GainsNoFactsAndKeepsItsPapers() throws {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue, upTo: "v12-for-you")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, arxiv_id, title_key, title, abstract, authors, day, source,
            links, upvotes, categories, added_at, updated_at, sort_key)
          VALUES (1, '2401.00001', '2401.00001', 'old', 'Old Paper', 'x', '[]', '2026-11-26', 't',
            '{}', NULL, '[]', 0, 0, 1);
          """)
    }
    try Schema.migrator.migrate(queue)
    let row = try queue.read { db in
      try Row.fetchOne(
        db,
        sql:
          "SELECT \(PaperColumns.selection) FROM paper p LEFT JOIN paper_state s ON s.paper_seq = p.seq"
      )
    }
    let entry = PaperColumns.libraryPaper(try XCTUnwrap(row))
    XCTAssertEqual(entry.paper.title, "Old Paper")
    XCTAssertNil(entry.scholar)
  }
}
