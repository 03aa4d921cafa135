import FolioConfig
import FolioCore
import FolioTestSupport
import Foundation
import XCTest

@testable import FolioApp

/// A clock that only moves when slept on: pacing is checked without waiting.
final class FakePacing: ScholarPacing, @unchecked Sendable {
  private let lock = NSLock()
  private var time = 1_000.0
  private var slept: [Double] = []

  var sleeps: [Double] {
    lock.lock()
    defer { lock.unlock() }
    return slept
  }

  func now() -> Double {
    lock.lock()
    defer { lock.unlock() }
    return time
  }

  func sleep(_ seconds: Double) {
    lock.lock()
    defer { lock.unlock() }
    slept.append(seconds)
    time += seconds
  }

  /// Time passing outside the client (the work between two requests).
  func advance(_ seconds: Double) {
    lock.lock()
    defer { lock.unlock() }
    time += seconds
  }
}

/// `ScholarClient` against a loopback server answering with recorded-shape payloads
/// (Tests/FolioCoreTests/Fixtures/s2-batch*.json).
final class ScholarClientTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("FolioCoreTests/Fixtures")

  static func fixture(_ name: String) -> String {
    (try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  let recordedIDs = ["1706.03762", "2401.99999", "1810.04805", "2401.00001"]

  func client(
    _ server: TestHTTPServer, key: String? = nil, pacing: FakePacing = FakePacing()
  ) -> ScholarClient {
    var environment = ["FOLIO_S2_URL": server.base + "/", "FOLIO_HTTP_TIMEOUT": "2"]
    environment["S2_API_KEY"] = key
    return ScholarClient(
      config: Config(), version: "0.0.0", environment: environment, pacing: pacing)
  }

  func failure(_ body: () throws(HTTPClient.Failure) -> Void) -> HTTPClient.Failure? {
    do {
      try body()
      return nil
    } catch {
      return error
    }
  }

  func testTheBatchIsPostedAsDocumentedAndReadAligned() throws {
    let server = try TestHTTPServer { _ in .ok(Self.fixture("s2-batch.json")) }
    defer { server.stop() }
    let facts = try client(server).lookUp(recordedIDs)
    XCTAssertEqual(facts.map(\.citations), [149_342, nil, 103_817, 0])
    XCTAssertEqual(facts.map(\.influentialCitations), [17_961, nil, 20_149, 0])
    let request = try XCTUnwrap(server.requests.first)
    XCTAssertEqual(server.requests.count, 1)
    XCTAssertEqual(request.method, "POST")
    XCTAssertEqual(
      request.path,
      "/graph/v1/paper/batch?fields=citationCount,influentialCitationCount,tldr,externalIds")
    XCTAssertEqual(request.headers["content-type"], "application/json")
    XCTAssertNil(request.headers["x-api-key"], "no key, no header")
    XCTAssertTrue(request.headers["user-agent"]?.hasPrefix("Folio/") ?? false)
    let body = try XCTUnwrap(JSONSerialization.jsonObject(with: request.body) as? [String: Any])
    XCTAssertEqual(body["ids"] as? [String], recordedIDs.map { "ARXIV:\($0)" })
  }

  func testTheAPIKeyGoesInXAPIKeyAndLiftsThePacing() throws {
    let server = try TestHTTPServer { _ in .ok("[null]") }
    defer { server.stop() }
    let pacing = FakePacing()
    let client = client(server, key: "s3cret-key", pacing: pacing)
    for _ in 0..<3 { _ = try client.lookUp(["2401.00001"]) }
    XCTAssertEqual(
      server.requests.map { $0.headers["x-api-key"] }, Array(repeating: "s3cret-key", count: 3))
    XCTAssertEqual(pacing.sleeps, [], "with a key, requests are not spaced")
  }

  func testWithoutAKeyRequestsAreOneSecondApart() throws {
    let server = try TestHTTPServer { _ in .ok("[null]") }
    defer { server.stop() }
    let pacing = FakePacing()
    let client = client(server, pacing: pacing)
    _ = try client.lookUp(["2401.00001"])
    XCTAssertEqual(pacing.sleeps, [], "the first request does not wait")
    _ = try client.lookUp(["2401.00001"])
    XCTAssertEqual(pacing.sleeps, [1.0])
    pacing.advance(0.75)
    _ = try client.lookUp(["2401.00001"])
    XCTAssertEqual(pacing.sleeps, [1.0, 0.25], "only what is left of the second")
    pacing.advance(5)
    _ = try client.lookUp(["2401.00001"])
    XCTAssertEqual(pacing.sleeps, [1.0, 0.25], "a second gone by already: no wait")
    XCTAssertEqual(server.requests.count, 4)
  }

  func testA429IsRetriedAfterItsDelayThenTheAnswerRead() throws {
    var calls = 0
    let server = try TestHTTPServer { _ in
      calls += 1
      return calls == 1
        ? .status(429, #"{"message": "Too Many Requests"}"#, headers: ["Retry-After": "0"])
        : .ok(Self.fixture("s2-batch.json"))
    }
    defer { server.stop() }
    let facts = try client(server).lookUp(recordedIDs)
    XCTAssertEqual(facts[0].citations, 149_342)
    XCTAssertEqual(server.requests.count, 2)
    XCTAssertEqual(server.requests[1].body, server.requests[0].body, "the same batch again")
  }

  func testA429AskingForTooLongFailsAtOnceWithExit69() throws {
    let server = try TestHTTPServer { _ in .status(429, "", headers: ["Retry-After": "3600"]) }
    defer { server.stop() }
    let client = client(server)
    let error = try XCTUnwrap(
      failure { () throws(HTTPClient.Failure) in _ = try client.lookUp(["2401.00001"]) })
    XCTAssertEqual(error.exitCode, 69)
    XCTAssertTrue(error.message.contains("limiting requests"), error.message)
    XCTAssertEqual(server.requests.count, 1)
  }

  func testServerErrorsAreRetriedThenExit69() throws {
    let server = try TestHTTPServer { _ in .status(500, "Internal Server Error") }
    defer { server.stop() }
    let client = client(server)
    let error = try XCTUnwrap(
      failure { () throws(HTTPClient.Failure) in _ = try client.lookUp(["2401.00001"]) })
    XCTAssertEqual(error.exitCode, 69)
    XCTAssertTrue(error.message.contains("HTTP 500"), error.message)
    XCTAssertEqual(server.requests.count, 3, "attempts per request")
  }

  func testHTMLGarbageAndCutAnswersAreExit65() throws {
    let answers: [TestHTTPServer.Response] = [
      .ok("<html><body>502 Bad Gateway</body></html>", contentType: "text/html"),
      .ok(#"[{"citationCount": 5}, {"citationCou"#),
      .ok(Self.fixture("s2-batch-error.json")),
      .ok(Self.fixture("s2-batch-misaligned.json")),
      .ok("\u{1B}]2;owned\u{07}garbage"),
    ]
    var served = 0
    let server = try TestHTTPServer { _ in
      defer { served += 1 }
      return answers[served]
    }
    defer { server.stop() }
    for _ in answers {
      let client = client(server)
      let error = try XCTUnwrap(
        failure { () throws(HTTPClient.Failure) in
          _ = try client.lookUp(["1706.03762", "1810.04805"])
        })
      XCTAssertEqual(error.exitCode, 65, error.message)
      XCTAssertTrue(error.message.contains("not Semantic Scholar's batch JSON"), error.message)
      XCTAssertFalse(error.message.contains("\n"))
      XCTAssertFalse(error.message.contains("\u{1B}"))
    }
    XCTAssertEqual(server.requests.count, answers.count, "a bad answer is not asked again")
  }

  func testATruncatedBodyIsRetriedThenAFailure() throws {
    let server = try TestHTTPServer { _ in .truncated(Self.fixture("s2-batch.json")) }
    defer { server.stop() }
    let client = client(server)
    let error = try XCTUnwrap(
      failure { () throws(HTTPClient.Failure) in _ = try client.lookUp(self.recordedIDs) })
    XCTAssertEqual(error.exitCode, 69, error.message)
    XCTAssertTrue(error.message.contains("connection was lost"), error.message)
  }

  func testNoServerIsExit69() throws {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    let client = ScholarClient(
      config: Config(), version: "0.0.0",
      environment: ["FOLIO_S2_URL": "http://127.0.0.1:9", "FOLIO_HTTP_TIMEOUT": "2"],
      pacing: FakePacing())
    let error = try XCTUnwrap(
      failure { () throws(HTTPClient.Failure) in _ = try client.lookUp(["2401.00001"]) })
    XCTAssertEqual(error.exitCode, 69)
    XCTAssertTrue(error.message.hasPrefix("cannot reach 127.0.0.1"), error.message)
  }

  func testTheBaseURLComesFromTheEnvironmentElseTheConfig() {
    var config = Config()
    config.s2URL = "http://127.0.0.1:9/"
    XCTAssertEqual(
      ScholarClient(config: config, version: "0", environment: [:]).baseURL, "http://127.0.0.1:9")
    XCTAssertEqual(
      ScholarClient(config: config, version: "0", environment: ["FOLIO_S2_URL": "http://h:1"])
        .baseURL, "http://h:1")
    XCTAssertEqual(
      ScholarClient(config: Config(), version: "0", environment: [:]).baseURL,
      "https://api.semanticscholar.org")
  }

  func testABaseURLThatIsNotHTTPIsAUsageErrorAndNothingIsSent() throws {
    let client = ScholarClient(
      config: Config(), version: "0", environment: ["FOLIO_S2_URL": "file:///etc/passwd"])
    let error = try XCTUnwrap(
      failure { () throws(HTTPClient.Failure) in _ = try client.lookUp(["2401.00001"]) })
    XCTAssertEqual(error.exitCode, 64)
    XCTAssertEqual(error.message, "bad Semantic Scholar URL: file:///etc/passwd")
  }
}
