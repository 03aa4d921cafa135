import FolioTestSupport
import Foundation
import GRDB
import XCTest

/// `folio fetch` against a real HTTP server on 127.0.0.1, answering as scripted.
final class FetchCommandTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("FolioCoreTests/Fixtures")

  /// A Hugging Face daily page of `count` papers numbered from `first`.
  static func hfPage(_ first: Int, count: Int, upvotes: Int = 1, featured: String = "2026-11-27")
    -> String
  {
    let items = (first..<(first + count)).map { index in
      """
      {"paper": {"id": "2411.\(String(format: "%05d", index))", "title": "Fetched Paper \(index)",
        "summary": "About \(index).", "authors": [{"name": "Author \(index)", "hidden": false}],
        "publishedAt": "2026-11-26T10:00:00.000Z", "upvotes": \(upvotes + index % 3)},
       "publishedAt": "\(featured)T06:00:00.000Z", "numComments": 0}
      """
    }
    return "[" + items.joined(separator: ",") + "]"
  }

  func rss() throws -> String {
    try String(contentsOf: Self.fixtures.appendingPathComponent("arxiv-rss.xml"), encoding: .utf8)
  }

  func testFetchesEveryHuggingFacePageAndTheArxivFeed() throws {
    let folio = try FolioRunner(self)
    let rss = try rss()
    let server = try TestHTTPServer { request in
      if request.path.hasPrefix("/rss/") { return .ok(rss, contentType: "application/rss+xml") }
      if request.path.contains("p=0") { return .ok(Self.hfPage(0, count: 50)) }
      if request.path.contains("p=1") { return .ok(Self.hfPage(50, count: 3)) }
      return .status(404)
    }
    let result = try folio.fetch(
      from: server, ["--day", "2026-11-27", "--category", "cs.LG,cs.CV"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout,
      "huggingface: imported 53 new, 0 updated, 0 unchanged\narxiv: imported 2 new, 0 updated, 0 unchanged, 1 skipped\n"
        + "imported 55 new, 0 updated, 0 unchanged, 1 skipped\n")
    let paths = server.requests.map(\.path)
    XCTAssertEqual(
      paths,
      [
        "/api/daily_papers?date=2026-11-27&p=0&limit=50",
        "/api/daily_papers?date=2026-11-27&p=1&limit=50",
        "/rss/cs.LG+cs.CV",
      ])
    XCTAssertTrue(
      server.requests.allSatisfy { $0.headers["user-agent"]?.hasPrefix("Folio/0.1.0") == true })
    let days = try folio.rows(["--filter", "source:hf"]).map { $0[1] }
    XCTAssertEqual(Set(days), ["2026-11-27"])
    XCTAssertEqual(try folio.rows(["--filter", "source:arxiv"]).count, 2)
  }

  func testARejectedRequestChangesNothing() throws {
    let folio = try FolioRunner(self)
    let server = try TestHTTPServer { _ in .status(400, #"{"error": "Invalid date"}"#) }
    let result = try folio.fetch(from: server, ["--source", "hf"])
    XCTAssertEqual(result.status, 69)
    XCTAssertTrue(
      result.stderr.hasPrefix(
        "folio: error: 127.0.0.1 refused http://127.0.0.1:\(server.port)/api/daily_papers?date="),
      result.stderr)
    XCTAssertTrue(result.stderr.hasSuffix("(HTTP 400)\n"))
    XCTAssertEqual(try folio.paperCount(), 0)
  }

  func testRateLimitIsWaitedOutThenItWorks() throws {
    let folio = try FolioRunner(self)
    var calls = 0
    let server = try TestHTTPServer { _ in
      calls += 1
      return calls == 1
        ? .status(429, "slow down", headers: ["Retry-After": "1"]) : .ok(Self.hfPage(0, count: 2))
    }
    let started = Date()
    let result = try folio.fetch(from: server, ["--source", "hf"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(server.requests.count, 2)
    XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 1, "waited as Retry-After asked")
    XCTAssertEqual(try folio.paperCount(), 2)
  }

  func testARateLimitLongerThanTheBoundIsAClearError() throws {
    let folio = try FolioRunner(self)
    let server = try TestHTTPServer { _ in
      .status(429, "", headers: ["RateLimit": "\"api\";r=0;t=3600"])
    }
    let result = try folio.fetch(from: server, ["--source", "hf"])
    XCTAssertEqual(result.status, 69)
    XCTAssertEqual(
      result.stderr,
      "folio: error: 127.0.0.1 is limiting requests (HTTP 429); try again in 3600 s\n")
    XCTAssertEqual(try folio.paperCount(), 0)
  }

  func testAServerErrorIsRetried() throws {
    let folio = try FolioRunner(self)
    var calls = 0
    let server = try TestHTTPServer { _ in
      calls += 1
      return calls == 1 ? .status(500) : .ok(Self.hfPage(0, count: 1))
    }
    let result = try folio.fetch(from: server, ["--source", "hf"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(server.requests.count, 2)
    XCTAssertEqual(try folio.paperCount(), 1)
  }

  func testAHangPastTheTimeoutFailsWithoutChangingTheLibrary() throws {
    let folio = try FolioRunner(self)
    let server = try TestHTTPServer { _ in .hang(seconds: 4) }
    let result = try folio.fetch(from: server, ["--source", "hf"], timeout: "1")
    XCTAssertEqual(result.status, 69)
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: error: cannot reach 127.0.0.1: timed out"), result.stderr)
    XCTAssertEqual(server.requests.count, 3, "three attempts")
    XCTAssertEqual(try folio.paperCount(), 0)
  }

  func testATruncatedBodyFailsWithoutChangingTheLibrary() throws {
    let folio = try FolioRunner(self)
    let server = try TestHTTPServer { _ in .truncated(Self.hfPage(0, count: 5)) }
    let result = try folio.fetch(from: server, ["--source", "hf"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.hasPrefix("folio: error: "), result.stderr)
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    XCTAssertEqual(try folio.paperCount(), 0)
  }

  func testWrongContentNamesTheURL() throws {
    let folio = try FolioRunner(self)
    let server = try TestHTTPServer { _ in .ok("<html>maintenance</html>", contentType: "text/html")
    }
    let result = try folio.fetch(from: server, ["--source", "hf", "--day", "2026-11-27"])
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(
      result.stderr,
      "folio: error: the answer from \(server.base)/api/daily_papers?date=2026-11-27&p=0&limit=50 is not Hugging Face daily papers JSON\n"
    )
    let arxiv = try folio.fetch(from: server, ["--source", "arxiv", "--category", "cs.LG"])
    XCTAssertEqual(
      arxiv.stderr,
      "folio: error: the answer from \(server.base)/rss/cs.LG is not an arXiv RSS feed\n")
    XCTAssertEqual(try folio.paperCount(), 0)
  }

  func testOfflineIsUnavailableAndChangesNothing() throws {
    let folio = try FolioRunner(self)
    let server = try TestHTTPServer { _ in .status(500) }
    server.stop()
    let result = try folio.fetch(from: server, ["--source", "hf"])
    XCTAssertEqual(result.status, 69)
    XCTAssertEqual(
      result.stderr, "folio: error: cannot reach 127.0.0.1: connection refused (3 attempts)\n")
    XCTAssertEqual(try folio.paperCount(), 0)
  }

  func testFetchingAgainUpdatesUpvotesAndKeepsState() throws {
    let folio = try FolioRunner(self)
    var upvotes = 1
    // The arXiv feed announces one of the papers Hugging Face features.
    let rss = try rss().replacingOccurrences(of: "2401.01234", with: "2411.01234")
    let server = try TestHTTPServer { request in
      request.path.hasPrefix("/rss/")
        ? .ok(rss) : .ok(Self.hfPage(1233, count: 2, upvotes: upvotes))
    }
    XCTAssertEqual(try folio.fetch(from: server, ["--source", "hf"]).status, 0)
    try folio.run(["star", "2411.01234"])
    XCTAssertEqual(
      try folio.fetch(from: server, ["--source", "arxiv"]).stdout,
      "imported 1 new, 1 updated, 0 unchanged, 1 skipped\n")
    upvotes = 40
    let again = try folio.fetch(from: server, ["--source", "hf"])
    XCTAssertEqual(again.stdout, "imported 0 new, 2 updated, 0 unchanged\n")
    let papers = try XCTUnwrap(
      try JSONSerialization.jsonObject(
        with: Data(
          folio.run(["list", "--format", "json", "--filter", "id:2411.01234"]).stdout.utf8))
        as? [[String: Any]])
    XCTAssertEqual(papers.count, 1, "Hugging Face's and arXiv's 2411.01234 are one paper")
    XCTAssertEqual(
      papers[0]["categories"] as? [String], ["cs.LG", "cs.AI"], "arXiv's categories stay")
    XCTAssertEqual(papers[0]["starred"] as? Bool, true)
    XCTAssertEqual(papers[0]["upvotes"] as? Int, 41)
  }
}

final class ReaderFetchEndToEndTests: XCTestCase {
  func testShiftRFetchesInTheBackgroundAndTheNewPapersAppear() throws {
    let folio = try FolioRunner(self)
    let today = ISO8601DateFormatter.string(
      from: Date(), timeZone: .current, formatOptions: [.withFullDate])
    let rss = try String(
      contentsOf: FetchCommandTests.fixtures.appendingPathComponent("arxiv-rss.xml"),
      encoding: .utf8)
    let server = try TestHTTPServer { request in
      request.path.hasPrefix("/rss/")
        ? .ok(rss) : .ok(FetchCommandTests.hfPage(7, count: 2, upvotes: 500, featured: today))
    }
    let environment = folio.environment.merging(
      ["FOLIO_HF_URL": server.base, "FOLIO_ARXIV_URL": server.base, "FOLIO_HTTP_TIMEOUT": "3"]) {
        $1
      }
    let tmux = try TmuxSession([FolioRunner.binary.path], environment: environment, testCase: self)
    try tmux.waitFor("284 shown")
    try tmux.send("R")
    try tmux.waitFor("fetched: imported 4 new, 0 updated, 0 unchanged, 1 skipped")
    let screen = try tmux.waitFor("286 shown")
    XCTAssertTrue(
      screen.contains("Fetched Paper 8"),
      "the most upvoted new papers lead today's list:\n\(screen)")
    XCTAssertEqual(try folio.rows(["--filter", "source:hf"]).count, 2)
  }

  func testAFailedBackgroundFetchShowsOnTheStatusLine() throws {
    let folio = try FolioRunner(self)
    let server = try TestHTTPServer { _ in .status(503) }
    let environment = folio.environment.merging(
      ["FOLIO_HF_URL": server.base, "FOLIO_ARXIV_URL": server.base, "FOLIO_HTTP_TIMEOUT": "1"]) {
        $1
      }
    let tmux = try TmuxSession([FolioRunner.binary.path], environment: environment, testCase: self)
    try tmux.waitFor("284 shown")
    try tmux.send("R")
    try tmux.waitFor("fetch failed: 127.0.0.1 answered HTTP 503")
    try tmux.send("j")
    XCTAssertTrue(try tmux.capture().contains("284 shown"))
  }
}
