import FolioTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `folio zotero` against a real implementation of the Zotero connector protocol (issue 20):
/// papis-zotero's `papis zotero serve`, on a free loopback port with a papis library of its
/// own, which files each item it receives (and downloads its PDF attachment, here from a
/// loopback server) into `<library>/<hash>/info.yaml`; the test reads them back.
///
/// `.ci/run` installs papis and papis-zotero (pinned) into the Python it names in
/// `FOLIO_TEST_PYTHON`; there, or under `CI=true`, a missing package fails the test. Elsewhere
/// the test uses `python3` if it has them, else skips, saying how to get them.
final class ZoteroPapisTests: XCTestCase {
  /// The Python that has papis-zotero.
  static func python() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    let configured = environment["FOLIO_TEST_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    let required = configured != nil || environment["CI"] == "true"
    let python = configured ?? "python3"
    do {
      try ReferenceExportCommandTests.runPython(python, "import papis, papis_zotero, yaml")
      return python
    } catch {
      if required {
        throw ReferenceExportCommandTests.PythonFailure(
          description: "papis-zotero is required here (FOLIO_TEST_PYTHON or CI=true): \(error)")
      }
      throw XCTSkip(
        "\(python) cannot import papis_zotero: pip install papis==0.16.1 papis-zotero==0.4.0 "
          + "(as .ci/run does), or set FOLIO_TEST_PYTHON to a Python that has them")
    }
  }

  /// `papis zotero serve` running with a private papis config and library under `directory`.
  final class PapisServer: @unchecked Sendable {
    let process = Process()
    let port: UInt16
    let library: URL
    private let lock = NSLock()
    private var log = Data()
    private let started = DispatchSemaphore(value: 0)

    init(python: String, directory: URL) throws {
      // A port that was free a moment ago: the loopback test server's, closed again.
      port = try Self.freePort()
      library = directory.appendingPathComponent("papis-library")
      let config = directory.appendingPathComponent("papis-config")
      for folder in [library, config] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      try """
      [settings]
      default-library = papers

      [papers]
      dir = \(library.path)

      """.write(
        to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
      process.executableURL = URL(
        fileURLWithPath: python.contains("/") ? python : "/usr/bin/env")
      process.arguments =
        (python.contains("/") ? [] : [python])
        + ["-m", "papis", "zotero", "serve", "--port", "\(port)", "--address", "127.0.0.1"]
      // Crossref (papis looks every DOI up) goes to a closed port and fails at once; only
      // loopback is reached directly.
      let nowhere = "http://127.0.0.1:9"
      process.environment = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": directory.path, "PAPIS_CONFIG_DIR": config.path,
        "XDG_CONFIG_HOME": directory.appendingPathComponent("papis-xdg-config").path,
        "XDG_CACHE_HOME": directory.appendingPathComponent("papis-cache").path,
        "XDG_DATA_HOME": directory.appendingPathComponent("papis-data").path,
        "HTTP_PROXY": nowhere, "HTTPS_PROXY": nowhere, "http_proxy": nowhere,
        "https_proxy": nowhere, "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
        "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
      ]
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = errors
      process.standardInput = FileHandle.nullDevice
      // The log is read as it comes (a full pipe would stop the server); the line papis writes
      // once its socket listens is the signal that it is ready.
      errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let chunk = handle.availableData
        guard let self else { return }
        self.lock.lock()
        let wasReady = self.log.range(of: Data("Starting server".utf8)) != nil
        self.log.append(chunk)
        let ready = self.log.range(of: Data("Starting server".utf8)) != nil
        self.lock.unlock()
        if chunk.isEmpty {
          handle.readabilityHandler = nil
          self.started.signal()
        } else if ready && !wasReady {
          self.started.signal()
        }
      }
      try process.run()
    }

