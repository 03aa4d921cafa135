import Dispatch
import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import FolioTestSupport
import Foundation
import XCTest

@testable import FolioApp

/// The reader's `Z` and `z` off the main loop (issue 20): the papers are read and sent on the
/// job's thread, and the end comes back as one event whose text the status line shows: what
/// was sent, Zotero not running, or each refused paper's id with Zotero's reason.
final class BackgroundZoteroTests: XCTestCase {
  /// A library of `count` arXiv papers, the first `starred` of them starred.
  func library(_ count: Int, starred: Int = 0) throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    let day = Day("2026-11-27")!
    try store.importPapers(file: "t", format: "test", source: "test") { session in
      for index in 0..<count {
        try session.add(
          Paper.fromSource(
            title: "Paper \(index)", abstract: "About \(index).", authors: ["Ada Lovelace"],
            arxivID: String(format: "2611.%05d", index + 1), day: day, source: "test")!)
      }
    }
    try store.setStarred(true, ids: (0..<starred).map { String(format: "2611.%05d", $0 + 1) })
    return store
  }

  /// The events of the job once it has ended (a minute at most: it talks to loopback only).
  func events(of zotero: BackgroundZotero) -> [ReaderEvent] {
    let tick = DispatchSemaphore(value: 0)
    let deadline = Date().addingTimeInterval(60)
    while zotero.isRunning && Date() < deadline { _ = tick.wait(timeout: .now() + 0.01) }
    XCTAssertFalse(zotero.isRunning, "the send ended")
    return zotero.take()
  }

  func testNoConnectorSaysZoteroIsNotRunning() throws {
    // Nothing listens on the discard port.
    let base = "http://127.0.0.1:9"
    let zotero = BackgroundZotero(version: "0.0.0")
    XCTAssertTrue(
      zotero.start(
        .paper(id: "2611.00001"), store: try library(2), config: Config(),
        environment: ["FOLIO_ZOTERO_URL": base]))
    guard case .zoteroFinished(.failure(let failure))? = events(of: zotero).last else {
      return XCTFail("the send failed")
    }
    XCTAssertTrue(
      failure.message.hasPrefix("Zotero is not running (no connector at \(base))"),
      failure.message)
  }

  func testAPaperThatIsGoneSendsNothing() throws {
    let server = try TestHTTPServer { _ in .status(201) }
    defer { server.stop() }
    let zotero = BackgroundZotero(version: "0.0.0")
    XCTAssertTrue(
      zotero.start(
        .paper(id: "2611.09999"), store: try library(1), config: Config(),
        environment: ["FOLIO_ZOTERO_URL": server.base]))
    XCTAssertEqual(
      events(of: zotero),
      [.zoteroFinished(.failure(FetchFailure("not sent to Zotero: no paper with id '2611.09999'")))]
    )
    XCTAssertEqual(server.requests.count, 0)
  }

  func testTheStarredPapersAreReadUpToTheCap() throws {
    let store = try library(5, starred: 3)
    guard case .success(let papers) = BackgroundZotero.papers(.starred(count: 3), store: store)
    else { return XCTFail("the starred papers are read") }
    XCTAssertEqual(Set(papers.map(\.id)), ["2611.00001", "2611.00002", "2611.00003"])

    let limit = ZoteroRequest.starredLimit
    XCTAssertEqual(limit, ZoteroSender.maxPapers, "the reader's cap is folio zotero's")
    let many = try library(limit + 1, starred: limit + 1)
    XCTAssertEqual(
      BackgroundZotero.papers(.starred(count: limit), store: many),
      .failure(
        FetchFailure(
          "not sent to Zotero: more than 1,000 starred papers (send a part with folio zotero --starred --filter QUERY)"
        )), "starred since the question: nothing is sent")
  }

  func testNothingStarredSendsNothing() throws {
    let server = try TestHTTPServer { _ in .status(201) }
    defer { server.stop() }
    let zotero = BackgroundZotero(version: "0.0.0")
    XCTAssertTrue(
      zotero.start(
        .starred(count: 1), store: try library(2), config: Config(),
        environment: ["FOLIO_ZOTERO_URL": server.base]))
    XCTAssertEqual(events(of: zotero), [.zoteroFinished(.success("nothing is starred yet"))])
    XCTAssertEqual(server.requests.count, 0)
  }

  func testTheOutcomeNamesWhatWasSentAndEachRefusal() {
    XCTAssertEqual(
      BackgroundZotero.outcome(ZoteroReport(sent: ["2611.00001"])),
      .success("sent 2611.00001 to Zotero"))
    XCTAssertEqual(
      BackgroundZotero.outcome(ZoteroReport(sent: (1...1200).map { "\($0)" })),
      .success("sent 1,200 papers to Zotero"))
    XCTAssertEqual(
      BackgroundZotero.outcome(
        ZoteroReport(refused: [ZoteroRefusal(id: "2611.00001", reason: "HTTP 500: no library")])),
      .failure(FetchFailure("Zotero refused 2611.00001: HTTP 500: no library")))
    let refused = (1...5).map { ZoteroRefusal(id: "p\($0)", reason: "r\($0)") }
    XCTAssertEqual(
      BackgroundZotero.outcome(ZoteroReport(sent: ["a", "b"], refused: refused)),
      .failure(
        FetchFailure("Zotero refused 5 of 7 papers (2 sent): p1: r1; p2: r2; p3: r3; 2 more")))
    let long = String(repeating: "é", count: 5_000)
    guard
      case .failure(let failure) = BackgroundZotero.outcome(
        ZoteroReport(refused: [ZoteroRefusal(id: "x", reason: long)]))
    else { return XCTFail("a refusal is a failure") }
    XCTAssertEqual(failure.message.unicodeScalars.count, "Zotero refused x: ".count + 200 + 1)
    XCTAssertTrue(failure.message.hasSuffix("…"))
  }

  func testTheStarredAreSentWithProgressAndARefusalIsNamed() throws {
    let server = try TestHTTPServer { request in
      guard request.path == "/connector/saveItems" else { return .ok("Zotero is running") }
      return String(decoding: request.body, as: UTF8.self).contains("Paper 1")
        ? .status(500, "no library\u{1B}[2J") : .status(201)
    }
    defer { server.stop() }
    let zotero = BackgroundZotero(version: "0.0.0")
    XCTAssertTrue(
      zotero.start(
        .starred(count: 3), store: try library(4, starred: 3), config: Config(),
        environment: ["FOLIO_ZOTERO_URL": server.base]))
    let events = events(of: zotero)
    XCTAssertEqual(
      events,
      [
        .zoteroProgress("sent 1 of 3…"), .zoteroProgress("sent 2 of 3…"),
        .zoteroProgress("sent 3 of 3…"),
        .zoteroFinished(
          .failure(
            FetchFailure(
              "Zotero refused 1 of 3 papers (2 sent): 2611.00002: the connector answered "
                + "HTTP 500: no library"))),
      ])
    XCTAssertEqual(
      server.requests.map(\.path),
      ["/connector/ping"] + Array(repeating: "/connector/saveItems", count: 3))
  }

  func testOneSendAtATime() throws {
    let gate = DispatchSemaphore(value: 0)
    let server = try TestHTTPServer { _ in
      gate.wait()
      return .status(201)
    }
    defer { server.stop() }
    let zotero = BackgroundZotero(version: "0.0.0")
    let store = try library(1)
    let environment = ["FOLIO_ZOTERO_URL": server.base]
    XCTAssertTrue(
      zotero.start(
        .paper(id: "2611.00001"), store: store, config: Config(), environment: environment))
    XCTAssertFalse(
      zotero.start(
        .paper(id: "2611.00001"), store: store, config: Config(), environment: environment),
      "a second send waits for the first to end")
    gate.signal()  // the ping
    gate.signal()  // the save
    XCTAssertEqual(events(of: zotero), [.zoteroFinished(.success("sent 2611.00001 to Zotero"))])
  }

  func testTheStarredAreCountedInTheBackground() throws {
    let zotero = BackgroundZotero(version: "0.0.0")
    XCTAssertTrue(zotero.countStarred(store: try library(5, starred: 3)))
    XCTAssertEqual(events(of: zotero), [.zoteroStarredCounted(.success(3))])
  }
}
