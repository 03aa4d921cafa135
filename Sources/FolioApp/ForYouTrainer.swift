import Dispatch
import FolioStore
import Foundation

/// Keeps the library's for-you model learnt from its current signals, off the reader's key
/// path: ``nudge()`` (at start, after the reader's writes commit, after another process
/// changed the library) makes a background worker retrain when the saved model is stale and
/// save it. The reader reads the saved model whenever it ranks and needs no event.
///
/// The store it is given should be its own connection with short waits
/// (``openStore(path:)``): then saving never holds the reader's writer connection, and a
/// library locked by another process (an import) makes it try again later instead of waiting.
public final class ForYouTrainer: @unchecked Sendable {
  /// How long after a failed retrain (the library locked, a read error) it tries again.
  public static let retryDelay: TimeInterval = 30
  /// The trainer's wait for another process's write lock before it gives up until later.
  public static let busyTimeout: TimeInterval = 0.2

  /// What one run did.
  public enum Outcome: Equatable, Sendable {
    /// The model was up to date.
    case upToDate
    /// Retrained and saved (with or without a model: too few signals save "none").
    case retrained(hasModel: Bool)
    /// Failed with this message; tried again after ``retryDelay``.
    case failed(String)
  }

  /// Opens the library the first time the worker needs it (off the caller's thread).
  private let open: @Sendable () throws(StoreError) -> LibraryStore
  /// The library, once opened; touched only on ``queue``.
  private var store: LibraryStore?
  private let queue = DispatchQueue(label: "folio.for-you", qos: .utility)
  private let group = DispatchGroup()
  private let lock = NSLock()
  private let retryDelay: TimeInterval
  private let observer: (@Sendable (Outcome) -> Void)?
  /// A run is queued and has not started: further nudges are folded into it.
  private var queued = false
  private var retryScheduled = false
  private var finished: [Outcome] = []

  /// A trainer of `store`; `retryDelay` overrides ``retryDelay`` (tests).
  public init(store: LibraryStore, retryDelay: TimeInterval = ForYouTrainer.retryDelay) {
    self.open = { store }
    self.retryDelay = retryDelay
    self.observer = nil
  }

  /// A trainer of the library at `path`, opened on first use as its own connections with
  /// short waits (``busyTimeout``, no retries), so it never holds the reader's writer
  /// connection or waits long for another process.
  /// `retryDelay` overrides ``retryDelay`` and `observer` hears every outcome as it happens
  /// (tests).
  public init(
    path: String, retryDelay: TimeInterval = ForYouTrainer.retryDelay,
    observer: (@Sendable (Outcome) -> Void)? = nil
  ) {
    self.open = { () throws(StoreError) in
      try LibraryStore.open(at: path, busyTimeout: ForYouTrainer.busyTimeout, writeWaitLimit: 0)
    }
    self.retryDelay = retryDelay
    self.observer = observer
  }

  /// Checks the model in the background, retraining it when stale. Cheap to call often:
  /// nudges while a check is queued fold into it.
  public func nudge() {
    let isNew = lock.withLock {
      defer { queued = true }
      return !queued
    }
    guard isNew else { return }
    group.enter()
    queue.async { [self] in
      lock.withLock { queued = false }
      let outcome = runOnce()
      lock.withLock { finished.append(outcome) }
      observer?(outcome)
      if case .failed = outcome { scheduleRetry() }
      group.leave()
    }
  }

  /// Whether a check is queued or running.
  public var isBusy: Bool {
    group.wait(timeout: .now()) == .timedOut
  }

  /// Waits until every check nudged so far has finished, for at most `timeout` seconds;
  /// false on timeout.
  @discardableResult
  public func wait(timeout: TimeInterval) -> Bool {
    group.wait(timeout: .now() + timeout) == .success
  }

  /// The outcomes of the checks finished since the last call, oldest first.
  public func take() -> [Outcome] {
    lock.withLock {
      defer { finished.removeAll() }
      return finished
    }
  }

  private func runOnce() -> Outcome {
    do throws(StoreError) {
      let store: LibraryStore
      if let opened = self.store {
        store = opened
      } else {
        store = try open()
        self.store = store
      }
      guard try store.isForYouModelStale else { return .upToDate }
      let now = Date()
      let trained = try store.trainForYouModelAtGeneration(now: now)
      // Saved with the generation it read: a change made while it learnt leaves it stale,
      // and the nudge that change brings retrains again.
      try store.saveForYouModel(trained.model, generation: trained.generation, trainedAt: now)
      return .retrained(hasModel: trained.model != nil)
    } catch {
      return .failed(error.message)
    }
  }

  private func scheduleRetry() {
    let isNew = lock.withLock {
      defer { retryScheduled = true }
      return !retryScheduled
    }
    guard isNew else { return }
    queue.asyncAfter(deadline: .now() + retryDelay) { [self] in
      lock.withLock { retryScheduled = false }
      nudge()
    }
  }
}
