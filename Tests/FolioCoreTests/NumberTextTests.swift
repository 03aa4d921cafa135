import FolioCore
import XCTest

final class NumberTextTests: XCTestCase {
  func testThousandsAreGroupedWithCommasWhateverTheSign() {
    XCTAssertEqual(NumberText.grouped(0), "0")
    XCTAssertEqual(NumberText.grouped(999), "999")
    XCTAssertEqual(NumberText.grouped(1000), "1,000")
    XCTAssertEqual(NumberText.grouped(1_234_567), "1,234,567")
    XCTAssertEqual(NumberText.grouped(-123), "-123", "no comma after the sign")
    XCTAssertEqual(NumberText.grouped(-1234), "-1,234")
    XCTAssertEqual(NumberText.grouped(Int.min), "-9,223,372,036,854,775,808")
  }
}
