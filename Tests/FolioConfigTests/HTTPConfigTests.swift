import XCTest

@testable import FolioConfig

/// `http_max_mb`: the cap on an HTTP answer, validated like every key.
final class HTTPConfigTests: XCTestCase {
  func testHTTPMaxMBIsAWholeNumberOfMegabytesInRange() {
    XCTAssertEqual(Config().httpMaxMB, 64)
    let (config, warnings) = Config.parsing("http_max_mb = 8\n", file: "c.toml")
    XCTAssertEqual(config.httpMaxMB, 8)
    XCTAssertEqual(warnings, [])
    for bad in ["0", "-1", "4097", "1.5", "\"big\"", "inf", "9223372036854775807"] {
      let (config, warnings) = Config.parsing("http_max_mb = \(bad)\n", file: "c.toml")
      XCTAssertEqual(config.httpMaxMB, 64, bad)
      XCTAssertEqual(
        warnings.map(\.description),
        ["c.toml:1: 'http_max_mb' must be a whole number of megabytes from 1 to 4096; using 64"],
        bad)
    }
  }
}
