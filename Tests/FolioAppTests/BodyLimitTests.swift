import Foundation
import XCTest

@testable import FolioApp

/// The body cap, and the limits read from config.toml and the environment.
final class BodyLimitTests: XCTestCase {
  func testNothingPastTheCapIsKept() {
    var body = BodyLimit(maxBytes: 10)
    XCTAssertTrue(body.expect(length: -1), "an unknown length is read, under the cap")
    XCTAssertTrue(body.append(Data(repeating: 1, count: 6)))
    XCTAssertTrue(body.append(Data(repeating: 2, count: 4)))
    XCTAssertEqual(body.data.count, 10)
    XCTAssertFalse(body.append(Data([3])))
    XCTAssertTrue(body.exceeded)
    XCTAssertEqual(body.data.count, 10)
    XCTAssertFalse(body.append(Data()), "once past the cap, the body stays refused")
  }

  func testADeclaredLengthPastTheCapIsRefusedBeforeReading() {
    var body = BodyLimit(maxBytes: 10)
    XCTAssertFalse(body.expect(length: 11))
    XCTAssertTrue(body.exceeded)
    var exact = BodyLimit(maxBytes: 10)
    XCTAssertTrue(exact.expect(length: 10))
  }

  func testLimitsFromConfigAndEnvironment() {
    XCTAssertEqual(HTTPLimits.configured(environment: [:]), HTTPLimits())
    XCTAssertEqual(HTTPLimits().maxBodyBytes, 64 << 20)
    XCTAssertEqual(HTTPLimits().maxFetchBytes, 256 << 20, "a fetch's answers together")
    XCTAssertEqual(HTTPLimits.configured(maxMegabytes: 2, environment: [:]).maxBodyBytes, 2 << 20)
    XCTAssertEqual(
      HTTPLimits.configured(maxMegabytes: 2, environment: ["FOLIO_HTTP_MAX_MB": "0.5"])
        .maxBodyBytes,
      1 << 19, "the environment overrides the config")
    let short = HTTPLimits.configured(
      environment: ["FOLIO_HTTP_TIMEOUT": "2", "FOLIO_FETCH_TIMEOUT": "9"])
    XCTAssertEqual(short.requestDeadline, 2)
    XCTAssertEqual(short.idleTimeout, 2)
    XCTAssertEqual(short.backoff, 0.2)
    XCTAssertEqual(short.maxWait, 2)
    XCTAssertEqual(short.fetchDeadline, 9)
    for junk in ["0", "-1", "nan", "inf", "1e400", "x"] {
      XCTAssertEqual(
        HTTPLimits.configured(
          environment: [
            "FOLIO_HTTP_TIMEOUT": junk, "FOLIO_FETCH_TIMEOUT": junk, "FOLIO_HTTP_MAX_MB": junk,
          ]), HTTPLimits(), junk)
    }
    XCTAssertEqual(
      HTTPLimits.configured(environment: ["FOLIO_HTTP_MAX_MB": "1e300"]).maxBodyBytes, 4096 << 20)
    XCTAssertEqual(
      HTTPLimits.configured(environment: ["FOLIO_HTTP_TIMEOUT": "1e300"]).requestDeadline, 86_400)
  }
}
