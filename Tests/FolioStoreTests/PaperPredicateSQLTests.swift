import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// The store renders a query's predicate as SQL: the text it writes, values only ever as
/// parameters, and SQLite accepting what it writes.
final class PaperPredicateSQLTests: XCTestCase {
  func testAMatchIsOneFullTextSubqueryWithItsExpressionBound() {
    let match = TextMatch.subtracting(
      .and([.phrase(["person"]), .phrase(["reid"])]), .phrase(["survey"]))
    let condition = PaperPredicate.match(match).sql
    XCTAssertEqual(
      condition.sql, "p.sort_key IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?)")
    XCTAssertEqual(condition.arguments, [.text(#"(("person" AND "reid") NOT "survey")"#)])
  }

  func testFieldsAndStateBecomePlainSQLWithParameters() {
    let predicate = PaperPredicate.and([
      .match(.phrase(["diffusion"], in: .title, prefix: false)), .upvotes(.greaterOrEqual, 10),
      .state(.unread), .day(.greaterOrEqual, Day("2026-11-21")!),
    ])
    XCTAssertEqual(
      predicate.sql.sql,
      "(p.sort_key IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?) AND coalesce(p.upvotes >= ?, 0)"
        + " AND s.read_at IS NULL AND p.day >= ?)")
    XCTAssertEqual(
      predicate.sql.arguments, [.text(#"title : "diffusion""#), .integer(10), .text("2026-11-21")])
  }

  func testNegationsAndFeatures() {
    XCTAssertEqual(
      PaperPredicate.and([.not(.state(.starred)), .not(.has(.code))]).sql.sql,
      "(NOT (s.starred_at IS NOT NULL) AND NOT (json_extract(p.links, '$.github') IS NOT NULL))")
    XCTAssertEqual(
      PaperPredicate.or([.has(.note), .has(.arxiv)]).sql.sql,
      "(s.note IS NOT NULL OR p.arxiv_id IS NOT NULL)")
    XCTAssertEqual(
      PaperPredicate.and([.source("hf")]).sql.sql, "p.source = ?", "one child, no brackets")
  }

  func testFullTextExpressions() {
    XCTAssertEqual(
      TextMatch.phrase(["learn"], in: .authors, prefix: true).fts, #"authors : "learn"*"#)
    XCTAssertEqual(
      TextMatch.or([.phrase(["a", "b"]), .phrase(["c"], in: .abstract, prefix: false)]).fts,
      #"("a b" OR abstract : "c")"#)
    XCTAssertEqual(
      TextMatch.subtracting(.phrase(["a"]), .or([.phrase(["b"]), .phrase(["c"])])).fts,
      #"("a" NOT ("b" OR "c"))"#)
    // Tokens are letters and digits, but a quote that reached the store would stay a string.
    XCTAssertEqual(TextMatch.phrase([#"x" OR "y"#]).fts, #""x"" OR ""y""#)
  }

  func testAnIdPrefixEscapesLikeWildcards() {
    let condition = PaperPredicate.idPrefix(#"2401_1%\"#).sql
    XCTAssertEqual(condition.sql, #"p.id LIKE ? ESCAPE '\'"#)
    XCTAssertEqual(condition.arguments, [.text(#"2401\_1\%\\%"#)])
  }

  func testHostileValuesStayInParameters() throws {
    let hostile = [#"x') OR 1=1 --"#, "'; DROP TABLE paper; --", "1' OR '1'='1"]
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("A paper about x")])
    for value in hostile {
      let predicate = PaperPredicate.or([
        .id(value), .idPrefix(value), .source(value), .match(.phrase([value])),
      ])
      let sql = predicate.sql.sql
      XCTAssertFalse(sql.contains("DROP") || sql.contains("1=1") || sql.contains("'1'"), sql)
      XCTAssertNoThrow(try store.papers(PaperFilter(condition: predicate)))
      XCTAssertNoThrow(try store.papers(PaperFilter(match: .phrase([value]))))
    }
    XCTAssertEqual(try store.count(), 1, "nothing dropped")
  }

  func testAMatchDrivesTheListingFromTheFullTextIndex() {
    let filter = PaperFilter(match: .phrase(["a"]), condition: .state(.starred))
    XCTAssertEqual(
      filter.select("p.id").0,
      "SELECT p.id FROM paper_fts f JOIN paper p ON p.sort_key = f.rowid"
        + " LEFT JOIN paper_state s ON s.paper_seq = p.seq"
        + " WHERE f.paper_fts MATCH ? AND s.dismissed_at IS NULL AND (s.starred_at IS NOT NULL)"
        + " ORDER BY f.rowid DESC")
    XCTAssertEqual(
      PaperFilter().select("p.id").0,
      "SELECT p.id FROM paper p LEFT JOIN paper_state s ON s.paper_seq = p.seq"
        + " WHERE s.dismissed_at IS NULL ORDER BY p.sort_key DESC")
  }

  // MARK: - Dismissed papers and listing orders (triage)

  func testDismissedPapersAreLeftOutUnlessThePredicateMentionsThem() {
    XCTAssertEqual(
      PaperFilter(condition: .not(.state(.dismissed))).select("p.id").0,
      "SELECT p.id FROM paper p LEFT JOIN paper_state s ON s.paper_seq = p.seq"
        + " WHERE (NOT (s.dismissed_at IS NOT NULL)) ORDER BY p.sort_key DESC")
    XCTAssertTrue(PaperFilter(ranking: ["a"]).showsDismissed, "papers asked for by id")
    XCTAssertFalse(PaperFilter(condition: .state(.starred)).showsDismissed)
  }

  func testAnOrderSortsByItsValueThenTheListingOrder() {
    var filter = PaperFilter()
    filter.order = .upvotes
    XCTAssertEqual(
      filter.select("p.id").0,
      "SELECT p.id FROM paper p LEFT JOIN paper_state s ON s.paper_seq = p.seq"
        + " WHERE s.dismissed_at IS NULL ORDER BY coalesce(p.upvotes, -1) DESC, p.sort_key DESC")
    XCTAssertEqual(
      filter.afterCondition(),
      "(coalesce(p.upvotes, -1), p.sort_key) < "
        + "((SELECT coalesce(upvotes, -1) FROM paper WHERE sort_key = ?), ?)")
  }

  func testEmptyJunctionsAreTheirIdentities() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("One"), makePaper("Two")])
    XCTAssertEqual(try store.count(PaperFilter(condition: .and([]))), 2)
    XCTAssertEqual(try store.count(PaperFilter(condition: .or([]))), 0)
  }

  func testTheIndexKeepsThePrefixLengthTheCompilerRelies() throws {
    let store = try LibraryStore.inMemory()
    let sql = try store.read { db in
      try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'paper_fts'")
    }
    XCTAssertTrue(
      try XCTUnwrap(sql).contains("prefix='\(TextMatch.indexedPrefixLength)'"), "\(sql ?? "")")
  }
}
