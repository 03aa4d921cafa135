import FolioCore
import Foundation

/// Blocking HTTP GET for fetches (through libcurl, see ``CurlTransfer``), with Folio's etiquette
/// and bounds: a User-Agent naming Folio; a total deadline per request and per fetch (not only
/// an idle timeout); a cap on the body, counted as it streams in after decompression; retries on
/// network errors, 429 and 5xx as ``RetryPolicy`` decides; a cap on all the fetch's answers
/// together, since a fetch holds them all until it imports. One client serves one fetch: its
/// retries, deadline and bytes are shared by all the fetch's requests.
public final class HTTPClient: Sendable {
  /// Why a request failed: a one-line message and the sysexits code to exit with.
  public struct Failure: Error {
    public var message: String
    public var exitCode: Int32

    public init(message: String, exitCode: Int32) {
      self.message = message
      self.exitCode = exitCode
    }
  }

  public let limits: HTTPLimits
  let userAgent: String
  private let policy: RetryPolicy
  private let budget: FetchBudget

  /// A client for one fetch; `version` names Folio in the User-Agent.
  public init(version: String, limits: HTTPLimits = HTTPLimits()) {
    userAgent = "Folio/\(version) (terminal paper reader; https://github.com/folio-reader/folio)"
    self.limits = limits
    policy = RetryPolicy(limits: limits)
    budget = FetchBudget(limits: limits)
  }

  /// The body of a successful (2xx) answer to GET `url`.
  public func get(_ url: URL) throws(Failure) -> Data {
    var answer = Answer(status: 0, headers: [:], body: Data())
    return try perform(url, stream: nil, upload: nil, acceptAnyStatus: false, answer: &answer)
  }

