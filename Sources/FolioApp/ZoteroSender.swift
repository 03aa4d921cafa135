import FolioConfig
import FolioCore
import Foundation

/// A paper the Zotero connector refused, and why (its own words, made inert).
public struct ZoteroRefusal: Hashable, Sendable {
  public var id: String
  public var reason: String

  public init(id: String, reason: String) {
    self.id = id
    self.reason = reason
  }
}

/// What a send did: the ids Zotero saved and the ones it refused.
public struct ZoteroReport: Hashable, Sendable {
  public var sent: [String] = []
  public var refused: [ZoteroRefusal] = []

  public init(sent: [String] = [], refused: [ZoteroRefusal] = []) {
    self.sent = sent
    self.refused = refused
  }
}

/// Sends papers to the Zotero desktop app through its connector server (issue 20).
///
/// PLACEHOLDER on main while the Zotero work lands (branch h/zotero): the signatures are the
/// contract the CLI and the reader's `Z` build on.
public struct ZoteroSender {
  /// The connector's scheme, host and port (`FOLIO_ZOTERO_URL`, config `zotero_url`).
  public let baseURL: String

  public init(
    config: Config, version: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    baseURL = environment["FOLIO_ZOTERO_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.zoteroURL
  }

  /// `GET /connector/ping`; a failure (exit 69) says "Zotero is not running (no connector at
  /// <url>)".
  public func ping() throws(HTTPClient.Failure) {
    throw HTTPClient.Failure(
      message: "Zotero is not running (no connector at \(baseURL))", exitCode: SysExit.unavailable)
  }

  /// Sends `entries` (one `POST /connector/saveItems` each, after one ping), calling
  /// `progress(done, total)` after each. Throws only when the connector cannot be reached.
  public func send(
    _ entries: [LibraryPaper], progress: (Int, Int) -> Void = { _, _ in }
  ) throws(HTTPClient.Failure) -> ZoteroReport {
    try ping()
    return ZoteroReport()
  }
}
