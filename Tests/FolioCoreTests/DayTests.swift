import XCTest

@testable import FolioCore

final class DayTests: XCTestCase {
  func testParsesOnlyValidDates() {
    XCTAssertEqual(Day("2026-11-27")?.description, "2026-11-27")
    XCTAssertEqual(Day("2024-02-29")?.description, "2024-02-29")
    for bad in [
      "2026-02-30", "2025-02-29", "2026-13-01", "2026-1-01", "20261127", "", "2026-11-27x",
    ] {
      XCTAssertNil(Day(bad), bad)
    }
  }

  func testOrdinalsRoundTripAcrossMonthsAndLeapYears() {
    XCTAssertEqual(Day("1970-01-01")?.ordinal, 0)
    var day = Day("2023-12-25")!
    for _ in 0..<800 {
      let next = day.adding(days: 1)
      XCTAssertEqual(next.ordinal, day.ordinal + 1)
      XCTAssertGreaterThan(next, day)
      XCTAssertEqual(Day(next.description), next)
      day = next
    }
    XCTAssertEqual(Day("2024-03-01")!.adding(days: -1).description, "2024-02-29")
  }

  func testTheSupportedRangeAndArithmeticAtTheExtremes() {
    XCTAssertTrue(Day("1970-01-01")!.isSupported && Day("2199-12-31")!.isSupported)
    XCTAssertFalse(Day("1969-12-31")!.isSupported || Day("2200-01-01")!.isSupported)
    XCTAssertFalse(Day("9999-12-31")!.isSupported || Day("0001-01-01")!.isSupported)
    // Far beyond any calendar: no overflow trap, the day itself or nil.
    let day = Day("2026-11-27")!
    XCTAssertEqual(day.adding(days: Int.max), day)
    XCTAssertEqual(day.adding(days: Int.min), day)
    XCTAssertEqual(Day("9999-12-31")!.adding(days: 1).description, "9999-12-31")
    XCTAssertNil(Day(ordinal: Int.max))
    XCTAssertNil(Day(ordinal: Int.min))
    XCTAssertEqual(Day(ordinal: Day("9999-12-31")!.ordinal)?.description, "9999-12-31")
    let utc = TimeZone(identifier: "UTC")!
    XCTAssertEqual(Day(Date(timeIntervalSince1970: 1e15), in: utc), Day.supported.upperBound)
    XCTAssertEqual(Day(Date(timeIntervalSince1970: -1e15), in: utc), Day.supported.lowerBound)
  }
}
