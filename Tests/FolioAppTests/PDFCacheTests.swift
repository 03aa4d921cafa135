import FolioConfig
import FolioCore
import XCTest

@testable import FolioApp

/// The PDF cache's file names, directory, download URLs and viewer command.
final class PDFCacheTests: XCTestCase {
  func paper(id: String, arxivID: String?, pdf: String? = nil) -> Paper {
    Paper(
      id: id, arxivID: arxivID, title: "T", abstract: "", authors: [], published: nil,
      day: Day(year: 2026, month: 11, day: 27)!, source: "test", links: PaperLinks(pdf: pdf),
      upvotes: nil, categories: [])
  }

  func testFileNamesAreSafe() {
    XCTAssertEqual(PDFCache.fileName(for: paper(id: "x", arxivID: "2401.00001")), "2401.00001.pdf")
    XCTAssertEqual(
      PDFCache.fileName(for: paper(id: "x", arxivID: "hep-th/9901001")), "hep-th_9901001.pdf")
    XCTAssertEqual(PDFCache.fileName(for: paper(id: "..", arxivID: nil)), "_..pdf")
    XCTAssertEqual(
      PDFCache.fileName(for: paper(id: "../../etc/x", arxivID: nil)), "_._.._etc_x.pdf")
    XCTAssertEqual(PDFCache.fileName(for: paper(id: "", arxivID: nil)), "_.pdf")
    XCTAssertEqual(PDFCache.fileName(for: paper(id: "é\u{1b}[2J", arxivID: nil)), "___2J.pdf")
    let long = PDFCache.fileName(for: paper(id: String(repeating: "a", count: 5000), arxivID: nil))
    XCTAssertEqual(long.count, PDFCache.maxNameLength + 4)
  }

  func testCachedNamesAreTheRegularPDFFiles() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-pdf-names-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    XCTAssertEqual(PDFCache(directory: directory.path).cachedNames(), [], "no directory")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in ["2401.00001.pdf", "notes.txt", "2401.00002.pdf.part"] {
      try Data("x".utf8).write(to: directory.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("dir.pdf"), withIntermediateDirectories: true)
    XCTAssertEqual(PDFCache(directory: directory.path).cachedNames(), ["2401.00001.pdf"])
    XCTAssertEqual(PDFCache.maxListedEntries, 100_000)
    XCTAssertEqual(
      PDFCache.fileName(id: "x", arxivID: "hep-th/9901001"), "hep-th_9901001.pdf",
      "the store's SQL function and has:pdf in memory use this form")
  }

  func testTheCacheFollowsXDGCacheHome() {
    XCTAssertEqual(
      PDFCache(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).directory, "/c/folio/pdf")
    XCTAssertEqual(PDFCache(environment: ["HOME": "/h"]).directory, "/h/.cache/folio/pdf")
    XCTAssertEqual(
      PDFCache(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]).directory,
      "/h/.cache/folio/pdf")
  }

  func testArxivLinksGetTheConfiguredHost() throws {
    let download = PDFDownload(
      config: Config(), version: "1", environment: ["FOLIO_ARXIV_URL": "http://127.0.0.1:8/"])
    XCTAssertEqual(
      try download.url(for: paper(id: "x", arxivID: "2401.00001")).absoluteString,
      "http://127.0.0.1:8/pdf/2401.00001")
    XCTAssertEqual(
      try download.url(for: paper(id: "x", arxivID: nil, pdf: "https://arxiv.org/pdf/1.2v3"))
        .absoluteString, "http://127.0.0.1:8/pdf/1.2v3")
    XCTAssertEqual(
      try download.url(for: paper(id: "x", arxivID: nil, pdf: "https://example.org/p.pdf"))
        .absoluteString, "https://example.org/p.pdf")
    XCTAssertThrowsError(try download.url(for: paper(id: "x", arxivID: nil)))
  }

  func testThePDFCapFollowsConfigAndEnvironment() {
    var config = Config()
    XCTAssertEqual(PDFDownload(config: config, version: "1", environment: [:]).maxBytes, 200 << 20)
    config.pdfMaxMB = 3
    XCTAssertEqual(PDFDownload(config: config, version: "1", environment: [:]).maxBytes, 3 << 20)
    XCTAssertEqual(
      PDFDownload(config: config, version: "1", environment: ["FOLIO_PDF_MAX_MB": "0.5"]).maxBytes,
      1 << 19)
  }

  func testTheViewerComesFromTheEnvironment() {
    XCTAssertEqual(
      PDFViewer.command(for: "/p.pdf", environment: ["FOLIO_PDF_VIEWER": "zathura --fork"]),
      ["zathura", "--fork", "/p.pdf"])
    XCTAssertEqual(
      PDFViewer.command(for: "/p.pdf", environment: ["BROWSER": "firefox"]), ["firefox", "/p.pdf"])
    XCTAssertEqual(PDFViewer.command(for: "/p.pdf", environment: [:]), ["xdg-open", "/p.pdf"])
  }
}
