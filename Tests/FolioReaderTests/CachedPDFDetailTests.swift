import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// The detail pane's `PDF` line (issue 20): shown when the selected paper's PDF is in the
/// cache, learnt with one `stat` when the selection changes or a download (`O`) finishes.
final class CachedPDFDetailTests: XCTestCase {
  var home = ""

  override func setUpWithError() throws {
    home = NSTemporaryDirectory() + "folio-pdf-detail-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: home + "/c", withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: home)
  }

  func harness(cache: String?) throws -> ReaderHarness {
    ReaderHarness(
      store: try makeLibrary(),
      settings: ReaderSettings(home: home, libraryName: "test.sqlite", pdfCacheDirectory: cache))
  }

  func pdfLines(_ harness: ReaderHarness) -> [String] {
    harness.grid.textRows.filter { $0.contains("PDF      cached: ") }
  }

  func testTheLineFollowsTheCacheWhenTheSelectionChangesAndADownloadEnds() throws {
    var harness = try harness(cache: home + "/c")
    let paper = try XCTUnwrap(harness.state.detail?.paper)
    let name = PDFCache.fileName(for: paper)
    XCTAssertEqual(pdfLines(harness), [], "nothing cached, no line")

    XCTAssertTrue(
      FileManager.default.createFile(atPath: home + "/c/" + name, contents: Data("%PDF-".utf8)))
    XCTAssertEqual(pdfLines(harness), [], "asked when the selection changes, not per frame")
    harness.send(.pdfFinished(.success("downloaded and opened")))
    XCTAssertEqual(pdfLines(harness).count, 1)
    XCTAssertTrue(
      pdfLines(harness)[0].contains("PDF      cached: ~/c/\(name)"), "\(pdfLines(harness))")
    XCTAssertEqual(harness.state.selection.cachedPDF, home + "/c/" + name)

    harness.type("j")
    XCTAssertEqual(pdfLines(harness), [], "the next paper's PDF is not cached")
    XCTAssertNil(harness.state.selection.cachedPDF)
    harness.type("k")
    XCTAssertEqual(pdfLines(harness).count, 1, "asked again when the selection comes back")

    // A directory (or FIFO) at the path is not a cached PDF.
    try FileManager.default.removeItem(atPath: home + "/c/" + name)
    try FileManager.default.createDirectory(
      atPath: home + "/c/" + name, withIntermediateDirectories: false)
    harness.send(.pdfFinished(.failure(FetchFailure("the answer from u is not a PDF"))))
    XCTAssertEqual(pdfLines(harness), [])
  }

  func testNoCacheDirectoryNoLine() throws {
    var harness = try harness(cache: nil)
    let paper = try XCTUnwrap(harness.state.detail?.paper)
    XCTAssertTrue(
      FileManager.default.createFile(
        atPath: home + "/c/" + PDFCache.fileName(for: paper), contents: Data()))
    harness.send(.pdfFinished(.success("done")))
    XCTAssertEqual(pdfLines(harness), [])
  }

  func testDocumentLine() throws {
    let entry = try XCTUnwrap(
      try makeLibrary().paper(
        id: try XCTUnwrap(
          ReaderHarness(store: try makeLibrary()).state.detail?.id)))
    let text = DetailDocument(entry, width: 100, cachedPDF: "~/.cache/folio/pdf/x.pdf").lines
      .map { $0.map(\.text).joined() }
    XCTAssertTrue(text.contains("PDF      cached: ~/.cache/folio/pdf/x.pdf"), "\(text)")
    XCTAssertFalse(
      DetailDocument(entry, width: 100).lines.contains { $0.first?.text == "PDF      " })
  }
}
