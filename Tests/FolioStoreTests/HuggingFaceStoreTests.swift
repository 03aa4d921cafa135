import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// The Hugging Face fields in the library (migration `v10-hf-fields`) and the store's side of
/// `cat:`, `kw:`, `org:`, `has:summary`, `is:withdrawn`.
final class HuggingFaceStoreTests: XCTestCase {
  func hfPaper(
    _ title: String, arxivID: String, stars: Int?, revised: String, summary: String? = nil,
    withdrawn: Bool = false
  ) -> Paper {
    Paper.fromSource(
      title: title, abstract: "A.", arxivID: arxivID, day: testDay, source: "hf",
      links: PaperLinks(github: "https://github.com/x/y"), categories: ["cs.LG", "stat.ML"],
      keywords: ["Diffusion", "graph_nets"], revised: Day(revised),
      huggingFace: HuggingFaceDetails(
        summary: summary, githubStars: stars,
        organization: PaperOrganization(name: "google", fullName: "Google"),
        submittedBy: "ak", isWithdrawn: withdrawn))!
  }

  func testDetailsRoundTripAndMergeKeepsStateAndTheLargerStars() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      hfPaper("P", arxivID: "2401.00001", stars: 90, revised: "2026-11-20", summary: "S.")
    ])
    try store.setStarred(true, ids: ["2401.00001"])
    // An older file again, fewer stars and withdrawn: fills in, keeps the larger count.
    XCTAssertEqual(
      try store.add([
        hfPaper("P", arxivID: "2401.00001", stars: 10, revised: "2026-11-01", withdrawn: true)
      ]),
      ImportSummary(updated: 1))
    let entry = try XCTUnwrap(try store.paper(id: "2401.00001"))
    XCTAssertTrue(entry.state.isStarred, "state survives the merge")
    XCTAssertEqual(entry.paper.huggingFace.githubStars, 90)
    XCTAssertEqual(entry.paper.huggingFace.summary, "S.")
    XCTAssertTrue(entry.paper.huggingFace.isWithdrawn)
    XCTAssertEqual(
      entry.paper.huggingFace.organization, PaperOrganization(name: "google", fullName: "Google"))
    XCTAssertEqual(entry.paper.huggingFace.submittedBy, "ak")
    XCTAssertEqual(
      entry.paper.links.hf, nil, "only the importer derives the page link")
    // Re-importing the same again changes nothing.
    XCTAssertEqual(
      try store.add([
        hfPaper("P", arxivID: "2401.00001", stars: 90, revised: "2026-11-20", summary: "S.")
      ]).unchanged,
      1)
  }

  func testHFLinkIsStored() throws {
    let store = try LibraryStore.inMemory()
    var paper = makePaper("Linked", arxivID: "2401.00002")
    paper.links.hf = "https://huggingface.co/papers/2401.00002"
    try store.add([paper])
    XCTAssertEqual(
      try store.paper(id: "2401.00002")?.paper.links.hf,
      "https://huggingface.co/papers/2401.00002")
  }

  func testFacetPredicates() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      hfPaper("Withdrawn", arxivID: "2401.00001", stars: 1, revised: "2026-11-20", withdrawn: true),
      hfPaper("Summarised", arxivID: "2401.00003", stars: 1, revised: "2026-11-20", summary: "S"),
      makePaper("Plain"),
    ])
    func titles(_ facet: PaperFacet) throws -> [String] {
      try store.papers(PaperFilter(condition: .facet(facet))).map(\.paper.title).sorted()
    }
    let both = ["Summarised", "Withdrawn"]
    XCTAssertEqual(try titles(.category("cs.lg", prefix: false)), both, "case ignored")
    XCTAssertEqual(try titles(.category("cs.", prefix: true)), both)
    XCTAssertEqual(try titles(.category("cs", prefix: false)), [], "whole entries only")
    XCTAssertEqual(try titles(.category("c%", prefix: false)), [], "LIKE wildcards are literal")
    XCTAssertEqual(try titles(.keyword("graph_nets", prefix: false)), both)
    XCTAssertEqual(try titles(.keyword("graphXnets", prefix: false)), [], "_ is literal")
    XCTAssertEqual(try titles(.organization("GOOGLE", prefix: false)), both)
    XCTAssertEqual(try titles(.organization("Goo", prefix: true)), both)
    XCTAssertEqual(try titles(.hasSummary), ["Summarised"])
    XCTAssertEqual(try titles(.withdrawn), ["Withdrawn"])
    XCTAssertEqual(
      try store.papers(PaperFilter(condition: .not(.facet(.organization("google", prefix: false)))))
        .map(\.paper.title), ["Plain"], "no organisation is not a match, and NOT selects it")
  }

  func testALibraryFromBeforeV10GainsEmptyDetailsAndKeepsItsPapers() throws {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue, upTo: "v7-revised")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          VALUES (1, 'a', 'old', 'Old Paper', 'x', '[]', '2026-11-26', 't', '{"github":"https://g/x"}',
            NULL, '["cs.LG"]', 0, 0, 1);
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
    let paper = PaperColumns.paper(try XCTUnwrap(row))
    XCTAssertEqual(paper.title, "Old Paper")
    XCTAssertEqual(paper.categories, ["cs.LG"])
    XCTAssertEqual(paper.huggingFace, HuggingFaceDetails())
    XCTAssertNil(paper.links.hf)
  }
}
