import FolioTestSupport
import Foundation
import XCTest

/// `folio pdf ID` against a loopback server: the PDF is streamed into the cache and opened;
/// anything that is not a whole PDF under the cap leaves the cache empty.
final class PDFCommandTests: XCTestCase {
  /// A real, minimal one-page PDF (it starts with `%PDF-`).
  static let pdf = """
    %PDF-1.4
    1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
    2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
    3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
    trailer << /Root 1 0 R >>
    %%EOF

    """

  /// A library with one arXiv paper, 2401.00001.
  func library() throws -> FolioRunner {
    let folio = try FolioRunner(self)
    let line = #"{"id": "2401.00001", "title": "Paper One", "abstract": "An abstract."}"#
    let imported = try folio.run(["import", "-", "--format", "jsonl"], stdin: line + "\n")
    XCTAssertEqual(imported.status, 0, imported.stderr)
    return folio
  }

  var cacheDirectory: (FolioRunner) -> URL {
    { $0.directory.appendingPathComponent(".cache/folio/pdf") }
  }

  func pdf(
    _ folio: FolioRunner, _ server: TestHTTPServer?,
    _ arguments: [String] = ["2401.00001", "--path"],
    environment: [String: String] = [:]
  ) throws -> CommandResult {
    try folio.run(
      ["pdf"] + arguments,
      environment: [
        "FOLIO_ARXIV_URL": server?.base ?? "http://127.0.0.1:9", "FOLIO_HTTP_TIMEOUT": "2",
      ].merging(environment) { $1 })
  }

  func cached(_ folio: FolioRunner) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory(folio).path)) ?? []
  }

  func testThePDFIsDownloadedOnceAndItsPathPrinted() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in .ok(Self.pdf, contentType: "application/pdf") }
    let first = try pdf(folio, server)
    XCTAssertEqual(first.status, 0, first.stderr)
    let path = cacheDirectory(folio).appendingPathComponent("2401.00001.pdf").path
    XCTAssertEqual(first.stdout, path + "\n")
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), Self.pdf)
    XCTAssertEqual(server.requests.map(\.path), ["/pdf/2401.00001"])
    XCTAssertTrue(server.requests[0].headers["user-agent"]?.hasPrefix("Folio/") ?? false)
    // Already cached: no request.
    let second = try pdf(folio, server)
    XCTAssertEqual(second.stdout, path + "\n")
    XCTAssertEqual(server.requests.count, 1)
    XCTAssertEqual(cached(folio), ["2401.00001.pdf"])
  }

  func testTheViewerGetsThePath() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in .ok(Self.pdf, contentType: "application/pdf") }
    let script = folio.directory.appendingPathComponent("viewer.sh")
    let output = folio.directory.appendingPathComponent("argv.txt")
    try
      "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(output.path).tmp && mv \(output.path).tmp \(output.path)\n"
      .write(to: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    let result = try pdf(
      folio, server, ["2401.00001"], environment: ["FOLIO_PDF_VIEWER": script.path])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "")
    // The viewer is launched without waiting for it: wait for what it writes.
    let deadline = Date().addingTimeInterval(20)
    while !FileManager.default.fileExists(atPath: output.path) && Date() < deadline {
      usleep(20_000)
    }
    let path = cacheDirectory(folio).appendingPathComponent("2401.00001.pdf").path
    XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), path + "\n")
  }

  func testHTMLInsteadOfAPDFLeavesNothing() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in .ok("<html>captcha</html>", contentType: "text/html") }
    let result = try pdf(folio, server)
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(
      result.stderr, "folio: error: the answer from \(server.base)/pdf/2401.00001 is not a PDF\n")
    XCTAssertEqual(cached(folio), [])
  }

  func testABodyOverTheCapLeavesNothing() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in
      .endless(prefix: Array("%PDF-1.4\n".utf8), repeating: Array(repeating: 0x20, count: 4096))
    }
    let config = folio.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try Data("pdf_max_mb = 1\n".utf8).write(to: config.appendingPathComponent("config.toml"))
    let result = try pdf(folio, server)
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(
      result.stderr,
      "folio: error: the answer from \(server.base)/pdf/2401.00001 is larger than 1 MB "
        + "(config.toml pdf_max_mb)\n")
    XCTAssertEqual(cached(folio), [])
  }

  func testATruncatedBodyLeavesNothing() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in .truncated(Self.pdf) }
    let result = try pdf(folio, server, environment: ["FOLIO_HTTP_TIMEOUT": "1"])
    XCTAssertEqual(result.status, 65, result.stderr)
    XCTAssertEqual(
      result.stderr, "folio: error: the answer from \(server.base)/pdf/2401.00001 was cut short\n")
    XCTAssertEqual(cached(folio), [])
  }

  func testAServerErrorIsRetried() throws {
    let folio = try library()
    var calls = 0
    let server = try TestHTTPServer { _ in
      calls += 1
      return calls == 1 ? .status(500, "oops") : .ok(Self.pdf, contentType: "application/pdf")
    }
    let result = try pdf(folio, server)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(server.requests.count, 2)
    XCTAssertEqual(cached(folio), ["2401.00001.pdf"])
  }

  func testARefusedConnectionIsUnavailable() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in .ok(Self.pdf) }
    server.stop()
    let result = try pdf(folio, server, environment: ["FOLIO_HTTP_TIMEOUT": "1"])
    XCTAssertEqual(result.status, 69, result.stderr)
    XCTAssertEqual(cached(folio), [])
  }

  func testAnUnknownPaperIsAnError() throws {
    let folio = try library()
    let result = try pdf(folio, nil, ["2999.99999"])
    XCTAssertEqual(result.status, 1, result.stderr)
  }

  func testAFIFOAtTheCachePathIsRefusedAndLeft() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in .ok(Self.pdf, contentType: "application/pdf") }
    try FileManager.default.createDirectory(
      at: cacheDirectory(folio), withIntermediateDirectories: true)
    let path = cacheDirectory(folio).appendingPathComponent("2401.00001.pdf").path
    XCTAssertEqual(mkfifo(path, 0o644), 0)
    let result = try pdf(folio, server)
    XCTAssertEqual(result.status, 73, result.stderr)
    XCTAssertTrue(result.stderr.contains("it is a FIFO, not a regular file"), result.stderr)
    XCTAssertEqual(server.requests.count, 0)
    XCTAssertEqual(cached(folio), ["2401.00001.pdf"])
  }

  func testADanglingLinkAtTheCachePathIsWrittenThrough() throws {
    let folio = try library()
    let server = try TestHTTPServer { _ in .ok(Self.pdf, contentType: "application/pdf") }
    try FileManager.default.createDirectory(
      at: cacheDirectory(folio), withIntermediateDirectories: true)
    let path = cacheDirectory(folio).appendingPathComponent("2401.00001.pdf").path
    let target = folio.directory.appendingPathComponent("elsewhere.pdf").path
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    let result = try pdf(folio, server)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path), target)
    XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), Self.pdf)
  }
}
