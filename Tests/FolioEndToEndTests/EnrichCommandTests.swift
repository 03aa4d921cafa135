import FolioTestSupport
import Foundation
import XCTest

/// `folio enrich` and `folio fetch --enrich` against a loopback Semantic Scholar answering with
/// the recorded-shape records of Tests/FolioCoreTests/Fixtures/s2-batch.json, in the order the
/// ids were asked (null for a paper the recording does not hold).
final class EnrichCommandTests: XCTestCase {
  /// The recorded records by arXiv id, as JSON text.
  static let records: [String: String] = {
    let url = FetchCommandTests.fixtures.appendingPathComponent("s2-batch.json")
    let array = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [Any] ?? []
    var records: [String: String] = [:]
    for case let record as [String: Any] in array {
      if let arxiv = (record["externalIds"] as? [String: Any])?["ArXiv"] as? String,
        let data = try? JSONSerialization.data(withJSONObject: record)
      {
        records[arxiv] = String(decoding: data, as: UTF8.self)
      }
    }
    return records
  }()

  /// The ids a batch request asked for, without `ARXIV:`.
  static func ids(_ request: TestHTTPServer.Request) -> [String] {
    let body = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]
    return ((body?["ids"] as? [String]) ?? []).map { String($0.dropFirst("ARXIV:".count)) }
  }

  /// Semantic Scholar as recorded: the known records, null for the others, aligned.
  static func semanticScholar(_ request: TestHTTPServer.Request) -> TestHTTPServer.Response {
    .ok("[" + ids(request).map { records[$0] ?? "null" }.joined(separator: ", ") + "]")
  }

  /// A library of three arXiv papers Semantic Scholar knows, one it does not, and one
  /// without an arXiv id.
  func library() throws -> FolioRunner {
    let folio = try FolioRunner(self)
    let lines = [
      #"{"id": "1706.03762", "title": "Attention Is All You Need", "abstract": "Transformers."}"#,
      #"{"id": "1810.04805", "title": "BERT", "abstract": "Pre-training."}"#,
      #"{"id": "2401.00001", "title": "Uncited", "abstract": "Nobody cites it."}"#,
      #"{"id": "2401.99999", "title": "Unknown", "abstract": "Semantic Scholar lacks it."}"#,
    ]
    let imported = try folio.run(
      ["import", "-", "--format", "jsonl"], stdin: lines.joined(separator: "\n") + "\n")
    XCTAssertEqual(imported.status, 0, imported.stderr)
    return folio
  }

  func enrich(
    _ folio: FolioRunner, _ server: TestHTTPServer, _ arguments: [String] = [],
    environment: [String: String] = [:]
  ) throws -> CommandResult {
    try folio.run(
      ["enrich"] + arguments,
      environment: ["FOLIO_S2_URL": server.base, "FOLIO_HTTP_TIMEOUT": "2"].merging(
        environment
      ) { $1 })
  }

  /// `folio list --format json`'s papers by title.
  func listed(_ folio: FolioRunner) throws -> [String: [String: Any]] {
    let result = try folio.run(["list", "--format", "json", "--limit", "100"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let papers = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any] ?? []
    var byTitle: [String: [String: Any]] = [:]
    for case let paper as [String: Any] in papers {
      byTitle[paper["title"] as? String ?? ""] = paper
    }
    return byTitle
  }

  func testEnrichKeepsCountsAndTLDRsThatListShows() throws {
    let folio = try library()
    let server = try TestHTTPServer(handler: Self.semanticScholar)
    defer { server.stop() }
    let result = try enrich(folio, server, environment: ["S2_API_KEY": "k-123"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "enrich: asked 4 papers, 3 known, 1 unknown\n")
    XCTAssertEqual(server.requests.count, 1)
    XCTAssertEqual(server.requests[0].headers["x-api-key"], "k-123")
    XCTAssertEqual(Set(Self.ids(server.requests[0])), Set(Self.records.keys).union(["2401.99999"]))
    let papers = try listed(folio)
    let attention = try XCTUnwrap(papers["Attention Is All You Need"])
    XCTAssertEqual(attention["citations"] as? Int, 149_342)
    XCTAssertEqual(attention["influential_citations"] as? Int, 17_961)
    XCTAssertTrue((attention["tldr"] as? String)?.hasPrefix("A new simple network") ?? false)
    let uncited = try XCTUnwrap(papers["Uncited"])
    XCTAssertEqual(uncited["citations"] as? Int, 0)
    XCTAssertTrue(uncited["tldr"] is NSNull)
    let unknown = try XCTUnwrap(papers["Unknown"])
    XCTAssertTrue(unknown["citations"] is NSNull, "unknown is null, not 0")
    XCTAssertTrue(unknown["influential_citations"] is NSNull)
    // Asked a moment ago: nothing to ask now.
    let again = try enrich(folio, server)
    XCTAssertEqual(again.stdout, "enrich: asked 0 papers, 0 known, 0 unknown\n")
    XCTAssertEqual(server.requests.count, 1)
  }

  func testTheSelectionOptionsLimitWhatIsAsked() throws {
    let folio = try library()
    let server = try TestHTTPServer(handler: Self.semanticScholar)
    defer { server.stop() }
    XCTAssertEqual(try folio.run(["star", "1810.04805"]).status, 0)
    let starred = try enrich(folio, server, ["--starred"])
    XCTAssertEqual(starred.stdout, "enrich: asked 1 paper, 1 known, 0 unknown\n", starred.stderr)
    XCTAssertEqual(Self.ids(server.requests[0]), ["1810.04805"])
    let filtered = try enrich(folio, server, ["--filter", "title:attention"])
    XCTAssertEqual(filtered.stdout, "enrich: asked 1 paper, 1 known, 0 unknown\n", filtered.stderr)
    XCTAssertEqual(Self.ids(server.requests[1]), ["1706.03762"])
    let otherDay = try enrich(folio, server, ["--day", "2001-01-01"])
    XCTAssertEqual(otherDay.stdout, "enrich: asked 0 papers, 0 known, 0 unknown\n")
    XCTAssertEqual(try enrich(folio, server, ["--filter", "(attention"]).status, 65)
  }

  func testFailuresAreOneLineExitCodesAndChangeNothing() throws {
    let folio = try library()
    let cases: [(TestHTTPServer.Response, Int32, String)] = [
      (.ok("<html><body>Bad gateway</body></html>", contentType: "text/html"), 65, "batch JSON"),
      (.ok(#"[{"citationCount": 1}"#), 65, "not valid JSON"),
      (.status(500, "oops"), 69, "HTTP 500"),
      (.status(429, "", headers: ["Retry-After": "3600"]), 69, "try again in 3600 s"),
    ]
    // One server for all the cases: the case's answer to every request while it runs.
    var current = 0
    let server = try TestHTTPServer { _ in cases[current].0 }
    defer { server.stop() }
    for (index, (_, status, words)) in cases.enumerated() {
      current = index
      let result = try enrich(folio, server)
      XCTAssertEqual(result.status, status, result.stderr)
      XCTAssertEqual(result.stdout, "")
      XCTAssertTrue(result.stderr.hasPrefix("folio: error: "), result.stderr)
      XCTAssertTrue(result.stderr.contains(words), result.stderr)
      XCTAssertTrue(result.stderr.contains("(nothing was changed)"), result.stderr)
      XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
    }
    let unreachable = try folio.run(
      ["enrich"], environment: ["FOLIO_S2_URL": "http://127.0.0.1:9", "FOLIO_HTTP_TIMEOUT": "2"])
    XCTAssertEqual(unreachable.status, 69, unreachable.stderr)
    let papers = try listed(folio)
    XCTAssertTrue(papers.values.allSatisfy { $0["citations"] is NSNull }, "nothing kept")
  }

  func testWithoutAKeyASecondBatchWaitsASecondAndProgressIsShown() throws {
    let folio = try FolioRunner(self)
    let lines = (0..<501).map {
      #"{"id": "2411.\#(String(format: "%05d", $0))", "title": "Paper \#($0)", "abstract": "A."}"#
    }
    let imported = try folio.run(
      ["import", "-", "--format", "jsonl"], stdin: lines.joined(separator: "\n") + "\n")
    XCTAssertEqual(imported.status, 0, imported.stderr)
    let server = try TestHTTPServer(handler: Self.semanticScholar)
    defer { server.stop() }
    let result = try enrich(folio, server)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "enrich: asked 501 papers, 0 known, 501 unknown\n")
    XCTAssertEqual(server.requests.map { Self.ids($0).count }, [500, 1])
    XCTAssertTrue(
      result.stderr.contains("enrich: 501 papers asked so far"),
      "the run took over a second (the pacing): progress on stderr: \(result.stderr)")
  }

  func testFetchEnrichAsksAboutWhatItImported() throws {
    let folio = try library()
    // Featured on another day than today: what was imported, not a day, is asked about.
    let page = """
      [{"paper": {"id": "1706.03762", "title": "Attention Is All You Need", "summary": "T.",
        "authors": [], "publishedAt": "2017-06-12T00:00:00.000Z", "upvotes": 3},
        "publishedAt": "2026-11-20T00:00:00.000Z"},
       {"paper": {"id": "2411.00007", "title": "New And Unknown", "summary": "U.",
        "authors": [], "publishedAt": "2026-11-19T00:00:00.000Z", "upvotes": 1},
        "publishedAt": "2026-11-20T00:00:00.000Z"}]
      """
    let server = try TestHTTPServer { request in
      request.path.hasPrefix("/graph/") ? Self.semanticScholar(request) : .ok(page)
    }
    defer { server.stop() }
    let result = try folio.fetch(
      from: server, ["--source", "hf", "--enrich"], environment: ["FOLIO_S2_URL": server.base])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stdout.hasSuffix("enrich: asked 2 papers, 1 known, 1 unknown\n"), result.stdout)
    let asked = server.requests.filter { $0.path.hasPrefix("/graph/") }
    XCTAssertEqual(asked.count, 1)
    XCTAssertEqual(Set(Self.ids(asked[0])), ["1706.03762", "2411.00007"], "not BERT and the rest")
    let papers = try listed(folio)
    XCTAssertEqual(papers["Attention Is All You Need"]?["citations"] as? Int, 149_342)
    XCTAssertTrue(papers["BERT"]?["citations"] is NSNull, "in the library, not fetched")
    // A fetch that fails enriches nothing.
    let failed = try folio.run(
      ["fetch", "--source", "hf", "--enrich"],
      environment: [
        "FOLIO_HF_URL": "http://127.0.0.1:9", "FOLIO_S2_URL": server.base,
        "FOLIO_HTTP_TIMEOUT": "2",
      ])
    XCTAssertEqual(failed.status, 69)
    XCTAssertEqual(server.requests.filter { $0.path.hasPrefix("/graph/") }.count, 1)
  }
}
