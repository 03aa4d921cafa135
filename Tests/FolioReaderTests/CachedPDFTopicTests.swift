import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

/// A topic that says `has:pdf` names the rows whose PDF is in the cache: the rows' topics are
/// worked out with the cache's names the app lists off the main loop
/// (``ReaderEvent/pdfCacheListed(_:)``), and again when a listing brings new names.
final class CachedPDFTopicTests: XCTestCase {
  func settings(topics: TopicSet, cache: String? = "/cache") -> ReaderSettings {
    ReaderSettings(libraryName: "test.sqlite", topics: topics, pdfCacheDirectory: cache)
  }

  var offline: TopicSet {
    get throws {
      var topics = TopicSet.defaults
      topics.set(try Topic(name: "Offline", query: "has:pdf"))
      return topics
    }
  }

  func rowsTagged(_ harness: ReaderHarness) -> [String] {
    harness.state.window.rows.filter { $0.topics.contains("Offline") }.map(\.id)
  }

  /// The detail pane's `Topics` line, when it names Offline.
  func topicLines(_ harness: ReaderHarness) -> [String] {
    harness.grid.textRows.filter { $0.contains("Topics   ") && $0.contains("Offline") }
  }

  func testATopicSayingHasPDFNamesTheRowsWhosePDFIsListed() throws {
    var harness = ReaderHarness(store: try makeLibrary(), settings: settings(topics: try offline))
    XCTAssertTrue(harness.state.wantsCachedPDFs)
    XCTAssertEqual(rowsTagged(harness), [], "nothing listed yet")
    let paper = try XCTUnwrap(harness.state.detail?.paper)
    harness.send(.pdfCacheListed([PDFCache.fileName(for: paper), "not-a-paper.pdf"]))
    XCTAssertEqual(rowsTagged(harness), [paper.id])
    XCTAssertEqual(topicLines(harness).count, 1, "\(harness.grid.textRows)")
    // The next listing (after a download) no longer has it: the row loses the topic.
    harness.send(.pdfCacheListed(["not-a-paper.pdf"]))
    XCTAssertEqual(rowsTagged(harness), [])
    XCTAssertEqual(topicLines(harness), [])
  }

  func testAListingIsWantedOnlyForSuchATopicAndACache() throws {
    XCTAssertFalse(
      ReaderHarness(store: try makeLibrary(), settings: settings(topics: .defaults)).state
        .wantsCachedPDFs)
    XCTAssertFalse(
      ReaderHarness(store: try makeLibrary(), settings: settings(topics: try offline, cache: nil))
        .state.wantsCachedPDFs)
    // Without such a topic the listing changes no row (and reads nothing again).
    var harness = ReaderHarness(store: try makeLibrary(), settings: settings(topics: .defaults))
    let before = harness.state.window.rows
    let paper = try XCTUnwrap(harness.state.detail?.paper)
    harness.send(.pdfCacheListed([PDFCache.fileName(for: paper)]))
    XCTAssertEqual(harness.state.window.rows, before)
  }

  /// The search line lists the cache for a query that says `has:pdf`, and only then (seen in
  /// the directory's access time, which a read updates once it is older than the modification
  /// time): a query without it costs no listing per key.
  func testTheSearchLineListsTheCacheOnlyForHasPDF() throws {
    let directory = NSTemporaryDirectory() + "folio-pdf-search-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: settings(topics: .defaults, cache: directory))
    let paper = try XCTUnwrap(harness.state.detail?.paper)
    XCTAssertTrue(
      FileManager.default.createFile(
        atPath: directory + "/" + PDFCache.fileName(for: paper), contents: Data("%PDF-".utf8)))
    let old = 1_000_000_000
    func listed(_ query: String) -> Bool {
      var times = [timespec(tv_sec: old, tv_nsec: 0), timespec(tv_sec: 2 * old, tv_nsec: 0)]
      XCTAssertEqual(utimensat(AT_FDCWD, directory, &times, 0), 0)
      harness.type("/")
      harness.press(.control("u"))  // the line opens on the last query: cleared first
      harness.type(query + "\n")
      var info = stat()
      XCTAssertEqual(stat(directory, &info), 0)
      return info.st_atim.tv_sec != old
    }
    guard listed("has:pdf") else {
      throw XCTSkip("reading a directory does not update its access time here (noatime)")
    }
    XCTAssertEqual(harness.state.window.rows.map(\.id), [paper.id])
    XCTAssertFalse(listed("diffusion -video cat:cs.LG"))
    XCTAssertFalse(listed("topic:vision"))
    XCTAssertTrue(listed("-has:pdf"))
    XCTAssertFalse(harness.state.window.rows.contains { $0.id == paper.id })
  }
}
