import FolioApp
import FolioCore
import Foundation

/// HTTP response handling on an arbitrary answer: the input is read as a raw HTTP/1.1 response
/// (status line, headers, blank line, body). Whatever it holds, reading the server's delay never
/// traps; retrying the same answer ends within the attempts cap, every delay is finite and
/// within the floor and the longest wait; a failure is one inert line; the body cap never keeps
/// a byte past it, however the body is split into chunks.
enum HTTPTarget {
  /// Small limits, so caps are reached by small inputs.
  static let limits: HTTPLimits = {
    var limits = HTTPLimits()
    limits.maxBodyBytes = 256
    return limits
  }()

  /// A fixed clock for HTTP-dates: 2026-11-27T00:00:00Z.
  static let now = 1_795_737_600.0

  static func findings(_ data: [UInt8]) -> [String] {
    let (status, headers, body) = parse(data)
    var findings: [String] = []
    for (name, value) in headers {
      if let seconds = ServerDelay.seconds(headers: [name: value], now: now),
        seconds.isNaN || seconds < 0
      {
        findings.append("\(name): \(value.debugDescription) read as \(seconds) s")
      }
    }
    findings += retryFindings(status: status, headers: headers)
    findings += bodyFindings(body, splitBy: Int(data.first ?? 0) + 1)
    return findings
  }

  /// Retries the same answer until the policy stops, checking every decision.
  static func retryFindings(status: Int, headers: [String: String]) -> [String] {
    let policy = RetryPolicy(limits: limits)
    var findings: [String] = []
    var waited = 0.0
    for attempt in 1...(limits.attemptsPerRequest + 1) {
      let decision = policy.decide(
        .answer(status: status, headers: headers), host: "h.example", url: "https://h.example/p",
        progress: RetryPolicy.Progress(
          attempt: attempt, waited: waited, retriesLeftInFetch: limits.retriesPerFetch,
          secondsLeftInFetch: limits.fetchDeadline, now: now))
      switch decision {
      case .accept:
        return (200..<300).contains(status) ? findings : findings + ["HTTP \(status) accepted"]
      case .fail(let message, let exitCode):
        if let scalar = InertText.offendingScalar(in: message) {
          findings.append("failure message holds U+\(String(scalar.value, radix: 16))")
        }
        if exitCode != SysExit.unavailable { findings.append("failure exits \(exitCode), not 69") }
        return findings
      case .retry(let delay):
        let floor = limits.backoff * Double(1 << (attempt - 1))
        if !delay.isFinite || delay < floor || waited + delay > limits.maxWait {
          findings.append("attempt \(attempt) retries after \(delay) s (waited \(waited) s)")
          return findings
        }
        waited += delay
      }
    }
    return findings + ["HTTP \(status) retried past \(limits.attemptsPerRequest) attempts"]
  }

  /// Feeds the body to the cap in chunks of `size` bytes.
  static func bodyFindings(_ body: [UInt8], splitBy size: Int) -> [String] {
    var limit = BodyLimit(maxBytes: limits.maxBodyBytes)
    var offset = 0
    while offset < body.count {
      let end = min(body.count, offset + size)
      guard limit.append(Data(body[offset..<end])) else { break }
      offset = end
    }
    var findings: [String] = []
    if limit.data.count > limits.maxBodyBytes {
      findings.append("kept \(limit.data.count) bytes past the cap of \(limits.maxBodyBytes)")
    }
    if limit.exceeded != (body.count > limits.maxBodyBytes) {
      findings.append("a body of \(body.count) bytes: exceeded is \(limit.exceeded)")
    }
    if !limit.exceeded && limit.data != Data(body) {
      findings.append("the body kept differs from the body sent")
    }
    return findings
  }

  /// A raw response's status (0 when unreadable), headers (lower-case names; a repeated header
  /// joined with ", " as HTTP allows) and body.
  static func parse(_ data: [UInt8]) -> (Int, [String: String], [UInt8]) {
    var headEnd = data.count
    var bodyStart = data.count
    var index = 0
    while index + 3 < data.count {
      if data[index] == 13, data[index + 1] == 10, data[index + 2] == 13, data[index + 3] == 10 {
        headEnd = index
        bodyStart = index + 4
        break
      }
      index += 1
    }
    let head = String(decoding: data[..<headEnd], as: UTF8.self)
    let lines = head.components(separatedBy: "\r\n")
    let statusField = lines.first?.split(separator: " ").dropFirst().first
    let status = statusField.flatMap { $0.count <= 3 ? Int($0) : nil } ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].lowercased()
      let value = String(line[line.index(after: colon)...])
      headers[name] = headers[name].map { $0 + ", " + value } ?? value
    }
    return (status, headers, Array(data[bodyStart...]))
  }
}
