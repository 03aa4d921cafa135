import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One request in flight: collects the body under the cap as URLSession streams it in, and
/// hands the result to the thread waiting for it. Past the cap the task is cancelled at once,
/// so memory never holds more than the cap.
final class Attempt: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  enum Result {
    case answered(status: Int, headers: [String: String], data: Data)
    case failed(any Error)
    case tooLarge
    case timedOut
  }

  private let lock = NSLock()
  private let done = DispatchSemaphore(value: 0)
  private var body: BodyLimit
  private var response: HTTPURLResponse?
  private var result: Result?

  init(maxBytes: Int) {
    body = BodyLimit(maxBytes: maxBytes)
  }

  /// The result, or nil when none came within `seconds`.
  func wait(seconds: Double) -> Result? {
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    lock.lock()
    defer { lock.unlock() }
    return result
  }

  /// Records the result once; later calls (a cancelled task completing) change nothing.
  private func finish(_ value: Result) {
    lock.lock()
    let first = result == nil
    if first { result = value }
    lock.unlock()
    if first { done.signal() }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    lock.lock()
    self.response = response as? HTTPURLResponse
    let fits = body.expect(length: response.expectedContentLength)
    lock.unlock()
    guard fits else {
      finish(.tooLarge)
      completionHandler(.cancel)
      return
    }
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    let fits = body.append(data)
    lock.unlock()
    guard fits else {
      finish(.tooLarge)
      dataTask.cancel()
      return
    }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
  ) {
    if let error {
      finish(.failed(error))
      return
    }
    lock.lock()
    let response = self.response
    let data = body.data
    lock.unlock()
    guard let response else {
      finish(.failed(URLError(.badServerResponse)))
      return
    }
    finish(
      .answered(
        status: response.statusCode, headers: Self.headers(of: response), data: data))
  }

  /// The answer's headers, names in lower case.
  static func headers(of response: HTTPURLResponse) -> [String: String] {
    var headers: [String: String] = [:]
    for (name, value) in response.allHeaderFields {
      guard let name = name as? String, let value = value as? String else { continue }
      headers[name.lowercased()] = value
    }
    return headers
  }
}
