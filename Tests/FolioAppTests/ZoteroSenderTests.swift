import FolioConfig
import FolioCore
import FolioTestSupport
import Foundation
import XCTest

@testable import FolioApp

/// `ZoteroSender` against a fake connector on loopback: one ping, one save per paper, never a
/// save made twice, and every way a connector can fail a paper named and inert.
final class ZoteroSenderTests: XCTestCase {
  static func paper(_ number: Int) -> LibraryPaper {
    LibraryPaper(
      paper: Paper.fromSource(
        title: "Paper \(number)", abstract: "Abstract \(number).", authors: ["Ada Lovelace"],
        arxivID: "2411.0000\(number)", day: Day("2026-11-27")!, source: "test")!,
      state: PaperState(tags: ["t\(number)"]))
  }

  func sender(_ base: String) -> ZoteroSender {
    ZoteroSender(
      config: Config(), version: "0.0.0",
      environment: [
        "FOLIO_ZOTERO_URL": base + "/", "FOLIO_HTTP_TIMEOUT": "5",
        "FOLIO_ARXIV_URL": "http://127.0.0.1:9",
      ])
  }

  /// The connector's answers: the ping, then `saves` in turn (the last repeated).
  func connector(_ saves: [TestHTTPServer.Response]) throws -> TestHTTPServer {
    var answered = 0
    return try TestHTTPServer { request in
      if request.path == "/connector/ping" {
        return .ok("Zotero is running", contentType: "text/html")
      }
      defer { answered += 1 }
      return saves[min(answered, saves.count - 1)]
    }
  }

  func testEachPaperIsOneSaveAfterOnePing() throws {
    let server = try connector([.status(201)])
    defer { server.stop() }
    var progress: [String] = []
    let report = try sender(server.base).send([Self.paper(1), Self.paper(2)]) {
      progress.append("\($0)/\($1)")
    }
    XCTAssertEqual(report, ZoteroReport(sent: ["2411.00001", "2411.00002"]))
    XCTAssertEqual(progress, ["1/2", "2/2"])
    let requests = server.requests
    XCTAssertEqual(
      requests.map { "\($0.method) \($0.path)" },
      [
        "GET /connector/ping", "POST /connector/saveItems", "POST /connector/saveItems",
      ])
    var sessions: Set<String> = []
    for (index, request) in requests.dropFirst().enumerated() {
      XCTAssertEqual(request.headers["content-type"], "application/json")
      let body = try XCTUnwrap(
        JSONSerialization.jsonObject(with: request.body) as? [String: Any])
      let items = try XCTUnwrap(body["items"] as? [[String: Any]])
      XCTAssertEqual(items.count, 1, "one paper per request")
      XCTAssertEqual(items[0]["title"] as? String, "Paper \(index + 1)")
      XCTAssertEqual(items[0]["DOI"] as? String, "10.48550/arXiv.2411.0000\(index + 1)")
      let attachments = try XCTUnwrap(items[0]["attachments"] as? [[String: String]])
      XCTAssertEqual(
        attachments.first?["url"], "http://127.0.0.1:9/pdf/2411.0000\(index + 1)",
        "the PDF where folio pdf gets it, FOLIO_ARXIV_URL included")
      sessions.insert(try XCTUnwrap(body["sessionID"] as? String))
    }
    XCTAssertEqual(sessions.count, 2, "a fresh session for each save")
  }

  /// A 500 or a 429 is a refusal, not a reason to send again; the refusal quotes the answer,
  /// inert and cut short, and the other papers are still sent.
  func testARefusalNamesItsPaperAndIsNeverRetried() throws {
    let hostile =
      "{\"error\":\"\u{1B}]52;c;eA==\u{7}no\u{1B}[2J\"}" + String(repeating: "x", count: 5_000)
    let server = try connector([.status(201), .status(500, hostile), .status(429), .status(201)])
    defer { server.stop() }
    let papers = (1...4).map(Self.paper)
    let report = try sender(server.base).send(papers)
    XCTAssertEqual(report.sent, ["2411.00001", "2411.00004"])
    XCTAssertEqual(report.refused.map(\.id), ["2411.00002", "2411.00003"])
    XCTAssertFalse(report.connectorLost)
    let reason = report.refused[0].reason
    XCTAssertTrue(reason.hasPrefix("the connector answered HTTP 500: {\"error\":\"no\"}xx"), reason)
    XCTAssertTrue(reason.hasSuffix("…"), reason)
    XCTAssertLessThanOrEqual(reason.count, ZoteroSender.reasonLimit + 40)
    XCTAssertFalse(reason.unicodeScalars.contains { $0.value < 0x20 }, reason)
    XCTAssertEqual(report.refused[1].reason, "the connector answered HTTP 429")
    XCTAssertEqual(server.requests.count, 5, "one ping and four saves: nothing sent twice")
  }

