import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

/// Nesting is bounded so that every query the parser accepts also runs: SQLite's SQL and FTS5
/// parsers overflow their stacks on deeply nested expressions (the fuzzer found 47 `-` in a
/// row).
final class QueryDepthTests: XCTestCase {
  static let store = Result { try makeQueryLibrary() }
  let limit = QueryNode.maximumDepth

  /// Queries of several shapes nested `depth` levels deep.
  func shapes(depth: Int) -> [String: String] {
    func nest(_ levels: Int, _ term: String = "learning", _ wrap: (String) -> String) -> String {
      (0..<levels).reduce(term) { inner, _ in wrap(inner) }
    }
    return [
      "minus": String(repeating: "-", count: depth) + "learning",
      "NOT": String(repeating: "NOT ", count: depth) + "is:starred",
      "NOT (": nest(depth / 2) { "NOT (\($0))" },
      "text": nest(depth / 2) { "(model OR (diffusion \($0)))" },
      "fields": nest(depth / 2) { "(is:starred OR (day:>=2026-01-01 \($0)))" },
      "mixed": nest(depth / 3) { "(learning OR (is:unread -\($0)))" },
      // A prefix becomes an OR of the words it begins: one level more.
      "prefix": nest(depth / 2, "lear*") { "(upvotes:>3 OR (has:code \($0)))" },
    ]
  }

  func testEveryShapeAtTheLimitRunsInSQLite() throws {
    let store = try Self.store.get()
    let compiler = QueryCompiler.forLibrary(store, topics: .defaults, today: queryToday)
    for (shape, query) in shapes(depth: limit) {
      let node = try QueryParser.parse(query)
      XCTAssertGreaterThanOrEqual(node.depth, shape == "NOT (" ? limit / 2 : limit - 2, shape)
      XCTAssertNoThrow(try store.papers(try compiler.filter(node)), "\(shape): \(query)")
      XCTAssertNoThrow(
        try store.papers(PaperFilter(condition: try compiler.compile(node))), shape)
    }
  }

  func testLongFlatQueriesRunInSQLite() throws {
    let store = try Self.store.get()
    let compiler = QueryCompiler.forLibrary(store, topics: .defaults, today: queryToday)
    let words = (0..<240).map { "w\($0)" }
    let negated: String = words.map { "-" + $0 }.joined(separator: " ")
    let negatedPrefixes: String = words.map { "-" + $0 + "*" }.joined(separator: " ")
    let negatedTitles: String = words.map { "-title:" + $0 }.joined(separator: " ")
    let mixed: String = words.map { "-\($0) -day:2020-01-0\($0.count)" }.joined(separator: " ")
    let queries: [String] = [
      "learning " + negated,
      "learning " + negatedPrefixes,
      "learning -le* -re* -mo* " + negatedTitles,
      words.joined(separator: " OR "),
      "is:unread " + mixed,
    ]
    for query in queries {
      let node = try QueryParser.parse(query)
      let listing = try store.papers(try compiler.filter(node)).map(\.id)
      let condition = try store.papers(PaperFilter(condition: try compiler.compile(node)))
      XCTAssertEqual(Set(listing), Set(condition.map(\.id)), String(query.prefix(40)))
    }
    // The subtraction keeps its meaning: papers with "learning" but none of the words.
    func ids(_ query: String) throws -> Set<String> {
      Set(try store.papers(try compiler.filter(QueryParser.parse(query))).map { $0.id })
    }
    let without = try ids("learning -model -deep")
    XCTAssertEqual(without, try ids("learning").subtracting(try ids("model OR deep")))
    XCTAssertFalse(without.isEmpty)
  }

