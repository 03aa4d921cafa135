import FolioConfig
import FolioCore
import FolioReader
import Foundation

/// What paces Semantic Scholar requests: the time, and a way to wait. The system's in use; a
/// test passes its own so it never waits.
public protocol ScholarPacing: AnyObject, Sendable {
  /// Seconds since some fixed start, never going back.
  func now() -> Double
  /// Waits `seconds`.
  func sleep(_ seconds: Double)
}

/// The system clock and `Thread.sleep`.
public final class SystemPacing: ScholarPacing {
  public init() {}

  public func now() -> Double { ProcessInfo.processInfo.systemUptime }

  public func sleep(_ seconds: Double) { Thread.sleep(forTimeInterval: seconds) }
}

/// Asks Semantic Scholar's Graph API for citation counts and TL;DRs (issue 20): at most
/// ``batchSize`` arXiv ids a `POST /graph/v1/paper/batch`, with an API key from `S2_API_KEY`
/// in `x-api-key`, and without one at most one request per ``interval``. Each batch is one
/// ``HTTPClient`` request with fetch's etiquette and bounds (deadline per request and per batch,
/// body cap, retries on network errors, 429 with the server's clamped Retry-After, and 5xx).
public final class ScholarClient {
  /// The most ids one request asks about (Semantic Scholar's own limit).
  public static let batchSize = 500
  /// The least time between two requests without an API key: Semantic Scholar's shared rate
  /// limit is low.
  public static let interval = 1.0
  /// The fields asked for.
  public static let fields = "citationCount,influentialCitationCount,tldr,externalIds"

  /// Scheme and host (`FOLIO_S2_URL`, config `s2_url`).
  public let baseURL: String
  let apiKey: String?
  let version: String
  let limits: HTTPLimits
  let pacing: ScholarPacing
  /// When the last request started (``ScholarPacing/now()``), for the pacing.
  private var lastRequest: Double?

  public init(
    config: Config, version: String,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    pacing: ScholarPacing = SystemPacing()
  ) {
    baseURL = Fetcher.trimmed(
      environment["FOLIO_S2_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.s2URL)
    apiKey = environment["S2_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    self.version = version
    limits = HTTPLimits.configured(maxMegabytes: config.httpMaxMB, environment: environment)
    self.pacing = pacing
  }

  /// The request URL.
  public var batchURL: String { "\(baseURL)/graph/v1/paper/batch?fields=\(Self.fields)" }

  /// The request body for `arxivIDs`: `{"ids":["ARXIV:<id>",…]}`.
  static func body(_ arxivIDs: [String]) -> Data {
    let ids = arxivIDs.map { "ARXIV:\($0)" }
    return (try? JSONSerialization.data(withJSONObject: ["ids": ids])) ?? Data()
  }

  /// Semantic Scholar's facts about `arxivIDs` (canonical arXiv ids, at most ``batchSize``),
  /// aligned with them; an unknown paper has nil counts. Throws exit 69 when Semantic Scholar
  /// cannot be reached or keeps refusing, 65 when its answer is not the array asked for.
  public func lookUp(_ arxivIDs: [String]) throws(HTTPClient.Failure) -> [ScholarFacts] {
    precondition(arxivIDs.count <= Self.batchSize, "a batch holds at most \(Self.batchSize) ids")
    guard !arxivIDs.isEmpty else { return [] }
    guard let url = URL(string: batchURL), WebLink.isSafe(baseURL) else {
      throw HTTPClient.Failure(
        message: "bad Semantic Scholar URL: \(TextCleaner.inert(baseURL))",
        exitCode: SysExit.usage)
    }
    waitForTurn()
    var headers = ["Content-Type": "application/json"]
    if let apiKey { headers["x-api-key"] = apiKey }
    // One client per batch: each batch gets fetch's deadline and retries, so a long run is
    // bounded batch by batch rather than cut off as a whole.
    let client = HTTPClient(version: version, limits: limits)
    let answer = try client.post(url, body: Self.body(arxivIDs), headers: headers, retrying: true)
    do {
      return try ScholarBatchReader.read(answer.body, asked: arxivIDs, checkedAt: Date())
    } catch {
      throw HTTPClient.Failure(
        message: "the answer from \(url.host ?? baseURL) is not Semantic Scholar's batch JSON "
          + "(\(error))",
        exitCode: SysExit.dataError)
    }
  }

  /// Without an API key, waits until ``interval`` has passed since the last request started.
  private func waitForTurn() {
    if apiKey == nil, let last = lastRequest {
      let wait = last + Self.interval - pacing.now()
      if wait > 0 { pacing.sleep(wait) }
    }
    lastRequest = pacing.now()
  }
}
