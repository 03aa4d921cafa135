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
  /// Whether the connector stopped answering part way (the papers after it were not sent).
  public var connectorLost = false

  public init(sent: [String] = [], refused: [ZoteroRefusal] = [], connectorLost: Bool = false) {
    self.sent = sent
    self.refused = refused
    self.connectorLost = connectorLost
  }
}

/// Sends papers to the Zotero desktop app through its connector server (issue 20): one
/// `GET /connector/ping`, then one `POST /connector/saveItems` per paper (a refusal then names
/// its paper), each with a ``ZoteroItem`` and a fresh session id.
///
/// A save is never made twice: the POST is sent once whatever happens (no retry on a network
/// error, a 5xx or a 429), since Zotero may have saved the item before the answer was lost.
/// Each request has its own client, so fetch's per-request deadline and body cap
/// (`FOLIO_HTTP_TIMEOUT`, `http_max_mb`) apply to each paper rather than to the whole send; the
/// ping gets one attempt and at most ``pingDeadline`` seconds. Whatever the connector answers
/// is shown cut to ``reasonLimit`` characters, cleaned of escape sequences and controls.
public struct ZoteroSender {
  /// The connector's scheme, host and port (`FOLIO_ZOTERO_URL`, config `zotero_url`).
  public let baseURL: String
  let version: String
  let limits: HTTPLimits
  /// Knows where a paper's PDF is (arXiv's `/pdf/<id>`, `FOLIO_ARXIV_URL`), for the attachment.
  let pdf: PDFDownload

  /// The most characters of a connector's answer a refusal quotes.
  public static let reasonLimit = 200
  /// The most papers one send should carry (`folio zotero` refuses a larger selection before
  /// sending anything): each is a request, and Zotero files each as it comes.
  public static let maxPapers = 1_000
  /// Seconds the ping may take: a connector on this machine answers at once.
  public static let pingDeadline: Double = 10

  public init(
    config: Config, version: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    baseURL = Fetcher.trimmed(
      environment["FOLIO_ZOTERO_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.zoteroURL)
    self.version = version
    var limits = HTTPLimits.configured(maxMegabytes: config.httpMaxMB, environment: environment)
    limits.attemptsPerRequest = 1
    self.limits = limits
    pdf = PDFDownload(config: config, version: version, environment: environment)
  }

  /// `GET /connector/ping`; a failure (exit 69) says "Zotero is not running (no connector at
  /// <url>)" and why; a URL that is not http(s) is a usage error (exit 64).
  public func ping() throws(HTTPClient.Failure) {
    let url = try endpoint("/connector/ping")
    var limits = limits
    limits.requestDeadline = min(limits.requestDeadline, Self.pingDeadline)
    limits.idleTimeout = min(limits.idleTimeout, Self.pingDeadline)
    do {
      _ = try HTTPClient(version: version, limits: limits).get(url)
    } catch {
      throw HTTPClient.Failure(
        message: "Zotero is not running (no connector at \(shownBase)): \(error.message)",
        exitCode: SysExit.unavailable)
    }
  }

  /// Sends `entries` (one `POST /connector/saveItems` each, after one ping), calling
  /// `progress(done, total)` after each. Throws only when the connector cannot be reached at
  /// the start; a paper it refuses (any answer but 2xx, or no answer) is in the report's
  /// `refused` with the reason, and once it stops answering the rest are refused unsent.
  public func send(
    _ entries: [LibraryPaper], progress: (Int, Int) -> Void = { _, _ in }
  ) throws(HTTPClient.Failure) -> ZoteroReport {
    try ping()
    let url = try endpoint("/connector/saveItems")
    var report = ZoteroReport()
    for (index, entry) in entries.enumerated() {
      defer { progress(index + 1, entries.count) }
      let id = entry.paper.id
      if report.connectorLost {
        report.refused.append(
          ZoteroRefusal(id: id, reason: "not sent: the connector stopped answering"))
        continue
      }
      let body = ZoteroItem.saveItemsBody(
        entry, pdfURL: try? pdf.url(for: entry.paper).absoluteString,
        sessionID: Self.sessionID())
      do {
        let answer = try HTTPClient(version: version, limits: limits).post(
          url, body: Data(body.utf8), headers: ["Content-Type": "application/json"],
          retrying: false)
        if (200..<300).contains(answer.status) {
          report.sent.append(id)
        } else {
          report.refused.append(ZoteroRefusal(id: id, reason: Self.refusal(answer)))
        }
      } catch {
        var reason = TextCleaner.clean(error.message)
        if reason.contains("timed out") {
          reason += "; it may have been saved all the same: look in Zotero before sending it again"
        }
        report.refused.append(ZoteroRefusal(id: id, reason: reason))
        if error.exitCode == SysExit.unavailable { report.connectorLost = true }
      }
    }
    return report
  }

  /// The base URL as messages show it (inert: it comes from the environment or config).
  var shownBase: String { TextCleaner.clean(baseURL) }

  /// `baseURL` + `path`, or a usage error when the base is not an http(s) URL with a host.
  func endpoint(_ path: String) throws(HTTPClient.Failure) -> URL {
    guard let url = URL(string: baseURL + path),
      let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = url.host, !host.isEmpty
    else {
      throw HTTPClient.Failure(
        message:
          "bad Zotero connector URL '\(shownBase)' ($FOLIO_ZOTERO_URL or config.toml "
          + "zotero_url): expected http://HOST:PORT",
        exitCode: SysExit.usage)
    }
    return url
  }

  /// "the connector answered HTTP 500: <its answer>", the answer read from at most
  /// 4 × ``reasonLimit`` bytes, cleaned and cut to ``reasonLimit`` characters.
  static func refusal(_ answer: HTTPClient.Answer) -> String {
    let head = "the connector answered HTTP \(answer.status)"
    let bytes = answer.body.prefix(reasonLimit * 4)
    var text = TextCleaner.clean(String(decoding: bytes, as: UTF8.self))
    let cut = answer.body.count > bytes.count || text.count > reasonLimit
    if text.count > reasonLimit { text = String(text.prefix(reasonLimit)) }
    guard !text.isEmpty else { return head }
    return "\(head): \(text)\(cut ? "…" : "")"
  }

  /// A session id for one request (Zotero's connector makes eight random letters and digits).
  static func sessionID() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<8).map { _ in alphabet.randomElement()! })
  }
}