  func testTheMostTermsAllowedRunInSQLite() throws {
    let store = try Self.store.get()
    let compiler = QueryCompiler.forLibrary(store, topics: .defaults, today: queryToday)
    let most = QueryNode.maximumTerms
    let queries: [String] = [
      Array(repeating: "is:unread", count: most).joined(separator: " "),
      Array(repeating: "is:unread", count: most).joined(separator: " OR "),
      "learning "
        + Array(repeating: "-day:2020-01-01 -b", count: (most - 1) / 2).joined(
          separator: " "),
      "(" + Array(repeating: "has:code OR -is:read", count: most / 2 - 1).joined(separator: " OR ")
        + ") learning",
    ]
    for query in queries {
      let node = try QueryParser.parse(query)
      XCTAssertGreaterThanOrEqual(node.termCount, most - 2)
      XCTAssertNoThrow(try store.papers(try compiler.filter(node)), String(query.prefix(40)))
      XCTAssertNoThrow(try store.papers(PaperFilter(condition: try compiler.compile(node))))
    }
  }

  func testOneTermMoreIsAnErrorAtThatTerm() throws {
    let query = Array(repeating: "ab", count: QueryNode.maximumTerms + 1).joined(separator: " ")
    XCTAssertThrowsError(try QueryParser.parse(query)) { error in
      XCTAssertEqual(
        error as? QueryError,
        QueryError(column: query.count - 1, "too many terms (at most \(QueryNode.maximumTerms))"))
    }
    // Topics count as the terms they stand for.
    var topics = TopicSet.defaults
    topics.set(
      try Topic(name: "Wide", query: Array(repeating: "x", count: 100).joined(separator: " OR ")))
    let compiler = QueryCompiler(topics: topics, today: queryToday)
    XCTAssertNoThrow(try compiler.predicate(for: "topic:wide topic:wide"))
    XCTAssertThrowsError(
      try compiler.predicate(for: Array(repeating: "topic:wide", count: 6).joined(separator: " "))
    ) { error in
      XCTAssertEqual(
        (error as? QueryError)?.message,
        "too many terms once topics are expanded (at most \(QueryNode.maximumTerms))")
    }
  }

  func testOneLevelMoreIsAnErrorWithAColumn() {
    let message = "nested too deeply (at most \(limit) levels)"
    let minus = String(repeating: "-", count: limit + 1) + "learning"
    XCTAssertThrowsError(try QueryParser.parse(minus)) { error in
      XCTAssertEqual(error as? QueryError, QueryError(column: limit + 1, message))
    }
    let parentheses =
      String(repeating: "(", count: limit + 1) + "a"
      + String(
        repeating: ")", count: limit + 1)
    XCTAssertThrowsError(try QueryParser.parse(parentheses)) { error in
      XCTAssertEqual(error as? QueryError, QueryError(column: limit + 1, message))
    }
    // AND and OR nest without parentheses of their own: the group holding too much is named.
    let groups = (0..<limit).reduce("x") { inner, _ in "(a OR b \(inner))" }
    XCTAssertThrowsError(try QueryParser.parse(groups)) { error in
      XCTAssertEqual((error as? QueryError)?.message, message)
      XCTAssertEqual((error as? QueryError).map { groups.dropFirst($0.column - 1).first }, "(")
    }
  }

  func testAHugeQueryIsRefusedWithoutExhaustingTheStack() {
    let query = String(repeating: "(", count: 200_000)
    XCTAssertThrowsError(try QueryParser.parse(query)) { error in
      XCTAssertEqual((error as? QueryError)?.column, limit + 1)
    }
  }

  func testATopicThatNestsTooDeeplyIsNamedAtItsColumn() throws {
    var topics = TopicSet.defaults
    let deep = (0..<8).reduce("x") { inner, _ in "(a OR (b \(inner)))" }
    topics.set(try Topic(name: "Deep", query: deep))
    let compiler = QueryCompiler(topics: topics, today: queryToday)
    XCTAssertNoThrow(try compiler.predicate(for: "topic:deep"))
    let query = "(c OR (d (e OR (f -topic:deep))))"
    XCTAssertThrowsError(try compiler.predicate(for: query)) { error in
      XCTAssertEqual(
        error as? QueryError,
        QueryError(
          column: 26, "topic 'Deep' nests the query too deeply (at most \(limit) levels)"))
    }
  }
}
