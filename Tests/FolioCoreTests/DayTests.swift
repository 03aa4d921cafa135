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
}
