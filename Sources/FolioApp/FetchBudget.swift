import Foundation

/// What one fetch may still spend: time until its deadline, retries and bytes. Shared by every
/// request of the fetch (one HTTPClient), on whichever thread runs it.
final class FetchBudget: @unchecked Sendable {
  private let lock = NSLock()
  private let deadline: Double
  private var retriesLeft: Int
  private var bytesLeft: Int

  init(limits: HTTPLimits) {
    deadline = Self.clock() + limits.fetchDeadline
    retriesLeft = limits.retriesPerFetch
    bytesLeft = limits.maxFetchBytes
  }

  /// Seconds left before the fetch's deadline (0 when past it).
  var secondsLeft: Double { max(0, deadline - Self.clock()) }

  var retries: Int {
    lock.lock()
    defer { lock.unlock() }
    return retriesLeft
  }

  /// Bytes the fetch's answers may still hold.
  var bytes: Int {
    lock.lock()
    defer { lock.unlock() }
    return bytesLeft
  }

  /// Counts an answer's bytes against the fetch.
  func spend(bytes count: Int) {
    lock.lock()
    bytesLeft = max(0, bytesLeft - count)
    lock.unlock()
  }

  /// Spends one retry; false when none is left.
  func takeRetry() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard retriesLeft > 0 else { return false }
    retriesLeft -= 1
    return true
  }

  /// Seconds on a steady clock.
  static func clock() -> Double { ProcessInfo.processInfo.systemUptime }
}
