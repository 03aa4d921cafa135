import FolioCore

/// What Folio does with one answer (or failure) to a request: accept it, retry after a delay,
/// or give up with a one-line message. Pure: the client, the unit tests and the fuzzer drive it.
///
/// The promises, whatever the server sends: a retry's delay is finite and between the backoff
/// floor and `maxWait`; a request is tried at most `attemptsPerRequest` times and waits at most
/// `maxWait` in total; a fetch retries at most `retriesPerFetch` times and never waits past its
/// deadline; a delay longer than Folio would wait fails at once, saying when to try again.
public struct RetryPolicy: Sendable {
  /// What came back from one attempt.
  public enum Outcome: Sendable {
    /// An answer: its status and headers (names in lower case).
    case answer(status: Int, headers: [String: String])
    /// No answer: the reason, in a few words ("timed out", "connection refused").
    case unreachable(String)
  }

  /// What to do next.
  public enum Decision: Hashable, Sendable {
    case accept
    case retry(after: Double)
    case fail(message: String, exitCode: Int32)
  }

  /// Where a request stands: the attempt just made (from 1), the seconds it has waited so far,
  /// what is left of the fetch, and the time (seconds since 1970, for HTTP-dates).
  public struct Progress: Hashable, Sendable {
    public var attempt: Int
    public var waited: Double
    public var retriesLeftInFetch: Int
    public var secondsLeftInFetch: Double
    public var now: Double

    public init(
      attempt: Int, waited: Double, retriesLeftInFetch: Int, secondsLeftInFetch: Double,
      now: Double
    ) {
      self.attempt = attempt
      self.waited = waited
      self.retriesLeftInFetch = retriesLeftInFetch
      self.secondsLeftInFetch = secondsLeftInFetch
      self.now = now
    }
  }

  public var limits: HTTPLimits

  public init(limits: HTTPLimits) {
    self.limits = limits
  }

  /// The decision on `outcome` of a request for `url` on `host`.
  public func decide(_ outcome: Outcome, host: String, url: String, progress: Progress)
    -> Decision
  {
    let asked: Double?
    // What happened, in words; `notes` go in parentheses after it.
    let what: String
    var notes: [String] = []
    switch outcome {
    case .unreachable(let reason):
      asked = nil
      what = "cannot reach \(host): \(reason)"
    case .answer(let status, _) where (200..<300).contains(status):
      return .accept
    case .answer(429, let headers):
      asked = ServerDelay.seconds(headers: headers, now: progress.now)
      what = "\(host) is limiting requests"
      notes.append("HTTP 429")
    case .answer(let status, let headers) where (500..<600).contains(status):
      asked = ServerDelay.seconds(headers: headers, now: progress.now)
      what = "\(host) answered HTTP \(status) for \(url)"
    case .answer(let status, _):
      return .fail(
        message: "\(host) refused \(url) (HTTP \(status))", exitCode: SysExit.unavailable)
    }
    func failure(_ note: String? = nil, tryAgain: String? = nil) -> Decision {
      let all = notes + (note.map { [$0] } ?? [])
      let message =
        what + (all.isEmpty ? "" : " (\(all.joined(separator: ", ")))")
        + (tryAgain.map { "; try again \($0)" } ?? "")
      return .fail(message: message, exitCode: SysExit.unavailable)
    }
    // A server asking for longer than Folio waits gets an answer now, not a hang.
    let waitLeft = min(limits.maxWait - progress.waited, progress.secondsLeftInFetch)
    if let asked, asked > waitLeft { return failure(tryAgain: Self.after(asked)) }
    guard progress.attempt < limits.attemptsPerRequest else {
      // A rate limit always ends in "try again later": it is the server's own advice.
      let limited = notes.contains("HTTP 429") || asked != nil
      let attempts = max(progress.attempt, 1)
      return failure(
        "\(attempts) attempt\(attempts == 1 ? "" : "s")", tryAgain: limited ? "later" : nil)
    }
    guard progress.retriesLeftInFetch > 0 else {
      return failure("no retries left: \(limits.retriesPerFetch) in this fetch")
    }
    let delay = max(asked ?? 0, floor(attempt: progress.attempt))
    guard delay <= waitLeft else { return failure(tryAgain: Self.after(delay)) }
    return .retry(after: delay)
  }

  /// The least delay before retry number `attempt`: the backoff, doubled for each retry.
  func floor(attempt: Int) -> Double {
    limits.backoff * Double(1 << min(max(attempt - 1, 0), 10))
  }

  /// "in 3600 s", or "later" for what no clock should count down.
  static func after(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds <= longestPromise else { return "later" }
    return "in \(Int(seconds.rounded(.up))) s"
  }

  /// The longest "try again in N s" Folio repeats from a server (a week).
  static let longestPromise: Double = 7 * 86_400
}