    /// A loopback port nothing listened on a moment ago (bound to port 0, then closed).
    static func freePort() throws -> UInt16 {
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
      defer { close(descriptor) }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
        }
      }
      guard bound else { throw POSIXError(.EADDRINUSE) }
      return UInt16(bigEndian: address.sin_port)
    }

    /// Waits for the server to listen; false when it exited or took over a minute.
    func waitUntilListening() -> Bool {
      guard started.wait(timeout: .now() + 60) == .success else { return false }
      return process.isRunning && logText.contains("Starting server")
    }

    var logText: String {
      lock.lock()
      defer { lock.unlock() }
      return String(decoding: log, as: UTF8.self)
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func stop() {
      if process.isRunning {
        process.terminate()
        process.waitUntilExit()
      }
    }
  }

  func testPapersFiledByPapisZoteroReadBack() throws {
    let python = try Self.python()
    let folio = try ZoteroCommandTests.library(self)
    let pdfServer = try TestHTTPServer { _ in
      .ok(PDFCommandTests.pdf, contentType: "application/pdf")
    }
    defer { pdfServer.stop() }
    let server = try PapisServer(python: python, directory: folio.directory)
    defer { server.stop() }
    XCTAssertTrue(
      server.waitUntilListening(), "papis zotero serve did not start: \(server.logText)")

    let result = try folio.run(
      ["zotero", "2411.00002", "--tag", "reading-group"],
      environment: [
        "FOLIO_ZOTERO_URL": server.base, "FOLIO_ARXIV_URL": pdfServer.base,
        "FOLIO_HTTP_TIMEOUT": "120",
      ])
    XCTAssertEqual(result.status, 0, result.stderr + server.logText)
    XCTAssertEqual(result.stderr, "sent 3 papers to Zotero\n")
    XCTAssertEqual(
      Set(pdfServer.requests.map(\.path)),
      ["/pdf/2411.00001", "/pdf/2411.00002", "/pdf/2411.00003"], "papis downloaded each PDF")

    let script = """
      import glob, json, os, sys, yaml
      out = []
      for path in sorted(glob.glob(os.path.join(sys.argv[1], "*", "info.yaml"))):
          with open(path, encoding="utf-8") as f:
              record = yaml.safe_load(f)
          folder = os.path.dirname(path)
          record["_pdfs"] = [open(os.path.join(folder, name), "rb").read(5).decode("latin-1")
                             for name in record.get("files", [])]
          out.append(record)
      print(json.dumps(out, default=str))
      """
    let parsed = try ReferenceExportCommandTests.runPython(python, script, server.library.path)
    let records = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [[String: Any]])
    XCTAssertEqual(records.count, 3, parsed)
    let expected: [(id: String, title: String, authors: [[String]], tags: [String])] = [
      (
        "2411.00001", "Analytical Engines for Symphonies",
        [["Lovelace", "Ada"], ["van Beethoven", "Ludwig"], ["Müller", "Zoë"]], ["reading-group"]
      ),
      (
        "2411.00002", "Being and Nothingness in Transformers",
        [["Sartre", "Jean-Paul"], ["de Beauvoir", "Simone"]], []
      ),
      ("2411.00003", "Compilers All the Way Down", [["Hopper", "Grace"]], ["reading-group"]),
    ]
    for paper in expected {
      let record = try XCTUnwrap(
        records.first { ($0["doi"] as? String) == "10.48550/arXiv.\(paper.id)" },
        "\(paper.id) in \(parsed)")
      XCTAssertEqual(record["title"] as? String, paper.title)
      let authors = try XCTUnwrap(record["author_list"] as? [[String: String]])
      XCTAssertEqual(authors.map { [$0["family"] ?? "", $0["given"] ?? ""] }, paper.authors)
      XCTAssertEqual(record["tags"] as? [String] ?? [], paper.tags)
      XCTAssertEqual(record["eprint"] as? String, paper.id)
      XCTAssertEqual(record["year"] as? Int, 2024)
      XCTAssertEqual(record["url"] as? String, "https://arxiv.org/abs/\(paper.id)")
      XCTAssertEqual(record["_pdfs"] as? [String], ["%PDF-"], "the attachment was filed")
    }
    let noted = try XCTUnwrap(records.first { ($0["eprint"] as? String) == "2411.00002" })
    XCTAssertEqual(
      noted["notes"] as? [[String: String]],
      [["note": "<p>Read first</p><p>&lt;b&gt;not bold&lt;/b&gt;</p>"]])
  }
}
