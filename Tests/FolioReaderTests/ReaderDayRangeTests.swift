import FolioCore
import FolioStore
import GRDB
import XCTest

@testable import FolioReader
@testable import FolioStore

/// A paper dated 9999-12-31 killed the reader at every start (SIGILL in SortKey.range), and
/// `a` did with `default_view = "all"`. Imports now leave such papers out; a library that
/// holds one anyway (an older Folio's, or a row written by hand with an extreme sort key)
/// opens, lists and pages.
final class ReaderDayRangeTests: XCTestCase {
  func testA9999PaperIsLeftOutOfTheImportAndTheReaderOpensOnToday() throws {
    let store = try makeLibrary(sample: false)
    let summary = try store.importPapers(file: "hf", format: "hf", source: "hf") { session in
      try session.add(
        Paper.fromSource(
          title: "From the far future", abstract: "x", arxivID: "2411.09999",
          published: Day("9999-12-31"), day: Day("9999-12-31")!, source: "hf")!)
    }
    XCTAssertEqual(summary.outOfRange, 1)
    let harness = ReaderHarness(store: store)
    XCTAssertEqual(harness.state.scope, .day(sampleDay))
  }

  func testExtremeRowsOpenListAndPage() throws {
    let store = try makeLibrary(sample: false)
    try store.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          VALUES (100, 'far', 'far', 'Far future', 'x', '[]', '9999-12-31', 't', '{}', NULL, '[]', 0, 0, ?),
                 (101, 'max', 'max', 'Max key', 'x', '[]', '9999-12-31', 't', '{}', NULL, '[]', 0, 0, ?),
                 (102, 'old', 'old', 'Year one', 'x', '[]', '0001-01-01', 't', '{}', NULL, '[]', 0, 0, ?)
          """,
        arguments: [
          SortKey.make(day: Day("9999-12-31")!, upvotes: nil, seq: 100), Int64.max, Int64.min,
        ])
    }
    for startWithAllDays in [false, true] {
      var harness = ReaderHarness(
        store: store,
        settings: ReaderSettings(startWithAllDays: startWithAllDays, libraryName: "t"))
      if startWithAllDays {
        XCTAssertEqual(harness.state.scope, .allDays)
        XCTAssertEqual(harness.selectedTitle, "Max key")
        harness.type("a")  // to the selected paper's day: 9999-12-31
      }
      XCTAssertEqual(harness.state.scope, .day(Day("9999-12-31")!))
      XCTAssertEqual(harness.state.counts.total, 2)
      XCTAssertEqual(harness.selectedTitle, "Max key")
      harness.type("j")
      XCTAssertEqual(harness.selectedTitle, "Far future")
      harness.type("[")
      XCTAssertEqual(harness.state.scope, .day(sampleDay))
      harness.type("[[")
      XCTAssertEqual(harness.state.scope, .day(Day("0001-01-01")!))
      XCTAssertEqual(harness.selectedTitle, "Year one")
      harness.type("aG")
      XCTAssertEqual(harness.selectedTitle, "Year one")
      XCTAssertTrue(harness.screen.contains("Year one"))
    }
  }
}
