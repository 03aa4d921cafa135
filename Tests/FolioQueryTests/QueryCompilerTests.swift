import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

/// The compiler turns the query language into the store's predicate (the SQL it becomes is
/// tested in FolioStoreTests' `PaperPredicateSQLTests`).
final class QueryCompilerTests: XCTestCase {
  let compiler = QueryCompiler(topics: .defaults, today: Day("2026-11-27")!)

  func predicate(_ query: String) throws -> PaperPredicate {
    try XCTUnwrap(try compiler.predicate(for: query))
  }

  func testTheEmptyQueryHasNoPredicate() throws {
    XCTAssertNil(try compiler.predicate(for: "  "))
    XCTAssertEqual(try compiler.filter(.all), PaperFilter())
  }

  func testTextTermsBecomeOneMatch() throws {
    XCTAssertEqual(
      try predicate("person reid -survey"),
      .match(.subtracting(.and([.phrase(["person"]), .phrase(["reid"])]), .phrase(["survey"]))))
    XCTAssertEqual(
      try predicate("a -b -c"),
      .match(.subtracting(.phrase(["a"]), .or([.phrase(["b"]), .phrase(["c"])]))),
      "one NOT for all the negated terms")
    XCTAssertEqual(
      try predicate("author:smith OR abstract:learn*"),
      .match(
        .or([
          .phrase(["smith"], in: .authors, prefix: false),
          .phrase(["learn"], in: .abstract, prefix: true),
        ])))
  }

  func testFieldsAndStateBecomeTheirPredicates() throws {
    XCTAssertEqual(
      try predicate("title:diffusion upvotes:>=10 is:unread day:-7d"),
      .and([
        .match(.phrase(["diffusion"], in: .title, prefix: false)), .upvotes(.greaterOrEqual, 10),
        .state(.unread), .day(.greaterOrEqual, Day("2026-11-21")!),
      ]))
    XCTAssertEqual(
      try predicate("id:2401.1* OR id:2401.12345 OR source:hf"),
      .or([.idPrefix("2401.1"), .id("2401.12345"), .source("hf")]))
    XCTAssertEqual(
      try predicate("day:yesterday is:read is:starred -is:starred has:note has:arxiv"),
      .and([
        .day(.equal, Day("2026-11-26")!), .state(.read), .state(.starred),
        .not(.state(.starred)), .has(.note), .has(.arxiv),
      ]))
  }

  func testAFilterSplitsTheMatchFromTheRest() throws {
    let node = try QueryParser.parse("llm -rl is:starred")
    XCTAssertEqual(
      try compiler.filter(node),
      PaperFilter(
        match: .subtracting(.phrase(["llm"]), .phrase(["rl"])), condition: .state(.starred)))
    XCTAssertEqual(
      try compiler.filter(try QueryParser.parse("llm OR is:starred")),
      PaperFilter(condition: .or([.match(.phrase(["llm"])), .state(.starred)])))
  }

  func testFTSSyntaxInUserTextIsLiteral() throws {
    // Quotes, stars, colons, carets and NEAR typed by the user become plain tokens.
    XCTAssertEqual(try predicate(#""a \"b\" c""#), .match(.phrase(["a", "b", "c"])))
    XCTAssertEqual(
      try predicate("NEAR(a b)"),
      .match(.and([.phrase(["near"]), .and([.phrase(["a"]), .phrase(["b"])])])))
    XCTAssertEqual(try predicate("^start"), .match(.phrase(["start"])))
    XCTAssertEqual(try predicate(#""col:umn""#), .match(.phrase(["col", "umn"])))
  }

  func testTopicsExpandToTheirQueries() throws {
    let reinforcement = try TopicSet.defaults.resolve("reinforcement", column: 1)
    XCTAssertEqual(try predicate("topic:reinforcement"), try compiler.compile(reinforcement.node))
    XCTAssertTrue(
      Self.matches(in: try predicate("topic:reinforcement")).contains(
        .or(
          [
            ["reinforcement", "learning"], ["rl"], ["policy", "gradient"], ["q", "learning"],
            ["reward", "model"], ["reward", "models"], ["offline", "rl"],
          ].map { .phrase($0) })))
    XCTAssertThrowsError(try compiler.predicate(for: "llm topic:nonsense")) { error in
      XCTAssertEqual((error as? QueryError)?.column, 11)
      XCTAssertTrue((error as? QueryError)?.message.hasPrefix("no topic named 'nonsense'") == true)
    }
  }

  func testATopicReferringToItselfIsAnError() throws {
    var topics = TopicSet.defaults
    topics.set(try Topic(name: "Loop", query: "a OR topic:loop"))
    XCTAssertThrowsError(try QueryCompiler(topics: topics).predicate(for: "topic:loop")) { error in
      XCTAssertEqual((error as? QueryError)?.message, "topic 'Loop' refers to itself")
    }
  }

  func testNegatedFieldsCompileWithNot() throws {
    XCTAssertEqual(
      try predicate("-is:starred NOT has:code"), .and([.not(.state(.starred)), .not(.has(.code))]))
  }

  /// Every full-text match in `predicate` (queries are shallow: the parser caps their depth).
  static func matches(in predicate: PaperPredicate) -> [TextMatch] {
    switch predicate {
    case .match(let match): [match]
    case .and(let children), .or(let children): children.flatMap(matches(in:))
    case .not(let child): matches(in: child)
    default: []
    }
  }
}
