import XCTest

@testable import FolioConfig

/// `for_you_days` (issue 19): how far back the reader's For you view looks, validated like
/// every key.
final class ForYouConfigTests: XCTestCase {
  func testForYouDaysIsAWholeNumberOfDaysFromOneToAYear() {
    XCTAssertEqual(Config().forYouDays, 7)
    for good in [1, 30, 365] {
      let (config, warnings) = Config.parsing("for_you_days = \(good)\n", file: "c.toml")
      XCTAssertEqual(config.forYouDays, good)
      XCTAssertEqual(warnings, [])
    }
    for bad in ["0", "-7", "366", "1.5", "\"week\"", "true", "[7]", "9223372036854775807"] {
      let (config, warnings) = Config.parsing("\nfor_you_days = \(bad)\n", file: "c.toml")
      XCTAssertEqual(config.forYouDays, 7, bad)
      XCTAssertEqual(
        warnings.map(\.description),
        ["c.toml:2: 'for_you_days' must be a whole number of days from 1 to 365; using 7"], bad)
    }
  }

  func testTheTemplateOffersIt() {
    XCTAssertTrue(Config.template.contains("\n# for_you_days = 7\n"))
  }
}
