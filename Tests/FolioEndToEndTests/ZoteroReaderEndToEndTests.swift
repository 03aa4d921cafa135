import Dispatch
import FolioTestSupport
import Foundation
import XCTest

/// The reader's `Z` and `z` (issue 20) in tmux against a fake Zotero connector on loopback
/// (`FOLIO_ZOTERO_URL`): what the status line says, what the connector received, and keys
/// that go on working while a save hangs.
final class ZoteroReaderEndToEndTests: XCTestCase {
  /// The reader on ``ZoteroCommandTests``'s library (three starred papers), with the
  /// connector at `base`, once its list is on screen.
  func reader(_ folio: FolioRunner, zotero base: String) throws -> TmuxSession {
    let environment = folio.environment.merging(
      ["FOLIO_ZOTERO_URL": base, "FOLIO_HTTP_TIMEOUT": "10"]
    ) { $1 }
    let tmux = try TmuxSession([FolioRunner.binary.path], environment: environment, testCase: self)
    try tmux.waitFor("shown")
    return tmux
  }

  /// The items of every save the connector received, in order.
  func savedItems(_ server: TestHTTPServer) -> [[String: Any]] {
    server.requests.filter { $0.path == "/connector/saveItems" }.compactMap {
      let body = try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any]
      return (body?["items"] as? [[String: Any]])?.first
    }
  }

  func testZSendsTheSelectedPaperWhileKeysGoOnWorking() throws {
    let folio = try ZoteroCommandTests.library(self)
    let release = DispatchSemaphore(value: 0)
    let server = try TestHTTPServer { request in
      guard request.path == "/connector/saveItems" else { return .ok("Zotero is running") }
      release.wait()  // the save hangs until the test has used the reader meanwhile
      return .status(201)
    }
    defer { server.stop() }
    let tmux = try reader(folio, zotero: server.base)
    try tmux.send("/")
    try tmux.type("Nothingness")
    try tmux.send("Enter")
    try tmux.waitFor("Authors  Jean-Paul Sartre")
    try tmux.send("Z")
    try tmux.waitFor("Zotero: sending 2411.00002…")
    // The reader is not waiting for the connector: the help opens and closes.
    try tmux.send("?")
    try tmux.waitFor("send the paper to Zotero")
    try tmux.send("Escape")
    try tmux.waitForScreen("the help closed") { !$0.contains("send the paper to Zotero") }
    release.signal()
    try tmux.waitFor("sent 2411.00002 to Zotero")

    XCTAssertEqual(server.requests.map(\.path), ["/connector/ping", "/connector/saveItems"])
    let item = try XCTUnwrap(savedItems(server).first)
    XCTAssertEqual(item["title"] as? String, "Being and Nothingness in Transformers")
    XCTAssertEqual(item["itemType"] as? String, "preprint")
    XCTAssertEqual(item["DOI"] as? String, "10.48550/arXiv.2411.00002")
  }

  func testZAsksBeforeSendingTheStarredAndNamesARefusal() throws {
    let folio = try ZoteroCommandTests.library(self)
    let server = try TestHTTPServer { request in
      guard request.path == "/connector/saveItems" else { return .ok("Zotero is running") }
      return String(decoding: request.body, as: UTF8.self).contains("Being and Nothingness")
        ? .status(500, "{\"libraryEditable\":false}\u{1B}]0;pwned\u{7}") : .status(201)
    }
    defer { server.stop() }
    let tmux = try reader(folio, zotero: server.base)
    try tmux.send("z")
    try tmux.waitFor("Send 3 starred papers to Zotero? (y/n)")
    XCTAssertEqual(server.requests.count, 0, "nothing is sent before the answer")
    try tmux.send("n")
    try tmux.waitFor("cancelled")
    XCTAssertEqual(server.requests.count, 0)

    try tmux.send("z")
    try tmux.waitFor("Send 3 starred papers to Zotero? (y/n)")
    try tmux.send("y")
    let screen = try tmux.waitFor(
      "Zotero refused 1 of 3 papers (2 sent): 2411.00002: the connector answered HTTP 500: "
        + "{\"libraryEditable\":false}")
    XCTAssertFalse(screen.contains("\u{1B}"))
    XCTAssertNotEqual(try tmux.display("#{pane_title}"), "pwned", "the answer stays inert")
    XCTAssertEqual(
      Set(savedItems(server).compactMap { $0["title"] as? String }).count, 3,
      "each starred paper once")
    XCTAssertTrue(
      savedItems(server).contains { $0["title"] as? String == "Analytical Engines for Symphonies" })
  }

  func testZoteroNotRunningIsSaidOnTheStatusLine() throws {
    let folio = try ZoteroCommandTests.library(self)
    // Nothing listens on the discard port.
    let tmux = try reader(folio, zotero: "http://127.0.0.1:9")
    try tmux.send("Z")
    try tmux.waitFor("Zotero is not running (no connector at http://127.0.0.1:9)")
    try tmux.send("j")
    try tmux.waitForScreen("the selection moved") { $0.contains("2/") }
  }
}
