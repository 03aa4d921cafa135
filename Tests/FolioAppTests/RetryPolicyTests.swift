import XCTest

@testable import FolioApp

/// What Folio does with each answer: the bounds hold whatever the server sends.
final class RetryPolicyTests: XCTestCase {
  let policy = RetryPolicy(limits: HTTPLimits())

  func decide(
    _ status: Int, _ headers: [String: String] = [:], attempt: Int = 1, waited: Double = 0,
    retries: Int = 10, left: Double = 300
  ) -> RetryPolicy.Decision {
    policy.decide(
      .answer(status: status, headers: headers), host: "h.example", url: "https://h.example/x",
      progress: RetryPolicy.Progress(
        attempt: attempt, waited: waited, retriesLeftInFetch: retries, secondsLeftInFetch: left,
        now: 0))
  }

  func testSuccessIsAcceptedAndOtherClientErrorsFailAtOnce() {
    XCTAssertEqual(decide(200), .accept)
    XCTAssertEqual(decide(204), .accept)
    XCTAssertEqual(
      decide(404), .fail(message: "h.example refused https://h.example/x (HTTP 404)", exitCode: 69))
  }

  func testADelayBelowTheFloorIsRaisedToIt() {
    for value in ["0", "-5", "nan", "0.001"] {
      XCTAssertEqual(decide(429, ["retry-after": value]), .retry(after: 1), value)
      XCTAssertEqual(decide(429, ["retry-after": value], attempt: 2), .retry(after: 2), value)
    }
    XCTAssertEqual(decide(429, ["ratelimit": "\"api\";r=0;t=0"]), .retry(after: 1))
    XCTAssertEqual(decide(429), .retry(after: 1), "no header: the backoff")
    XCTAssertEqual(decide(429, ["retry-after": "5"]), .retry(after: 5))
  }

  func testADelayLongerThanFolioWaitsFailsAtOnceSayingWhenToTryAgain() {
    XCTAssertEqual(
      decide(429, ["retry-after": "3600"]),
      .fail(message: "h.example is limiting requests (HTTP 429); try again in 3600 s", exitCode: 69)
    )
    XCTAssertEqual(
      decide(503, ["retry-after": "120.2"]),
      .fail(
        message: "h.example answered HTTP 503 for https://h.example/x; try again in 121 s",
        exitCode: 69))
    for value in ["inf", "1e300", String(repeating: "9", count: 30)] {
      XCTAssertEqual(
        decide(429, ["retry-after": value]),
        .fail(message: "h.example is limiting requests (HTTP 429); try again later", exitCode: 69),
        value)
    }
    XCTAssertEqual(
      decide(429, ["retry-after": "40"], waited: 30),
      .fail(message: "h.example is limiting requests (HTTP 429); try again in 40 s", exitCode: 69),
      "the waits of one request add up to at most maxWait")
    XCTAssertEqual(
      decide(429, ["retry-after": "40"], left: 20),
      .fail(message: "h.example is limiting requests (HTTP 429); try again in 40 s", exitCode: 69),
      "no wait goes past the fetch's deadline")
  }

  func testAttemptsPerRequestAndRetriesPerFetchAreCapped() {
    XCTAssertEqual(
      decide(429, ["retry-after": "0"], attempt: 3),
      .fail(
        message: "h.example is limiting requests (HTTP 429, 3 attempts); try again later",
        exitCode: 69))
    XCTAssertEqual(
      decide(500, attempt: 3),
      .fail(
        message: "h.example answered HTTP 500 for https://h.example/x (3 attempts)", exitCode: 69))
    XCTAssertEqual(
      decide(500, retries: 0),
      .fail(
        message:
          "h.example answered HTTP 500 for https://h.example/x (no retries left: 10 in this fetch)",
        exitCode: 69))
    let unreachable = policy.decide(
      .unreachable("connection refused"), host: "h.example", url: "u",
      progress: RetryPolicy.Progress(
        attempt: 3, waited: 3, retriesLeftInFetch: 5, secondsLeftInFetch: 100, now: 0))
    XCTAssertEqual(
      unreachable,
      .fail(message: "cannot reach h.example: connection refused (3 attempts)", exitCode: 69))
  }

  /// Any status, any header value, any attempt: a retry's delay is a finite number within the
  /// bounds, and retrying the same answer ends within `attemptsPerRequest` attempts.
  func testEveryRetryIsBoundedWhateverTheServerSends() {
    let values = [
      "0", "-5", "nan", "inf", "-inf", "1e300", "1e-300", "59.9", "60", "60.0001", "0x10", "",
      "Sun, 06 Nov 1994 08:49:37 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "18446744073709551616",
    ]
    for status in [408, 429, 500, 502, 503, 599] {
      for name in ["retry-after", "ratelimit", "ratelimit-reset"] {
        for value in values {
          let headers = [name: name == "ratelimit" ? "\"p\";r=0;t=\(value)" : value]
          var waited = 0.0
          var attempt = 1
          while case .retry(let delay) = decide(status, headers, attempt: attempt, waited: waited) {
            XCTAssertTrue(delay.isFinite && delay >= 1 && delay <= 60, "\(status) \(name) \(value)")
            waited += delay
            attempt += 1
            XCTAssertLessThanOrEqual(attempt, 3)
          }
          XCTAssertLessThanOrEqual(waited, 60)
        }
      }
    }
  }
}
