import Foundation
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
}
