import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

/// `day:` takes every day Folio lists, at both ends of ``Day/supported``, and says so for a
/// day beyond instead of matching nothing (or, as `--day` did, trapping).
final class QueryDayRangeTests: XCTestCase {
  func testDaysAtBothEndsFindTheirPapers() throws {
    let store = try LibraryStore.inMemory()
    let first = Day.supported.lowerBound
    let last = Day.supported.upperBound
    try store.importPapers(file: "t", format: "test", source: "text") { session in
      try session.add(Paper.fromSource(title: "First", abstract: "", day: first, source: "t")!)
      try session.add(Paper.fromSource(title: "Last", abstract: "", day: last, source: "t")!)
      try session.add(
        Paper.fromSource(title: "Middle", abstract: "", day: queryToday, source: "t")!)
    }
    let compiler = QueryCompiler(topics: .defaults, today: queryToday)
    func titles(_ query: String) throws -> [String] {
      try store.papers(try compiler.filter(try QueryParser.parse(query))).map(\.paper.title)
    }
    XCTAssertEqual(try titles("day:1970-01-01"), ["First"])
    XCTAssertEqual(try titles("day:2199-12-31"), ["Last"])
    XCTAssertEqual(try titles("day:>=2199-12-31"), ["Last"])
    XCTAssertEqual(try titles("day:<=1970-01-01"), ["First"])
    XCTAssertEqual(try titles("day:>1970-01-01"), ["Last", "Middle"])
    let span = last.ordinal - first.ordinal + 1
    XCTAssertEqual(try titles("day:-\(span)d"), ["Last", "Middle", "First"])
  }

  func testDaysBeyondTheRangeAreAnError() {
    let message = "expected a day from 1970-01-01 to 2199-12-31 after 'day:'"
    for query in ["day:2400-01-01", "day:9999-12-31", "day:>=1969-12-31", "day:0001-01-01"] {
      XCTAssertThrowsError(try QueryParser.parse(query), query) { error in
        XCTAssertEqual((error as? QueryError)?.message, message, query)
      }
    }
    XCTAssertThrowsError(try QueryParser.parse("day:-99999999999999999d")) { error in
      XCTAssertEqual((error as? QueryError)?.column, 5)
    }
    XCTAssertThrowsError(try QueryParser.parse("day:-9000000d")) { error in
      XCTAssertEqual((error as? QueryError)?.message, message)
    }
  }
}
