import Foundation

/// Every bound on Folio's HTTP: how long a request and a fetch may take, how much a response
/// may hold, how often and how long Folio retries. Nothing a server sends can go past them.
public struct HTTPLimits: Hashable, Sendable {
  /// Seconds one request may take in total, from sending it to the last byte of the answer,
  /// however the bytes trickle in (`FOLIO_HTTP_TIMEOUT`).
  public var requestDeadline: Double = 60
  /// Seconds to wait for a connection and between bytes (at most the request deadline).
  public var idleTimeout: Double = 10
  /// Seconds one whole fetch may take: every page of every source, retries and waits included
  /// (`FOLIO_FETCH_TIMEOUT`).
  public var fetchDeadline: Double = 300
  /// The largest answer body, in bytes, counted as it arrives and after decompression
  /// (config.toml `http_max_mb`, `FOLIO_HTTP_MAX_MB`).
  public var maxBodyBytes = 64 << 20
  /// The first retry delay, doubled for each further retry. It is also the floor under a delay
  /// a server asks for, so `Retry-After: 0` cannot make Folio hammer a server.
  public var backoff: Double = 1
  /// The longest Folio waits, in total, for one request's retries; a server asking for longer
  /// gets a failure at once that says when to try again.
  public var maxWait: Double = 60
  /// Attempts per request (the first one included) on network errors, 429 and 5xx answers.
  public var attemptsPerRequest = 3
  /// Retries for a whole fetch, over all its requests.
  public var retriesPerFetch = 10

  /// The defaults.
  public init() {}

  /// The limits from config.toml's `http_max_mb` and the environment: `FOLIO_HTTP_TIMEOUT`
  /// (seconds; also shortens the idle timeout, the backoff and the longest wait, for tests and
  /// slow links alike), `FOLIO_FETCH_TIMEOUT` (seconds) and `FOLIO_HTTP_MAX_MB` (megabytes,
  /// overriding the config). Values that are not positive finite numbers are ignored.
  public static func configured(
    maxMegabytes: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> HTTPLimits {
    var limits = HTTPLimits()
    if let megabytes = maxMegabytes, megabytes > 0 {
      limits.maxBodyBytes = min(megabytes, Self.largestMegabytes) << 20
    }
    if let megabytes = positive(environment["FOLIO_HTTP_MAX_MB"]) {
      limits.maxBodyBytes = max(1, Int(min(megabytes, Double(Self.largestMegabytes)) * 1_048_576))
    }
    if let seconds = positive(environment["FOLIO_HTTP_TIMEOUT"]) {
      let seconds = min(seconds, Self.longestDeadline)
      limits.requestDeadline = seconds
      limits.idleTimeout = min(limits.idleTimeout, seconds)
      limits.backoff = min(limits.backoff, seconds / 10)
      limits.maxWait = seconds
    }
    if let seconds = positive(environment["FOLIO_FETCH_TIMEOUT"]) {
      limits.fetchDeadline = min(seconds, Self.longestDeadline)
    }
    return limits
  }

  /// The largest `http_max_mb` Folio accepts (4 GB).
  public static let largestMegabytes = 4096
  /// The longest deadline Folio accepts from the environment (a day).
  public static let longestDeadline: Double = 86_400

  static func positive(_ text: String?) -> Double? {
    guard let text, let value = Double(text), value.isFinite, value > 0 else { return nil }
    return value
  }

  /// The most all the answers of one fetch may hold together, since a fetch keeps them all
  /// until it imports: 4 × `maxBodyBytes` (256 MB by default).
  public var maxFetchBytes: Int { maxBodyBytes * 4 }

  /// A byte count for messages: "64 MB", or bytes when it is not whole megabytes.
  public static func describe(bytes: Int) -> String {
    bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MB" : "\(bytes) bytes"
  }
}
