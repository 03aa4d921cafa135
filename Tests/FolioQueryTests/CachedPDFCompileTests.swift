import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

/// `has:pdf` needs the PDF cache listed (up to 100,000 entries, a `stat` each): a compile lists
/// it only for a query that says `has:pdf`, itself or through a topic.
final class CachedPDFCompileTests: XCTestCase {
  var topics: TopicSet {
    get throws {
      var topics = TopicSet.defaults
      topics.set(try Topic(name: "Offline", query: "has:pdf OR tag:paper"))
      topics.set(try Topic(name: "Starred offline", query: "is:starred topic:offline"))
      return topics
    }
  }

  /// The compiled filter of `query`, and how many times the cache was listed for it.
  func compile(_ query: String, topics: TopicSet) throws -> (PaperFilter, listings: Int) {
    var listings = 0
    let compiler = QueryCompiler(topics: topics, today: Day("2026-11-27")!)
    let filter = try compiler.filter(try QueryParser.parse(query)) {
      listings += 1
      return ["2401.00001.pdf"]
    }
    return (filter, listings)
  }

  func testTheCacheIsListedOnlyForAQueryThatSaysHasPDF() throws {
    let topics = try self.topics
    for query in ["cat:cs.LG", "diffusion -video", "is:starred OR has:note", "topic:vision"] {
      XCTAssertEqual(try compile(query, topics: topics).listings, 0, query)
    }
    for query in [
      "has:pdf", "diffusion -has:pdf", "(a OR (b -has:PDF))", "topic:offline",
      "topic:\"starred offline\" cat:cs.LG",
    ] {
      XCTAssertEqual(try compile(query, topics: topics).listings, 1, query)
    }
    // The names listed are what has:pdf matches, as when the caller sets them.
    var compiler = QueryCompiler(topics: topics, today: Day("2026-11-27")!)
    compiler.cachedPDFs = ["2401.00001.pdf"]
    XCTAssertEqual(
      try compile("topic:offline", topics: topics).0,
      try compiler.filter(try QueryParser.parse("topic:offline")))
    // A query that does not compile is not worth a listing; it still fails.
    XCTAssertThrowsError(try compile("topic:nosuchtopic has:pdf", topics: topics))
  }

  func testMentions() throws {
    XCTAssertTrue(try QueryParser.parse("-(a OR has:pdf)").mentionsCachedPDF)
    XCTAssertFalse(try QueryParser.parse("has:summary has:note").mentionsCachedPDF)
    XCTAssertFalse(try QueryParser.parse("topic:offline").mentionsCachedPDF, "not expanded")
    XCTAssertTrue(try topics.mentionsCachedPDF)
    XCTAssertFalse(TopicSet.defaults.mentionsCachedPDF)
  }
}
