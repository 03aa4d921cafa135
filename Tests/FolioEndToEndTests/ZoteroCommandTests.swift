import FolioTestSupport
import Foundation
import XCTest

/// `folio zotero` (issue 20) against a fake connector on loopback: selection, refusals named
/// with their paper, Zotero not running, and the URL from the config or the environment.
/// ``ZoteroPapisTests`` runs it against a real connector, papis-zotero's.
final class ZoteroCommandTests: XCTestCase {
  /// The RIS/CSL-JSON tests' library: 2411.00001 (starred, tagged reading-group), 2411.00002
  /// (starred, noted), 2411.00003 (tagged, not starred) and a starred sample paper.
  func library() throws -> FolioRunner {
    try Self.library(self)
  }

  static func library(_ testCase: XCTestCase) throws -> FolioRunner {
    let folio = try FolioRunner(testCase)
    try folio.run(["import", FolioRunner.sample, "--day", "2026-11-27"])
    let papers = try folio.file("papers.jsonl", text: ReferenceExportCommandTests.arxivPapers)
    XCTAssertEqual(try folio.run(["import", papers, "--day", "2026-11-27"]).status, 0)
    let sample = try folio.rows()[3][0]
    XCTAssertEqual(try folio.run(["star", "2411.00001", "2411.00002", sample]).status, 0)
    XCTAssertEqual(try folio.run(["tag", "reading-group", "2411.00001", "2411.00003"]).status, 0)
    XCTAssertEqual(try folio.run(["note", "2411.00002", "Read first\n<b>not bold</b>"]).status, 0)
    return folio
  }

  /// A connector that answers the ping, and each save with `save(title)`.
  func connector(_ save: @escaping (String) -> TestHTTPServer.Response = { _ in .status(201) })
    throws -> TestHTTPServer
  {
    try TestHTTPServer { request in
      guard request.path == "/connector/saveItems" else {
        return .ok("Zotero Connector Server is Available", contentType: "text/html")
      }
      let body = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]
      let item = (body?["items"] as? [[String: Any]])?.first
      return save(item?["title"] as? String ?? "")
    }
  }

  func zotero(_ folio: FolioRunner, _ base: String, _ arguments: [String]) throws -> CommandResult {
    try folio.run(
      ["zotero"] + arguments,
      environment: ["FOLIO_ZOTERO_URL": base, "FOLIO_HTTP_TIMEOUT": "5"])
  }

  /// The titles of the items the connector received, in order.
  func savedTitles(_ server: TestHTTPServer) -> [String] {
    server.requests.filter { $0.path == "/connector/saveItems" }.compactMap {
      let body = try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any]
      return (body?["items"] as? [[String: Any]])?.first?["title"] as? String
    }
  }

  func testIdsAndSelectionsAreSentOnceEach() throws {
    let folio = try library()
    let server = try connector()
    defer { server.stop() }
    let result = try zotero(
      folio, server.base, ["2411.00002", "--starred", "--tag", "Reading-Group"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "sent 2 papers to Zotero\n")
    XCTAssertEqual(
      savedTitles(server),
      ["Being and Nothingness in Transformers", "Analytical Engines for Symphonies"],
      "the id first, then the starred paper tagged reading-group (not the unstarred one)")
    XCTAssertEqual(server.requests.first?.path, "/connector/ping")

    let filtered = try zotero(folio, server.base, ["--filter", "tag:reading-group", "2411.00001"])
    XCTAssertEqual(filtered.stderr, "sent 2 papers to Zotero\n")
    XCTAssertEqual(
      Array(savedTitles(server).suffix(2)),
      ["Analytical Engines for Symphonies", "Compilers All the Way Down"], "each paper once")
  }

  func testARefusalIsListedWithItsIdAndTheExitIsNonZero() throws {
    let folio = try library()
    let server = try connector { title in
      title.hasPrefix("Being")
        ? .status(500, "{\"libraryEditable\":false}\u{1B}]0;pwned\u{7}") : .status(201)
    }
    defer { server.stop() }
    let result = try zotero(folio, server.base, ["2411.00001", "2411.00002", "2411.00003"])
    XCTAssertEqual(result.status, 65, result.stderr)
    XCTAssertEqual(
      result.stderr,
      """
      folio: refused: 2411.00002: the connector answered HTTP 500: {"libraryEditable":false}
      folio: error: Zotero refused 1 of 3 papers (2 sent)

      """)
    XCTAssertEqual(savedTitles(server).count, 3, "a refused save is not sent again")
  }

  func testZoteroNotRunningIsExit69() throws {
    let folio = try library()
    // Nothing listens on the discard port.
    let base = "http://127.0.0.1:9"
    let result = try zotero(folio, base, ["2411.00001"])
    XCTAssertEqual(result.status, 69)
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: error: Zotero is not running (no connector at \(base))"),
      result.stderr)
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one line")
  }

  func testUsageErrorsSendNothing() throws {
    let folio = try library()
    let server = try connector()
    defer { server.stop() }
    let nothing = try zotero(folio, server.base, [])
    XCTAssertEqual(nothing.status, 64, nothing.stderr)
    XCTAssertTrue(nothing.stderr.contains("name the papers to send"), nothing.stderr)
    let badTag = try zotero(folio, server.base, ["--tag", "no good"])
    XCTAssertEqual(badTag.status, 64, badTag.stderr)
    let unknown = try zotero(folio, server.base, ["2411.00001", "9999.99999"])
    XCTAssertEqual(unknown.status, 1, unknown.stderr)
    XCTAssertTrue(unknown.stderr.contains("9999.99999"), unknown.stderr)
    let none = try zotero(folio, server.base, ["--filter", "tag:nothing-has-this"])
    XCTAssertEqual(none.status, 0, none.stderr)
    XCTAssertEqual(none.stderr, "no papers to send\n")
    XCTAssertTrue(server.requests.isEmpty, "nothing reached the connector")
  }

  /// A selection over ZoteroSender.maxPapers is refused before anything is sent.
  func testASelectionOverTheCapIsRefusedWhole() throws {
    let folio = try FolioRunner(self)
    let lines = (1...1_001).map {
      #"{"id": "2412.\#(String(format: "%05d", $0))", "title": "Capped paper \#($0)", "abstract": "A."}"#
    }
    let imported = try folio.run(
      ["import", "-", "--format", "jsonl"], stdin: lines.joined(separator: "\n") + "\n")
    XCTAssertEqual(imported.status, 0, imported.stderr)
    let server = try connector()
    defer { server.stop() }
    let result = try zotero(folio, server.base, ["--filter", "capped"])
    XCTAssertEqual(result.status, 64, result.stderr)
    XCTAssertEqual(
      result.stderr,
      "folio: error: 1,001 papers selected; folio zotero sends at most 1,000 at a time "
        + "(narrow the selection)\n")
    XCTAssertTrue(server.requests.isEmpty)
  }

  /// config.toml's zotero_url is used when FOLIO_ZOTERO_URL is not set.
  func testTheConfigNamesTheConnector() throws {
    let folio = try library()
    let server = try connector()
    defer { server.stop() }
    try FileManager.default.createDirectory(
      at: folio.directory.appendingPathComponent("config/folio"),
      withIntermediateDirectories: true)
    _ = try folio.file("config/folio/config.toml", text: "zotero_url = \"\(server.base)\"\n")
    let result = try folio.run(["zotero", "2411.00003"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(savedTitles(server), ["Compilers All the Way Down"])
  }
}