  func testZoteroNotRunningIsUnavailable() throws {
    // Nothing listens on the discard port.
    let base = "http://127.0.0.1:9"
    XCTAssertThrowsError(try sender(base).send([Self.paper(1)])) { error in
      let failure = error as! HTTPClient.Failure
      XCTAssertEqual(failure.exitCode, 69)
      XCTAssertTrue(
        failure.message.hasPrefix("Zotero is not running (no connector at \(base)): cannot reach"),
        failure.message)
    }
  }

  /// Something else on the port (a 404 to the ping) is not Zotero either.
  func testAPingThatFailsIsNotZotero() throws {
    let server = try TestHTTPServer { _ in .status(404, "<html>nothing here</html>") }
    defer { server.stop() }
    XCTAssertThrowsError(try sender(server.base).send([Self.paper(1)])) { error in
      let failure = error as! HTTPClient.Failure
      XCTAssertEqual(failure.exitCode, 69)
      XCTAssertTrue(failure.message.hasPrefix("Zotero is not running"), failure.message)
    }
    XCTAssertEqual(server.requests.map(\.path), ["/connector/ping"], "nothing saved")
  }

  /// A connector that stops answering part way: that paper's reason says so, the rest are not
  /// sent (a save is never repeated, and nothing is there to take it).
  func testAConnectorThatStopsAnsweringStopsTheSend() throws {
    let server = try connector([.status(201), .hang(seconds: 0)])
    defer { server.stop() }
    let report = try sender(server.base).send((1...3).map(Self.paper))
    XCTAssertEqual(report.sent, ["2411.00001"])
    XCTAssertTrue(report.connectorLost)
    XCTAssertEqual(report.refused.map(\.id), ["2411.00002", "2411.00003"])
    XCTAssertTrue(
      report.refused[0].reason.hasPrefix("cannot reach 127.0.0.1"), report.refused[0].reason)
    XCTAssertEqual(report.refused[1].reason, "not sent: the connector stopped answering")
    XCTAssertEqual(server.requests.count, 3, "one ping and two saves")
  }

  /// A save with no answer before the deadline may have been made: the reason says to look
  /// before sending it again, and it is not sent again.
  func testASaveThatTimesOutSaysItMayHaveBeenMade() throws {
    let server = try connector([.hang(seconds: 3)])
    defer { server.stop() }
    let sender = ZoteroSender(
      config: Config(), version: "0.0.0",
      environment: ["FOLIO_ZOTERO_URL": server.base, "FOLIO_HTTP_TIMEOUT": "0.5"])
    let report = try sender.send([Self.paper(1), Self.paper(2)])
    XCTAssertEqual(report.sent, [])
    XCTAssertTrue(report.connectorLost)
    let reason = try XCTUnwrap(report.refused.first?.reason)
    XCTAssertTrue(reason.contains("timed out"), reason)
    XCTAssertTrue(reason.hasSuffix("look in Zotero before sending it again"), reason)
    XCTAssertEqual(server.requests.count, 2, "one ping and one save")
  }

  /// An answer that is not even HTTP ends the send like a lost connector; a 201 with garbage in
  /// its body is a save (Zotero's body is not needed).
  func testGarbageAnswers() throws {
    let server = try connector([.status(201, "\u{0}\u{FF}garbage"), .truncated("{\"items\"")])
    defer { server.stop() }
    let report = try sender(server.base).send((1...2).map(Self.paper))
    XCTAssertEqual(report.sent, ["2411.00001"])
    XCTAssertEqual(report.refused.map(\.id), ["2411.00002"])
  }

  func testABadURLIsAUsageError() {
    let sender = ZoteroSender(
      config: Config(), version: "0.0.0", environment: ["FOLIO_ZOTERO_URL": "ftp://\u{1B}[31mhost"])
    XCTAssertThrowsError(try sender.ping()) { error in
      let failure = error as! HTTPClient.Failure
      XCTAssertEqual(failure.exitCode, 64)
      XCTAssertFalse(failure.message.contains("\u{1B}"), failure.message)
      XCTAssertTrue(failure.message.contains("zotero_url"), failure.message)
    }
  }

  func testTheConfigURLIsTheDefaultAndTheEnvironmentWins() {
    var config = Config()
    XCTAssertEqual(
      ZoteroSender(config: config, version: "0", environment: [:]).baseURL,
      "http://127.0.0.1:23119")
    config.zoteroURL = "http://127.0.0.1:23999/"
    XCTAssertEqual(
      ZoteroSender(config: config, version: "0", environment: [:]).baseURL,
      "http://127.0.0.1:23999")
    XCTAssertEqual(
      ZoteroSender(config: config, version: "0", environment: ["FOLIO_ZOTERO_URL": "http://h:1"])
        .baseURL, "http://h:1")
  }
}
