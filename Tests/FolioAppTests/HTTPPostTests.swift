import FolioTestSupport
import Foundation
import XCTest

@testable import FolioApp

/// `HTTPClient.post`, which the Zotero connector and Semantic Scholar use: the body and headers
/// arrive as sent, any status comes back to the caller, and only a retrying POST repeats.
final class HTTPPostTests: XCTestCase {
  func testAPostSendsItsBodyAndHeadersAndReturnsARefusalToTheCaller() throws {
    let server = try TestHTTPServer { _ in .status(500, "no translator") }
    defer { server.stop() }
    let client = HTTPClient(version: "0.0.0")
    let body = Data(#"{"items":[]}"#.utf8)
    let answer = try client.post(
      URL(string: server.base + "/connector/saveItems")!, body: body,
      headers: ["Content-Type": "application/json", "X-Bad": "a\r\nInjected: 1"], retrying: false)
    XCTAssertEqual(answer.status, 500)
    XCTAssertEqual(String(decoding: answer.body, as: UTF8.self), "no translator")
    let requests = server.requests
    XCTAssertEqual(requests.count, 1, "a POST that is not retrying is sent once")
    XCTAssertEqual(requests[0].method, "POST")
    XCTAssertEqual(requests[0].body, body)
    XCTAssertEqual(requests[0].headers["content-type"], "application/json")
    XCTAssertNil(requests[0].headers["x-bad"], "a header with a line break is not sent")
    XCTAssertNil(requests[0].headers["injected"])
  }

  func testARetryingPostRepeatsAfterA429AndReturnsTheAnswer() throws {
    var calls = 0
    let server = try TestHTTPServer { _ in
      calls += 1
      return calls == 1 ? .status(429, "", headers: ["Retry-After": "0"]) : .ok("[null]")
    }
    defer { server.stop() }
    var limits = HTTPLimits()
    limits.backoff = 0.01
    let client = HTTPClient(version: "0.0.0", limits: limits)
    let answer = try client.post(
      URL(string: server.base + "/graph/v1/paper/batch")!, body: Data("{}".utf8), retrying: true)
    XCTAssertEqual(answer.status, 200)
    XCTAssertEqual(String(decoding: answer.body, as: UTF8.self), "[null]")
    XCTAssertEqual(server.requests.count, 2)
  }

  func testNoServerIsUnavailableAtOnce() throws {
    let server = try TestHTTPServer { _ in .ok("") }
    let base = server.base
    server.stop()
    let client = HTTPClient(version: "0.0.0")
    XCTAssertThrowsError(
      try client.post(URL(string: base + "/connector/ping")!, body: Data(), retrying: false)
    ) { error in
      let failure = error as! HTTPClient.Failure
      XCTAssertEqual(failure.exitCode, 69)
      XCTAssertTrue(failure.message.hasPrefix("cannot reach 127.0.0.1"), failure.message)
    }
  }
}
