import XCTest

@testable import FolioApp

/// Reading the delay a server asks for: every form, and every hostile value, as a Double that
/// is never negative and never NaN.
final class ServerDelayTests: XCTestCase {
  func delay(_ headers: [String: String], now: Double = 0) -> Double? {
    ServerDelay.seconds(headers: headers, now: now)
  }

  func testRetryAfterDeltaSeconds() {
    XCTAssertEqual(delay(["retry-after": "120"]), 120)
    XCTAssertEqual(delay(["retry-after": " 7\t"]), 7)
    XCTAssertEqual(delay(["retry-after": "1.5"]), 1.5)
  }

  func testHostileRetryAfterValuesBecomeSafeNumbers() {
    XCTAssertEqual(delay(["retry-after": "0"]), 0)
    XCTAssertEqual(delay(["retry-after": "-5"]), 0)
    XCTAssertEqual(delay(["retry-after": "inf"]), .infinity)
    XCTAssertEqual(delay(["retry-after": "-inf"]), 0)
    XCTAssertEqual(delay(["retry-after": "1e300"]), 1e300)
    XCTAssertEqual(delay(["retry-after": String(repeating: "9", count: 400)]), .infinity)
    XCTAssertNil(delay(["retry-after": "nan"]))
    XCTAssertNil(delay(["retry-after": "soon"]))
    XCTAssertNil(delay(["retry-after": ""]))
    XCTAssertNil(delay(["retry-after": String(repeating: "x", count: 100_000)]))
  }

  func testRetryAfterHTTPDatesInAllThreeForms() {
    // 1994-11-06T08:49:37Z is 784111777 s after 1970.
    let now = 784_111_777.0 - 90
    XCTAssertEqual(delay(["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"], now: now), 90)
    XCTAssertEqual(delay(["retry-after": "Sunday, 06-Nov-94 08:49:37 GMT"], now: now), 90)
    XCTAssertEqual(delay(["retry-after": "Sun Nov  6 08:49:37 1994"], now: now), 90)
    XCTAssertEqual(
      delay(["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"], now: now + 1000), 0,
      "a date in the past asks for no wait")
    XCTAssertEqual(
      delay(["retry-after": "Fri, 31 Dec 9999 23:59:59 GMT"], now: now)!, 253_402_300_799 - now)
  }

  func testNotHTTPDates() {
    for text in [
      "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994",
      "Sun, 06 Nov 1994 25:00:00 GMT", "06 Nov Nov 1994 08:49:37", "Sun, 06 Nov 99999 08:49:37",
      "1:2:3 Nov 6 1994", "",
    ] {
      XCTAssertNil(HTTPDate.secondsSince1970(text), text)
    }
    XCTAssertEqual(HTTPDate.secondsSince1970("Thu, 01 Jan 1970 00:00:00 GMT"), 0)
    XCTAssertEqual(HTTPDate.secondsSince1970("Sat, 29 Feb 2020 12:00:00 GMT"), 1_582_977_600)
  }

  func testRateLimitFields() {
    XCTAssertEqual(delay(["ratelimit": "\"api\";r=0;t=30"]), 30)
    XCTAssertEqual(delay(["ratelimit": "limit=100, remaining=0, reset=12"]), 12)
    XCTAssertEqual(delay(["ratelimit": "\"a\";r=0;t=5, \"b\";r=0;t=50"]), 50, "the longest policy")
    XCTAssertEqual(delay(["ratelimit": "\"api\";r=0;t=0"]), 0)
    XCTAssertEqual(delay(["ratelimit": "\"api\";r=0;t=inf"]), .infinity)
    XCTAssertNil(delay(["ratelimit": "\"api\";r=0;t=nan"]))
    XCTAssertEqual(delay(["ratelimit-reset": "9"]), 9)
    XCTAssertEqual(
      delay(["retry-after": "3", "ratelimit": "\"api\";t=60"]), 3, "Retry-After comes first")
    XCTAssertEqual(
      delay(["retry-after": "nan", "ratelimit": "\"api\";t=60"]), 60,
      "an unreadable Retry-After falls back to RateLimit")
  }
}
