import FolioConfig
import FolioCore
import FolioStore
import FolioTestSupport
import Foundation
import XCTest

@testable import FolioApp

/// `ScholarEnrichment.run` over a real library and a loopback Semantic Scholar: papers asked in
/// batches of at most 500, one second apart without a key, answers kept batch by batch, a
/// failed batch changing nothing.
final class ScholarEnrichmentTests: XCTestCase {
  let day = Day("2026-11-27")!

  /// A library of `count` arXiv papers 2411.00000…, and one paper without an arXiv id.
  func library(_ count: Int) throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    try store.importPapers(file: "t", format: "test", source: "t") { session in
      for index in 0..<count {
        try session.add(
          Paper.fromSource(
            title: "Paper \(index)", abstract: "About \(index).",
            arxivID: "2411.\(String(format: "%05d", index))", day: day, source: "t")!)
      }
      try session.add(
        Paper.fromSource(title: "No arXiv id", abstract: "None.", day: day, source: "t")!)
    }
    return store
  }

  /// The ids a batch request asked for.
  static func ids(_ request: TestHTTPServer.Request) -> [String] {
    let body = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]
    return (body?["ids"] as? [String]) ?? []
  }

  /// An answer knowing every paper whose number is even: citations = its number.
  static func answer(_ request: TestHTTPServer.Request) -> TestHTTPServer.Response {
    let records = ids(request).map { id -> String in
      let arxiv = String(id.dropFirst("ARXIV:".count))
      let number = Int(arxiv.suffix(5)) ?? 1
      guard number % 2 == 0 else { return "null" }
      return #"{"paperId": "p\#(number)", "externalIds": {"ArXiv": "\#(arxiv)"}, "#
        + #""citationCount": \#(number), "influentialCitationCount": 1, "#
        + #""tldr": {"model": "tldr@v2.0.0", "text": "Paper \#(number) in one line."}}"#
    }
    return .ok("[" + records.joined(separator: ", ") + "]")
  }

  func client(_ server: TestHTTPServer, pacing: FakePacing) -> ScholarClient {
    ScholarClient(
      config: Config(), version: "0.0.0",
      environment: ["FOLIO_S2_URL": server.base, "FOLIO_HTTP_TIMEOUT": "2"], pacing: pacing)
  }

  func testFiveHundredAndOnePapersAreAskedInTwoPacedBatchesAndKept() throws {
    let store = try library(501)
    let server = try TestHTTPServer(handler: Self.answer)
    defer { server.stop() }
    let pacing = FakePacing()
    var reports: [ScholarEnrichment.Summary] = []
    let summary = try ScholarEnrichment.run(
      PaperFilter(), store: store, client: client(server, pacing: pacing)
    ) { reports.append($0) }
    XCTAssertEqual(summary, ScholarEnrichment.Summary(asked: 501, known: 251))
    XCTAssertEqual(summary.description, "enrich: asked 501 papers, 251 known, 250 unknown")
    XCTAssertEqual(server.requests.map { Self.ids($0).count }, [500, 1])
    XCTAssertEqual(Set(server.requests.flatMap(Self.ids)).count, 501, "each paper asked once")
    XCTAssertEqual(pacing.sleeps, [1.0], "the second request a second after the first")
    XCTAssertEqual(reports.map(\.asked), [500, 501])
    let papers = try store.summaries(PaperFilter(), limit: 1_000, offset: 0)
    let known = try XCTUnwrap(store.paper(id: papers.first { $0.title == "Paper 42" }!.id))
    XCTAssertEqual(known.scholar?.citations, 42)
    XCTAssertEqual(known.scholar?.tldr, "Paper 42 in one line.")
    let unknown = try XCTUnwrap(store.paper(id: papers.first { $0.title == "Paper 43" }!.id))
    XCTAssertNotNil(unknown.scholar, "asked")
    XCTAssertNil(unknown.scholar?.citations, "unknown is null, not 0")
    let none = try XCTUnwrap(store.paper(id: papers.first { $0.title == "No arXiv id" }!.id))
    XCTAssertNil(none.scholar, "a paper without an arXiv id is never asked")
    // Fresh answers are not asked again.
    let again = try ScholarEnrichment.run(
      PaperFilter(), store: store, client: client(server, pacing: pacing))
    XCTAssertEqual(again.asked, 0)
    XCTAssertEqual(server.requests.count, 2)
    // A week later they are.
    let later = try ScholarEnrichment.run(
      PaperFilter(), store: store, client: client(server, pacing: pacing),
      now: Date().addingTimeInterval(ScholarFacts.freshFor + 60))
    XCTAssertEqual(later.asked, 501)
  }

  func testAFailedBatchKeepsTheBatchesBeforeItAndChangesNothingElse() throws {
    let store = try library(501)
    var calls = 0
    let server = try TestHTTPServer { request in
      calls += 1
      return calls == 1 ? Self.answer(request) : .ok("<html>Service Unavailable</html>")
    }
    defer { server.stop() }
    XCTAssertThrowsError(
      try ScholarEnrichment.run(
        PaperFilter(), store: store, client: client(server, pacing: FakePacing()))
    ) { error in
      let failure = error as! ScholarEnrichment.Failure
      XCTAssertEqual(failure.failure.exitCode, 65)
      XCTAssertEqual(failure.kept.asked, 500)
      XCTAssertTrue(failure.message.hasSuffix("(the 500 papers asked before it were kept)"))
    }
    let papers = try store.summaries(PaperFilter(), limit: 1_000, offset: 0)
    let asked = try papers.filter { try store.paper(id: $0.id)?.scholar != nil }
    XCTAssertEqual(asked.count, 500, "the first batch is kept, the failed one changed nothing")
  }
}