  /// An answer a POST hands back whatever its status (see ``post(_:body:headers:retrying:)``).
  public struct Answer: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
  }

  /// POSTs `body` to `url` with `headers` (say `Content-Type`), under the client's deadline,
  /// body cap and etiquette, and returns the final answer whatever its status, for the caller
  /// to read (a connector's refusal, an API's error). With `retrying`, network errors, 429 and
  /// 5xx are retried as ``get(_:)`` retries them (for requests that are safe to repeat: a
  /// lookup); without, a request is sent once (a save must not be made twice) and only an
  /// unreachable server is an error (exit 69).
  public func post(
    _ url: URL, body: Data, headers: [String: String] = [:], retrying: Bool
  ) throws(Failure) -> Answer {
    var answer = Answer(status: 0, headers: [:], body: Data())
    _ = try perform(
      url, stream: nil,
      upload: CurlTransfer.Upload(body: body, headers: headers),
      acceptAnyStatus: !retrying, answer: &answer)
    return answer
  }

  /// Where a streamed download goes: `start` before each attempt (to begin the file again),
  /// `write` for each chunk (false stops the transfer), and the cap and its name for messages.
  struct Stream {
    var maxBytes: Int
    var capName: String
    var start: () -> Bool
    var write: (UnsafeRawBufferPointer) -> Bool
    /// Why writing failed (a local I/O error, not the server's), if it did.
    var failure: () -> String?
  }

  /// GETs `url` streaming the body of a successful answer into `stream` (under its own cap,
  /// outside the fetch's byte budget since nothing is held in memory), with the same deadline,
  /// retries and etiquette as ``get(_:)``. A body cut short on the last attempt is a data error.
  func download(_ url: URL, into stream: Stream) throws(Failure) {
    var answer = Answer(status: 0, headers: [:], body: Data())
    _ = try perform(url, stream: stream, upload: nil, acceptAnyStatus: false, answer: &answer)
  }

  /// One request with its retries. A 4xx answer is a failure unless `acceptAnyStatus`, which
  /// also turns off retries on 429 and 5xx; the final answer is left in `answer`.
  private func perform(
    _ url: URL, stream: Stream?, upload: CurlTransfer.Upload?, acceptAnyStatus: Bool,
    answer: inout Answer
  ) throws(Failure) -> Data {
    let host = url.host ?? url.absoluteString
    var waited = 0.0
    var attempt = 0
    while true {
      attempt += 1
      let secondsLeft = budget.secondsLeft
      guard secondsLeft > 0 else { throw fetchTimedOut() }
      let deadline = min(limits.requestDeadline, secondsLeft)
      let outcome: RetryPolicy.Outcome
      var body = Data()
      let maxBytes = stream?.maxBytes ?? min(limits.maxBodyBytes, budget.bytes)
      if let stream, !stream.start() {
        throw Failure(
          message: stream.failure() ?? "cannot write the download", exitCode: SysExit.ioError)
      }
      var cutShort = false
      let result = CurlTransfer.get(
        url, userAgent: userAgent, limits: limits, deadline: deadline, maxBytes: maxBytes,
        sink: stream?.write, upload: upload)
      if let problem = stream?.failure() {
        throw Failure(message: problem, exitCode: SysExit.ioError)
      }
      switch result {
      case .tooLarge where stream != nil:
        throw Failure(
          message:
            "the answer from \(url.absoluteString) is larger than "
            + "\(HTTPLimits.describe(bytes: maxBytes)) (\(stream?.capName ?? ""))",
          exitCode: SysExit.dataError)
      case .tooLarge where maxBytes < limits.maxBodyBytes:
        throw Failure(
          message:
            "the answers of this fetch add up to more than "
            + "\(HTTPLimits.describe(bytes: limits.maxFetchBytes)) (4 × config.toml http_max_mb)",
          exitCode: SysExit.dataError)
      case .tooLarge:
        throw Failure(
          message:
            "the answer from \(url.absoluteString) is larger than "
            + "\(HTTPLimits.describe(bytes: limits.maxBodyBytes)) (config.toml http_max_mb)",
          exitCode: SysExit.dataError)
      case .headersTooLarge:
        throw Failure(
          message:
            "the answer from \(url.absoluteString) has more than "
            + "\(CurlTransfer.maxHeaderBytes >> 10) KB of headers",
          exitCode: SysExit.dataError)
      case .timedOut(let idle):
        if idle {
          outcome = .unreachable(
            "timed out (nothing received for \(Self.seconds(min(limits.idleTimeout, deadline))))")
        } else {
          // The fetch's deadline came first: nothing is left to retry with.
          if deadline < limits.requestDeadline { throw fetchTimedOut() }
          outcome = .unreachable("timed out (no complete answer within \(Self.seconds(deadline)))")
        }
      case .failed(let reason):
        outcome = .unreachable(reason)
      case .cutShort:
        cutShort = true
        outcome = .unreachable("the connection was lost")
      case .answered(let status, let headers, let data):
        outcome = .answer(status: status, headers: headers)
        body = data
        if acceptAnyStatus {
          budget.spend(bytes: data.count)
          answer = Answer(status: status, headers: headers, body: data)
          return data
        }
      }
      if acceptAnyStatus, case .unreachable(let reason) = outcome {
        throw Failure(message: "cannot reach \(host): \(reason)", exitCode: SysExit.unavailable)
      }
      let progress = RetryPolicy.Progress(
        attempt: attempt, waited: waited, retriesLeftInFetch: budget.retries,
        secondsLeftInFetch: budget.secondsLeft, now: Date().timeIntervalSince1970)
      switch policy.decide(outcome, host: host, url: url.absoluteString, progress: progress) {
      case .accept:
        budget.spend(bytes: body.count)
        if case .answer(let status, let headers) = outcome {
          answer = Answer(status: status, headers: headers, body: body)
        }
        return body
      case .fail(let message, let exitCode):
        // A download whose body ended early is damaged data, not an unreachable server.
        if cutShort && stream != nil {
          throw Failure(
            message: "the answer from \(url.absoluteString) was cut short",
            exitCode: SysExit.dataError)
        }
        throw Failure(message: message, exitCode: exitCode)
      case .retry(let delay):
        guard budget.takeRetry() else {
          throw Failure(
            message: "\(host): no retries left in this fetch", exitCode: SysExit.unavailable)
        }
        waited += delay
        Thread.sleep(forTimeInterval: delay)
      }
    }
  }

  private func fetchTimedOut() -> Failure {
    Failure(
      message: "the fetch took longer than \(Self.seconds(limits.fetchDeadline)) and was stopped",
      exitCode: SysExit.unavailable)
  }

  static func seconds(_ value: Double) -> String {
    value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
  }
}
