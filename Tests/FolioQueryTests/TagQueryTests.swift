import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

/// `tag:NAME` and `has:tag` (issue 18): parsed folded, compiled to the store's predicate,
/// evaluated in memory the same way (QueryEquivalenceTests holds SQL and memory together).
final class TagQueryTests: XCTestCase {
  func testTagIsParsedFoldedAndHasTagIsAFeature() throws {
    XCTAssertEqual(try QueryParser.parse("tag:Survey"), .tag("survey"))
    XCTAssertEqual(try QueryParser.parse("TAG:week/1"), .tag("week/1"))
    XCTAssertEqual(try QueryParser.parse("tag:\"a.b\""), .tag("a.b"))
    XCTAssertEqual(try QueryParser.parse("has:tag"), .has(.tag))
    XCTAssertEqual(
      try QueryParser.parse("-tag:x has:TAG"), .and([.not(.tag("x")), .has(.tag)]))
  }

  func testABadTagNameIsAnErrorAtItsColumn() {
    for (query, column) in [("tag:a,b", 5), ("x tag:\"two words\"", 7)] {
      XCTAssertThrowsError(try QueryParser.parse(query)) { error in
        XCTAssertEqual(
          error as? QueryError,
          QueryError(
            column: column,
            "expected a tag name (letters, digits, '-', '_', '/', '.') after 'tag:'"))
      }
    }
  }

  func testCompiledToTheStoresPredicate() throws {
    let compiler = QueryCompiler(topics: .defaults, today: queryToday)
    XCTAssertEqual(try compiler.filter(.tag("x")).condition, .tag("x"))
    XCTAssertEqual(try compiler.filter(.has(.tag)).condition, .has(.tag))
  }

  func testEvaluatedInMemoryWithoutRegardToCase() throws {
    let paper = Paper(
      id: "p", arxivID: nil, title: "T", abstract: "", authors: [], published: nil,
      day: queryToday, source: "s", links: PaperLinks(), upvotes: nil, categories: [])
    let evaluator = QueryEvaluator(topics: .defaults, today: queryToday)
    let tagged = SearchDocument(LibraryPaper(paper: paper, state: PaperState(tags: ["Survey"])))
    let plain = SearchDocument(LibraryPaper(paper: paper))
    XCTAssertTrue(try evaluator.matches(try QueryParser.parse("tag:SURVEY"), tagged))
    XCTAssertTrue(try evaluator.matches(.has(.tag), tagged))
    XCTAssertFalse(try evaluator.matches(.has(.tag), plain))
    XCTAssertFalse(try evaluator.matches(.tag("survey"), plain))
  }

  func testTagQueriesAgreeWithSQLOnTheSample() throws {
    let store = try makeQueryLibrary()
    let compiler = QueryCompiler(topics: .defaults, today: queryToday)
    let evaluator = QueryEvaluator(topics: .defaults, today: queryToday)
    let all = try store.papers()
    for query in ["tag:survey", "tag:SURVEY -tag:week/1", "has:tag", "-has:tag", "tag:none"] {
      let node = try QueryParser.parse(query)
      let sql = try store.papers(try compiler.filter(node)).map(\.id)
      let memory = try all.filter { try evaluator.matches(node, SearchDocument($0)) }.map(\.id)
      XCTAssertEqual(Set(sql), Set(memory), query)
    }
    XCTAssertGreaterThan(try store.papers(try compiler.filter(.tag("survey"))).count, 10)
  }
}
