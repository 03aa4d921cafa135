import Dispatch
import FolioReader
import FolioStore
import Foundation

/// The reader's library writer: one background worker that makes the changes handed to it
/// one at a time, first in first out, so the user's own changes land in the order they were
/// made. A change may wait minutes for another process's write lock (an import); the main
/// loop keeps drawing meanwhile and picks up the outcomes with ``take()``.
public final class LibraryWriteQueue: @unchecked Sendable {
  private let lock = NSLock()
  /// Serial: the order of submission is the order of writing.
  private let queue = DispatchQueue(label: "folio.writes")
  private let group = DispatchGroup()
  private let write: @Sendable (LibraryChange) -> EffectOutcome
  private var outcomes: [EffectOutcome] = []
  /// Jobs submitted and not finished, oldest first: their number and summary.
  private var unfinished: [(number: Int, summary: String)] = []
  private var submitted = 0
  /// When the write being made started (nanoseconds of uptime), while one is.
  private var runningSince: UInt64?

  /// Writes to `store` through ``LibraryWriter``.
  public convenience init(store: LibraryStore) {
    self.init { LibraryWriter.perform($0, on: store) }
  }

  /// Writes with `write` (tests pass their own).
  init(write: @escaping @Sendable (LibraryChange) -> EffectOutcome) {
    self.write = write
  }

  /// Queues `change`; its outcome comes back through ``take()``.
  public func submit(_ change: LibraryChange) {
    let write = self.write
    submit(change.summary) { write(change) }
  }

  /// Queues any other library write (saving a note), `summary` naming it in messages.
  public func submit(_ summary: String, _ job: @escaping @Sendable () -> EffectOutcome) {
    let number = lock.withLock {
      submitted += 1
      unfinished.append((submitted, summary))
      return submitted
    }
    group.enter()
    queue.async { [self] in
      lock.withLock { runningSince = DispatchTime.now().uptimeNanoseconds }
      let outcome = job()
      lock.withLock {
        outcomes.append(outcome)
        unfinished.removeAll { $0.number == number }
        runningSince = nil
      }
      group.leave()
    }
  }

  /// Whether a write is queued or being made.
  public var isBusy: Bool { lock.withLock { !unfinished.isEmpty } }

  /// How long the write being made has taken so far, in seconds; nil when none is.
  public var secondsWriting: Double? {
    lock.withLock {
      runningSince.map { Double(DispatchTime.now().uptimeNanoseconds - $0) / 1e9 }
    }
  }

  /// How many writes are queued or being made.
  public var waiting: Int { lock.withLock { unfinished.count } }

  /// The outcomes since the last call, in the order the writes were made.
  public func take() -> [EffectOutcome] {
    lock.withLock {
      defer { outcomes.removeAll() }
      return outcomes
    }
  }

  /// Waits until every write submitted so far is made (or has failed), for at most `timeout`
  /// seconds; the summaries of those still not made, oldest first (empty when all are).
  public func drain(timeout: TimeInterval) -> [String] {
    _ = group.wait(timeout: .now() + timeout)
    return lock.withLock { unfinished.map(\.summary) }
  }
}
