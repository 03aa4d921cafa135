import FolioTestSupport
import Foundation
import GRDB

extension FolioRunner {
  /// The papers in the library; 0 while it does not exist yet.
  func paperCount() throws -> Int {
    guard FileManager.default.fileExists(atPath: databasePath) else { return 0 }
    return try database().read { try Int.fetchOne($0, sql: "SELECT count(*) FROM paper") ?? 0 }
  }

  /// Runs `folio fetch arguments...` with both sources pointed at `server` and a request
  /// deadline of `timeout` seconds (`FOLIO_HTTP_TIMEOUT`).
  func fetch(
    from server: TestHTTPServer, _ arguments: [String] = [], timeout: String = "3",
    environment: [String: String] = [:]
  ) throws -> CommandResult {
    try run(
      ["fetch"] + arguments,
      environment: [
        "FOLIO_HF_URL": server.base, "FOLIO_ARXIV_URL": server.base, "FOLIO_HTTP_TIMEOUT": timeout,
      ].merging(environment) { $1 })
  }
}
