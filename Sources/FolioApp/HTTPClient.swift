import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Blocking HTTP GET for the command line, with Folio's etiquette: a User-Agent naming Folio,
/// timeouts, retries with backoff on network errors and 5xx answers, and waiting out HTTP 429
/// as the server asks (within a bound).
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

  /// Seconds to wait for a connection and between bytes.
  let connectTimeout: Double
  /// Seconds a whole request may take.
  let totalTimeout: Double
  /// Attempts per request on network errors and 5xx answers.
  let attempts = 3
  /// The longest total wait for rate limits (HTTP 429) before giving up.
  let rateLimitBudget: Double
  /// The first retry delay; doubled for each further retry.
  let backoff: Double
  let userAgent: String
  private let session: URLSession

  public init(
    version: String, connectTimeout: Double = 10, totalTimeout: Double = 60, backoff: Double = 1,
    rateLimitBudget: Double = 60
  ) {
    userAgent = "Folio/\(version) (terminal paper reader; https://github.com/folio-reader/folio)"
    self.connectTimeout = connectTimeout
    self.totalTimeout = totalTimeout
    self.backoff = backoff
    self.rateLimitBudget = rateLimitBudget
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = connectTimeout
    configuration.timeoutIntervalForResource = totalTimeout
    configuration.httpAdditionalHeaders = ["User-Agent": userAgent]
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    session = URLSession(configuration: configuration)
  }

  /// The client configured from the environment: `FOLIO_HTTP_TIMEOUT` (seconds) shortens every
  /// timeout and wait, for tests and slow links alike.
  public static func fromEnvironment(
    version: String, _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> HTTPClient {
    guard let value = environment["FOLIO_HTTP_TIMEOUT"].flatMap(Double.init), value > 0 else {
      return HTTPClient(version: version)
    }
    return HTTPClient(
      version: version, connectTimeout: min(10, value), totalTimeout: value,
      backoff: min(1, value / 10),
      rateLimitBudget: value)
  }

  /// The body of a successful (2xx) answer to GET `url`.
  public func get(_ url: URL) throws(Failure) -> Data {
    let host = url.host ?? url.absoluteString
    var rateLimitWaited = 0.0
    var attempt = 0
    while true {
      attempt += 1
      let outcome = perform(url)
      switch outcome {
      case .failure(let error):
        guard attempt < attempts else {
          throw Failure(message: "cannot reach \(host): \(Self.describe(error))", exitCode: 69)
        }
        pause(backoff * Double(1 << (attempt - 1)))
      case .success(let (data, response)):
        switch response.statusCode {
        case 200..<300:
          return data
        case 429:
          let wait = Self.retryDelay(response) ?? backoff * Double(1 << min(attempt, 5))
          guard rateLimitWaited + wait <= rateLimitBudget else {
            throw Failure(
              message:
                "\(host) is limiting requests (HTTP 429); try again in \(Int(wait.rounded(.up))) s",
              exitCode: 69)
          }
          rateLimitWaited += wait
          attempt -= 1  // waiting out a rate limit is not a failed attempt
          pause(wait)
        case 500..<600:
          guard attempt < attempts else {
            throw Failure(
              message: "\(host) answered HTTP \(response.statusCode) for \(url.absoluteString)",
              exitCode: 69)
          }
          pause(backoff * Double(1 << (attempt - 1)))
        default:
          throw Failure(
            message: "\(host) refused \(url.absoluteString) (HTTP \(response.statusCode))",
            exitCode: 69)
        }
      }
    }
  }

  private func perform(_ url: URL) -> Result<(Data, HTTPURLResponse), any Error> {
    let box = ResultBox()
    let task = session.dataTask(with: url) { data, response, error in
      if let error {
        box.set(.failure(error))
      } else if let response = response as? HTTPURLResponse {
        box.set(.success((data ?? Data(), response)))
      } else {
        box.set(.failure(URLError(.badServerResponse)))
      }
    }
    task.resume()
    return box.wait()
  }

  /// Seconds to wait from `Retry-After` (seconds) or `RateLimit` (`...;t=N`) headers.
  static func retryDelay(_ response: HTTPURLResponse) -> Double? {
    if let value = response.value(forHTTPHeaderField: "Retry-After"),
      let seconds = Double(value.trimmingCharacters(in: .whitespaces))
    {
      return max(0, seconds)
    }
    if let value = response.value(forHTTPHeaderField: "RateLimit"),
      let part = value.split(separator: ";").first(where: {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix("t=")
      }),
      let seconds = Double(part.trimmingCharacters(in: .whitespaces).dropFirst(2))
    {
      return max(0, seconds)
    }
    return nil
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? URLError {
      switch error.code {
      case .timedOut: return "timed out"
      case .cannotConnectToHost: return "connection refused"
      case .cannotFindHost, .dnsLookupFailed: return "host not found"
      case .notConnectedToInternet: return "not connected to the internet"
      case .networkConnectionLost: return "the connection was lost"
      default: break
      }
    }
    return (error as NSError).localizedDescription
  }

  private func pause(_ seconds: Double) {
    guard seconds > 0 else { return }
    Thread.sleep(forTimeInterval: seconds)
  }
}

/// Hands a result from URLSession's queue to the waiting thread.
private final class ResultBox: @unchecked Sendable {
  private let semaphore = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var result: Result<(Data, HTTPURLResponse), any Error>?

  func set(_ value: Result<(Data, HTTPURLResponse), any Error>) {
    lock.lock()
    result = value
    lock.unlock()
    semaphore.signal()
  }

  func wait() -> Result<(Data, HTTPURLResponse), any Error> {
    semaphore.wait()
    lock.lock()
    defer { lock.unlock() }
    return result!
  }
}
