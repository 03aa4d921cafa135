import Dispatch
import FolioReader
import FolioStore
import Foundation

/// Exact counts of a listing, made on a thread of their own: at a million papers one takes up
/// to a second, and a key typed meanwhile must not wait for it. Results are picked up by the
/// main loop; a listing count overtaken by a newer one before it starts is dropped.
public final class BackgroundCounts: @unchecked Sendable {
  private let lock = NSLock()
  private let queue = DispatchQueue(label: "folio.counts")
  private let count: @Sendable (CountRequest) -> EffectOutcome
  private var outcomes: [EffectOutcome] = []
  private var latest = -1
  private var inFlight = 0

  /// Counts in `store`.
  public convenience init(store: LibraryStore) {
    self.init { $0.count(on: store) }
  }

  /// Counts with `count` (tests pass their own).
  init(count: @escaping @Sendable (CountRequest) -> EffectOutcome) {
    self.count = count
  }

  /// Makes the counts `request` asks for in the background.
  public func start(_ request: CountRequest) {
    let listingGeneration: Int? =
      if case .listing(_, let generation) = request { generation } else { nil }
    lock.withLock {
      if let listingGeneration { latest = listingGeneration }
      inFlight += 1
    }
    queue.async { [self] in
      // A listing count overtaken by a newer one is dropped: that one follows in the queue.
      let overtaken = listingGeneration.map { generation in
        lock.withLock { latest != generation }
      }
      let outcome = overtaken == true ? nil : count(request)
      lock.withLock {
        if let outcome { outcomes.append(outcome) }
        inFlight -= 1
      }
    }
  }

  /// Whether a count is still being made.
  public var isBusy: Bool { lock.withLock { inFlight > 0 } }

  /// The outcomes since the last call.
  public func take() -> [EffectOutcome] {
    lock.withLock {
      defer { outcomes.removeAll() }
      return outcomes
    }
  }
}
