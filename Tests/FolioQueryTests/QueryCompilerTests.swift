import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

final class QueryCompilerTests: XCTestCase {
  let compiler = QueryCompiler(topics: .defaults, today: Day("2026-11-27")!)

  func condition(_ query: String) throws -> SQLCondition {
    try XCTUnwrap(try compiler.condition(for: query))
  }

  func testTextTermsBecomeOneQuotedFTSMatch() throws {
    let result = try condition("person reid -survey")
    XCTAssertEqual(
      result.sql, "p.sort_key IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?)")
    XCTAssertEqual(result.arguments, [.text(#"(("person" AND "reid") NOT "survey")"#)])
  }

  func testFieldsAndStateBecomePlainSQLWithParameters() throws {
    let result = try condition("title:diffusion upvotes:>=10 is:unread day:-7d")
    XCTAssertEqual(
      result.sql,
      "(p.sort_key IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?) AND coalesce(p.upvotes >= ?, 0)"
        + " AND s.read_at IS NULL AND p.day >= ?)")
    XCTAssertEqual(
      result.arguments, [.text(#"title : "diffusion""#), .integer(10), .text("2026-11-21")])
  }

  func testInjectionAttemptsStayInParameters() throws {
    for hostile in [
      #"title:"x') OR 1=1 --""#, #""'; DROP TABLE paper; --""#, #"id:"1' OR '1'='1""#,
    ] {
      let result = try condition(hostile)
      XCTAssertFalse(result.sql.contains("DROP"), result.sql)
      XCTAssertFalse(result.sql.contains("1=1"), result.sql)
      XCTAssertFalse(result.sql.contains("'1'"), result.sql)
    }
  }

  func testFTSSyntaxInUserTextIsLiteral() throws {
    // Quotes, stars, colons, carets and NEAR typed by the user never reach FTS5 as operators.
    XCTAssertEqual(try condition(#""a \"b\" c""#).arguments, [.text(#""a b c""#)])
    XCTAssertEqual(try condition("NEAR(a b)").arguments, [.text(#"("near" AND ("a" AND "b"))"#)])
    XCTAssertEqual(try condition("^start").arguments, [.text(#""start""#)])
    XCTAssertEqual(try condition(#""col:umn""#).arguments, [.text(#""col umn""#)])
  }

  func testTopicsExpandToTheirQueries() throws {
    let topic = try condition("topic:reinforcement")
    XCTAssertTrue(
      topic.arguments.contains(
        .text(
          #"("reinforcement learning" OR "rl" OR "policy gradient" OR "q learning" OR "reward model" OR "reward models" OR "offline rl")"#
        )),
      "\(topic.arguments)")
    XCTAssertThrowsError(try compiler.condition(for: "llm topic:nonsense")) { error in
      XCTAssertEqual((error as? QueryError)?.column, 11)
      XCTAssertTrue((error as? QueryError)?.message.hasPrefix("no topic named 'nonsense'") == true)
    }
  }

  func testATopicReferringToItselfIsAnError() throws {
    var topics = TopicSet.defaults
    topics.set(try Topic(name: "Loop", query: "a OR topic:loop"))
    XCTAssertThrowsError(try QueryCompiler(topics: topics).condition(for: "topic:loop")) { error in
      XCTAssertEqual((error as? QueryError)?.message, "topic 'Loop' refers to itself")
    }
  }

  func testNegatedFieldsCompileWithNot() throws {
    let result = try condition("-is:starred NOT has:code")
    XCTAssertEqual(
      result.sql,
      "(NOT (s.starred_at IS NOT NULL) AND NOT (json_extract(p.links, '$.github') IS NOT NULL))")
  }
}
