import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// The index of `cat:`, `kw:` and `org:` (migration `v11-facets`): its rows follow every
/// change to a paper, and the queries over it select what the row-by-row check selects.
final class FacetIndexTests: XCTestCase {
  func facetPaper(
    _ title: String, arxivID: String, categories: [String], keywords: [String] = [],
    organization: PaperOrganization? = nil, upvotes: Int? = nil, revised: String = "2026-11-20"
  ) -> Paper {
    Paper.fromSource(
      title: title, abstract: "A.", arxivID: arxivID, day: testDay, source: "hf",
      upvotes: upvotes, categories: categories, keywords: keywords, revised: Day(revised),
      huggingFace: HuggingFaceDetails(organization: organization))!
  }

  /// Every row of `paper_facet`, as "kind value title", sorted.
  func facetRows(_ store: LibraryStore) throws -> [String] {
    try store.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.kind, f.value, p.title FROM paper_facet f
          LEFT JOIN paper p ON p.sort_key = f.sort_key
          """
      ).map { "\($0[0] as Int) \($0[1] as String) \(($0[2] as String?) ?? "-")" }.sorted()
    }
  }

  /// The rows the index should hold, made from the papers themselves.
  func expectedRows(_ store: LibraryStore) throws -> [String] {
    try store.papers(.all).flatMap { entry -> [String] in
      let paper = entry.paper
      let names = [paper.huggingFace.organization?.name, paper.huggingFace.organization?.fullName]
      let rows =
        paper.categories.map { "1 \(FacetIndex.fold($0))" }
        + paper.keywords.map { "2 \(FacetIndex.fold($0))" }
        + names.compactMap { $0 }.map { "3 \(FacetIndex.fold($0))" }
      return Set(rows).map { "\($0) \(paper.title)" }
    }.sorted()
  }

  func testRowsFollowInsertsUpdatesAndDeletes() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      facetPaper(
        "One", arxivID: "2401.00001", categories: ["cs.LG", "stat.ML"], keywords: ["RLHF"],
        organization: PaperOrganization(name: "google", fullName: "Google")),
      facetPaper("Two", arxivID: "2401.00002", categories: ["q-bio.NC"]),
    ])
    XCTAssertEqual(
      try facetRows(store),
      ["1 cs.lg One", "1 q-bio.nc Two", "1 stat.ml One", "2 rlhf One", "3 google One"],
      "folded, and one row for a name written twice")
    // A newer record changes the categories, keywords and upvotes (so the sort key).
    try store.add([
      facetPaper(
        "One", arxivID: "2401.00001", categories: ["cs.CV"], keywords: ["Diffusion"],
        organization: PaperOrganization(name: "meta-llama", fullName: "Meta Llama"),
        upvotes: 40, revised: "2026-11-25")
    ])
    XCTAssertEqual(try facetRows(store), try expectedRows(store))
    XCTAssertTrue(try facetRows(store).contains("1 cs.cv One"))
    XCTAssertFalse(try facetRows(store).contains { $0.hasPrefix("1 cs.lg") })
    // Upvotes alone move the sort key: the rows move with it.
    try store.add([
      facetPaper(
        "Two", arxivID: "2401.00002", categories: ["q-bio.NC"], upvotes: 7, revised: "2026-11-25")
    ])
    XCTAssertEqual(try facetRows(store), try expectedRows(store))
    try store.writer.write { db in try db.execute(sql: "DELETE FROM paper WHERE title = 'Two'") }
    XCTAssertEqual(try facetRows(store), try expectedRows(store))
    XCTAssertFalse(try facetRows(store).contains { $0.hasSuffix(" -") }, "no row left behind")
  }

  func testRowsFollowImportsIntoALibraryWithPapersAndMerges() throws {
    let store = try LibraryStore.inMemory()
    try store.add([facetPaper("Old", arxivID: "2401.00010", categories: ["cs.AI"])])
    // A batch mixing new papers, a changed one and a duplicate of a new one.
    try store.add([
      facetPaper("New", arxivID: "2401.00011", categories: ["cs.RO"], keywords: ["robots"]),
      facetPaper(
        "Old", arxivID: "2401.00010", categories: ["cs.AI", "cs.HC"], revised: "2026-11-25"),
      facetPaper(
        "New", arxivID: "2401.00011", categories: ["cs.RO", "eess.SY"], revised: "2026-11-26"),
    ])
    XCTAssertEqual(try facetRows(store), try expectedRows(store))
    XCTAssertTrue(try facetRows(store).contains("1 eess.sy New"))
    XCTAssertTrue(try facetRows(store).contains("1 cs.hc Old"))
  }

  func testMigrationFillsTheIndexOfAnExistingLibrary() throws {
    let store = try LibraryStore.inMemory()
    try store.add([
      facetPaper("A", arxivID: "2401.00021", categories: ["cs.LG"], keywords: ["X"]),
      facetPaper("B", arxivID: "2401.00022", categories: ["math.OC"]),
    ])
    let before = try facetRows(store)
    try store.writer.write { db in
      try db.execute(sql: "DELETE FROM paper_facet")
      try db.execute(sql: FacetIndex.fill)
    }
    XCTAssertEqual(try facetRows(store), before)
    XCTAssertEqual(before, try expectedRows(store))
  }

  func testListsThatAreNotArraysHaveNoEntries() throws {
    let store = try LibraryStore.inMemory()
    try store.add([facetPaper("A", arxivID: "2401.00031", categories: ["cs.LG"])])
    try store.writer.write { db in
      try db.execute(sql: "UPDATE paper SET categories = 'cs.LG', keywords = '{\"a\":1}'")
    }
    XCTAssertEqual(try facetRows(store), [])
    XCTAssertEqual(
      try store.papers(PaperFilter(condition: .facet(.category("cs.LG", prefix: false)))).count, 0)
  }

  func testPrefixBoundsAndFolding() {
    XCTAssertEqual(FacetIndex.upperBound(ofPrefix: "cs."), "cs/")
    XCTAssertEqual(FacetIndex.upperBound(ofPrefix: "a\u{D7FF}"), "a\u{E000}")
    XCTAssertEqual(FacetIndex.upperBound(ofPrefix: "a\u{10FFFF}"), "b")
    XCTAssertNil(FacetIndex.upperBound(ofPrefix: "\u{10FFFF}"))
    XCTAssertEqual(FacetIndex.fold("CS.LG Äb"), "cs.lg Äb", "ASCII letters only, as lower()")
  }

  func testQueriesSelectAsTheRowCheckDoes() throws {
    let store = try LibraryStore.inMemory()
    let values = [
      "cs.LG", "cs.lg2", "CS.L", "q-bio.NC", "Äx", "äx", "a%b", "a_b", "cs/", "\u{10FFFF}z",
    ]
    var papers: [Paper] = []
    for (index, value) in values.enumerated() {
      papers.append(
        facetPaper(
          "P\(index)", arxivID: String(format: "2401.%05d", 100 + index),
          categories: [value, values[(index + 3) % values.count]], keywords: [value],
          organization: PaperOrganization(name: value, fullName: "Org \(index)"),
          upvotes: index))
    }
    try store.add(papers)
    let wanted = values + ["cs.", "CS", "c", "", "a", "Ä", "\u{10FFFF}", "none"]
    for value in wanted {
      for prefix in [false, true] {
        for facet in [
          PaperFacet.category(value, prefix: prefix), .keyword(value, prefix: prefix),
          .organization(value, prefix: prefix),
        ] {
          for order in ListingOrder.allCases {
            var filter = PaperFilter(condition: .and([.facet(facet), .state(.unread)]))
            filter.order = order
            // The reference: checked row by row, the facet under an OR so it cannot drive.
            var dense = PaperFilter(condition: .and([.or([.facet(facet)]), .state(.unread)]))
            dense.order = order
            dense.denseFacets = [facet]
            let indexed = try store.summaries(filter, limit: 100, offset: 0).map(\.id)
            let checked = try store.read { db in
              let (sql, arguments) = dense.select("p.id")
              return try String.fetchAll(db, sql: sql, arguments: arguments)
            }
            XCTAssertEqual(indexed, checked, "\(facet) in \(order)")
            XCTAssertEqual(try store.counts(filter).total, checked.count, "\(facet)")
          }
        }
      }
    }
  }

  func testARareValueIsFoundThroughTheIndex() throws {
    let store = try LibraryStore.inMemory()
    try store.add([facetPaper("A", arxivID: "2401.00041", categories: ["cs.LG"])])
    for (facet, order) in [
      (PaperFacet.category("q-bio.NC", prefix: false), ListingOrder.listing),
      (.category("q-bio.NC", prefix: true), .listing), (.keyword("rlhf", prefix: false), .upvotes),
    ] {
      var filter = PaperFilter(condition: .facet(facet))
      filter.order = order
      let (sql, arguments) = filter.select("p.id", limit: 40)
      let plan = try store.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
          .map { $0["detail"] as String }
      }
      XCTAssertTrue(plan.contains { $0.hasPrefix("SEARCH pf USING PRIMARY KEY") }, "\(plan)")
      XCTAssertFalse(
        plan.contains { $0.hasPrefix("SCAN p") && !$0.hasPrefix("SCAN pf") },
        "no scan of paper: \(plan)")
    }
  }

  func testACommonValueIsCheckedRowByRowAndARareOneGathered() throws {
    XCTAssertEqual(FacetIndex.denseCount(papers: 0), FacetIndex.minDenseCount)
    XCTAssertEqual(FacetIndex.denseCount(papers: 100_000), 1_414)
    XCTAssertEqual(FacetIndex.denseCount(papers: 10_000_000), FacetIndex.maxDenseCount)
    let store = try LibraryStore.inMemory()
    let common = FacetIndex.minDenseCount
    try store.add(
      (0...common).map { index in
        facetPaper(
          "P\(index)", arxivID: String(format: "2402.%05d", index),
          categories: index == 0 ? ["q-bio.NC"] : ["cs.LG"])
      })
    let rare = PaperFacet.category("q-bio.NC", prefix: true)
    let often = PaperFacet.category("cs.LG", prefix: true)
    var filter = PaperFilter(condition: .or([.facet(rare), .facet(often)]))
    filter.order = .upvotes
    let planned = try store.read { db in try FacetIndex.withDenseFacets(filter, db) }
    XCTAssertEqual(planned.denseFacets, [often])
    XCTAssertEqual(
      try store.summaries(filter, limit: 1_000, offset: 0).count, common + 1)
  }

  func testAPapersRowsAreDeletedBySeeksNotAScan() throws {
    let store = try LibraryStore.inMemory()
    try store.add([facetPaper("A", arxivID: "2401.00051", categories: ["cs.LG"])])
    for deletion in FacetIndex.deletions({ "(SELECT \($0) FROM paper WHERE seq = 1)" }) {
      let plan = try store.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + deletion).map { $0["detail"] as String }
      }
      XCTAssertTrue(
        plan.contains { $0.hasPrefix("SEARCH paper_facet USING PRIMARY KEY") }, "\(plan)")
      XCTAssertFalse(plan.contains("SCAN paper_facet"), "\(plan)")
    }
  }
}
