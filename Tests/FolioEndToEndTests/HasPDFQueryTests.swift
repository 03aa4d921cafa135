import FolioCore
import Foundation
import GRDB
import XCTest

/// Issue 20, "`has:pdf` in queries": the real binary lists the PDF cache of the temporary
/// `XDG_CACHE_HOME` and selects the papers whose PDF is there.
final class HasPDFQueryTests: XCTestCase {
  func testHasPDFSelectsThePapersWhosePDFIsCached() throws {
    let folio = try FolioRunner(self)
    let path = FetchCommandTests.fixtures.appendingPathComponent("hf-daily.json").path
    XCTAssertEqual(try folio.run(["import", path]).status, 0)
    let cacheHome = folio.directory.appendingPathComponent("cache")
    let pdfs = cacheHome.appendingPathComponent("folio/pdf")
    let environment = ["XDG_CACHE_HOME": cacheHome.path]
    func ids(_ query: String?) throws -> [String] {
      let filter = query.map { ["--filter=\($0)"] } ?? []
      let result = try folio.run(["list", "--format", "tsv"] + filter, environment: environment)
      XCTAssertEqual(result.status, 0, "\(query ?? ""): \(result.stderr)")
      return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        .sorted()
    }
    let everything = try ids(nil)
    XCTAssertGreaterThan(everything.count, 1)
    XCTAssertEqual(try ids("has:pdf"), [], "no cache directory: nothing")
    XCTAssertEqual(try ids("-has:pdf"), everything)

    try FileManager.default.createDirectory(at: pdfs, withIntermediateDirectories: true)
    XCTAssertEqual(try ids("has:pdf"), [], "an empty cache: nothing")
    try Data("%PDF-1.4\n".utf8).write(to: pdfs.appendingPathComponent("2407.13168.pdf"))
    // A directory named like a PDF is not a cached PDF.
    try FileManager.default.createDirectory(
      at: pdfs.appendingPathComponent("2407.99999.pdf"), withIntermediateDirectories: true)
    XCTAssertEqual(try ids("has:pdf"), ["2407.13168"])
    XCTAssertEqual(try ids("-has:pdf"), everything.filter { $0 != "2407.13168" })
    XCTAssertEqual(try ids("has:pdf OR is:withdrawn"), ["2407.13168", "2407.99999"])
  }

  /// A command whose query (or topics) does not say `has:pdf` does not list the PDF cache.
  /// Seen in the directory's access time: with an access time older than its modification
  /// time, the next read of the directory updates it (relatime, Linux's default).
  func testOnlyAQueryOrTopicThatSaysHasPDFListsTheCache() throws {
    let folio = try FolioRunner(self)
    XCTAssertEqual(try folio.run(["import", FolioRunner.sample]).status, 0)
    let cacheHome = folio.directory.appendingPathComponent("cache")
    let pdfs = cacheHome.appendingPathComponent("folio/pdf")
    try FileManager.default.createDirectory(at: pdfs, withIntermediateDirectories: true)
    let old = 1_000_000_000
    func listed(_ arguments: [String]) throws -> Bool {
      var times = [timespec(tv_sec: old, tv_nsec: 0), timespec(tv_sec: 2 * old, tv_nsec: 0)]
      XCTAssertEqual(utimensat(AT_FDCWD, pdfs.path, &times, 0), 0)
      let result = try folio.run(arguments, environment: ["XDG_CACHE_HOME": cacheHome.path])
      XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
      var info = stat()
      XCTAssertEqual(stat(pdfs.path, &info), 0)
      return info.st_atim.tv_sec != old
    }
    guard try listed(["list", "--filter", "has:pdf"]) else {
      throw XCTSkip("reading a directory does not update its access time here (noatime)")
    }
    XCTAssertFalse(try listed(["list", "--filter", "cat:cs.LG OR diffusion -is:read"]))
    XCTAssertFalse(try listed(["list", "--format", "json", "--limit", "3"]))
    XCTAssertFalse(try listed(["export", "--format", "json", "--filter", "diffusion"]))
    XCTAssertFalse(try listed(["topics"]))
    XCTAssertEqual(try folio.run(["topics", "add", "Offline", "has:pdf OR cat:cs.CV"]).status, 0)
    XCTAssertTrue(try listed(["topics"]))
    XCTAssertTrue(try listed(["list", "--topic", "offline"]))
    XCTAssertTrue(try listed(["list", "--format", "json", "--limit", "3"]), "topics name papers")
    XCTAssertFalse(
      try listed(["list", "--limit", "3", "--filter", "cat:cs.LG"]), "a table does not")
  }

  /// The reader's rows name a topic that says `has:pdf` when their PDF is in the cache: the
  /// reader lists the cache off its main loop when it starts, and the selected paper's
  /// `Topics` line says so.
  func testTheReaderNamesAHasPDFTopicForAPaperWhosePDFIsCached() throws {
    let folio = try FolioRunner(self)
    XCTAssertEqual(try folio.run(["import", FolioRunner.sample]).status, 0)
    let added = try folio.run(["topics", "add", "Offline", "has:pdf"])
    XCTAssertEqual(added.status, 0, added.stderr)
    let (id, arxivID) = try folio.database().read { db -> (String, String?) in
      let row = try XCTUnwrap(
        try Row.fetchOne(
          db, sql: "SELECT id, arxiv_id FROM paper WHERE title LIKE ?",
          arguments: [ReaderEndToEndTests.firstTitle + "%"]))
      return (row["id"], row["arxiv_id"])
    }
    // No XDG_CACHE_HOME: the cache is under the runner's HOME.
    let pdfs = folio.directory.appendingPathComponent(".cache/folio/pdf")
    try FileManager.default.createDirectory(at: pdfs, withIntermediateDirectories: true)
    try Data("%PDF-1.4\n".utf8).write(
      to: pdfs.appendingPathComponent(PDFCache.fileName(id: id, arxivID: arxivID)))
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 120, height: 40,
      keepAfterExit: false, testCase: self)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle)
    try tmux.waitForScreen("the Topics line naming Offline") { screen in
      screen.split(separator: "\n").contains { $0.contains("Topics   ") && $0.contains("Offline") }
    }
    // The next paper's PDF is not cached: its Topics line does not name it.
    try tmux.send("j")
    try tmux.waitForScreen("the next paper without it") { screen in
      !screen.contains("PDF      cached")
        && !screen.split(separator: "\n").contains {
          $0.contains("Topics   ") && $0.contains("Offline")
        }
    }
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }
  }
}
