import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// Every day Folio accepts lists its papers, at both ends of ``Day/supported``; days beyond
/// are left out of imports, and a day a library holds anyway (an older Folio's, or written by
/// hand) never traps a listing.
final class DayRangeTests: XCTestCase {
  let first = Day.supported.lowerBound
  let last = Day.supported.upperBound

  func testTheSupportedRangeIsWhatTheSortKeyOrders() {
    XCTAssertEqual(first.description, "1970-01-01")
    XCTAssertEqual(last.description, "2199-12-31")
    XCTAssertLessThan(Int64(last.ordinal), SortKey.maxDayOrdinal)
    XCTAssertTrue(SortKey.isExact(first.adding(days: 1)) && SortKey.isExact(last))
  }

  func testEveryDayHasAKeyRangeWithoutTrapping() {
    // 2400-01-01 trapped in SortKey.range ("Range requires lowerBound <= upperBound").
    for text in [
      "0001-01-01", "1969-12-31", "1970-01-01", "2199-12-31", "2328-11-11", "2400-01-01",
      "9999-12-31",
    ] {
      let day = Day(text)!
      let range = SortKey.range(of: day)
      XCTAssertLessThanOrEqual(range.lowerBound, range.upperBound, text)
      XCTAssertTrue(range.contains(SortKey.make(day: day, upvotes: 5, seq: 3)), text)
    }
    XCTAssertEqual(SortKey.range(of: Day("9999-12-31")!).upperBound, Int64.max)
  }

  func testPapersOnTheFirstAndLastDayAreListedOnTheirDay() throws {
    let store = try LibraryStore.inMemory()
    let summary = try store.add([
      makePaper("First day", day: first), makePaper("Last day", day: last, upvotes: 3),
      makePaper("Between", day: testDay),
    ])
    XCTAssertEqual(summary, ImportSummary(new: 3))
    XCTAssertEqual(try store.days(), [last, testDay, first])
    XCTAssertEqual(try store.papers(PaperFilter(day: first)).map(\.paper.title), ["First day"])
    XCTAssertEqual(try store.papers(PaperFilter(day: last)).map(\.paper.title), ["Last day"])
    XCTAssertEqual(try store.count(PaperFilter(day: last.adding(days: -1))), 0)
    XCTAssertEqual(
      try store.papers(PaperFilter(match: .phrase(["day"]))).map(\.paper.title),
      ["Last day", "First day"])
  }

  func testPapersDatedOutsideTheRangeAreSkippedAndCounted() throws {
    let store = try LibraryStore.inMemory()
    var published = makePaper("Published in 9999")
    published.published = Day("9999-12-31")
    let summary = try store.add([
      makePaper("Far future", day: Day("9999-12-31")!),
      makePaper("Year one", day: Day("0001-01-01")!),
      makePaper("Just before", day: first.adding(days: -1)), published, makePaper("Kept"),
    ])
    XCTAssertEqual(summary, ImportSummary(new: 1, skipped: 4, outOfRange: 4))
    XCTAssertEqual(
      summary.description,
      "imported 1 new, 0 updated, 0 unchanged, 4 skipped (4 dated outside 1970-01-01 to 2199-12-31)"
    )
    XCTAssertEqual(try store.papers().map(\.paper.title), ["Kept"])
    let runs = try store.read { db in
      try Int.fetchOne(db, sql: "SELECT skipped_count FROM import_run")
    }
    XCTAssertEqual(runs, 4)
  }

  func testRowsWithDaysAndKeysNoImportMakesStillList() throws {
    // A library written by an older Folio (which stored 9999-12-31 and 0001-01-01 papers with
    // clamped keys) or by hand (keys at the ends of Int64).
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("Ordinary", day: first), makePaper("Last", day: last)])
    try store.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          VALUES (10, 'far', 'far', 'Far future', '', '[]', '9999-12-31', 't', '{}', NULL, '[]', 0, 0, ?),
                 (11, 'max', 'max', 'Max key', '', '[]', '2400-01-01', 't', '{}', NULL, '[]', 0, 0, ?),
                 (12, 'old', 'old', 'Year one', '', '[]', '0001-01-01', 't', '{}', NULL, '[]', 0, 0, ?),
                 (13, 'min', 'min', 'Min key', '', '[]', '1969-12-31', 't', '{}', NULL, '[]', 0, 0, ?)
          """,
        arguments: [
          SortKey.make(day: Day("9999-12-31")!, upvotes: nil, seq: 10), Int64.max,
          SortKey.make(day: Day("0001-01-01")!, upvotes: nil, seq: 12), Int64.min,
        ])
    }
    XCTAssertEqual(try store.count(), 6)
    for (day, titles) in [
      ("9999-12-31", ["Far future"]), ("2400-01-01", ["Max key"]), ("0001-01-01", ["Year one"]),
      ("1969-12-31", ["Min key"]), ("1970-01-01", ["Ordinary"]), ("2199-12-31", ["Last"]),
    ] {
      let filter = PaperFilter(day: Day(day)!)
      XCTAssertEqual(try store.papers(filter).map(\.paper.title), titles, day)
      XCTAssertEqual(try store.counts(filter).total, titles.count, day)
      let page = try store.listing(filter, from: .position(0), limit: 10)
      XCTAssertEqual(page.map(\.summary.title), titles, day)
    }
    XCTAssertEqual(try store.days().first, Day("2400-01-01"))
    let all = try store.listing(PaperFilter(), from: .position(0), limit: 10)
    XCTAssertEqual(all.first?.summary.title, "Max key")
    XCTAssertEqual(all.last?.summary.title, "Min key")
  }
}
