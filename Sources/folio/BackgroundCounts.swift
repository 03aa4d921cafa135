import Dispatch
import FolioReader
import FolioStore
import Foundation

/// Exact counts of a listing, made on a thread of their own: at a million papers one takes up
/// to a second, and a key typed meanwhile must not wait for it. Results are picked up by the
/// main loop; a request overtaken by a newer one before it starts is dropped.
final class BackgroundCounts: @unchecked Sendable {
  private let lock = NSLock()
  private let queue = DispatchQueue(label: "folio.counts")
  private var outcomes: [EffectOutcome] = []
  private var latest = -1
  private var inFlight = 0

  /// Carries out `effect` (a ``ReaderEffect/countListing(_:generation:)`` or
  /// ``ReaderEffect/countTopic(index:_:generation:)``) in the background.
  func start(_ effect: ReaderEffect, store: LibraryStore) {
    let listingGeneration: Int? =
      if case .countListing(_, let generation) = effect { generation } else { nil }
    lock.withLock {
      if let listingGeneration { latest = listingGeneration }
      inFlight += 1
    }
    queue.async { [self] in
      // A listing count overtaken by a newer one is dropped: that one follows in the queue.
      let overtaken = listingGeneration.map { generation in
        lock.withLock { latest != generation }
      }
      let outcome = overtaken == true ? nil : LibraryWriter.perform(effect, on: store)
      lock.withLock {
        if let outcome { outcomes.append(outcome) }
        inFlight -= 1
      }
    }
  }

  /// Whether a count is still being made.
  var isBusy: Bool { lock.withLock { inFlight > 0 } }

  /// The outcomes since the last call.
  func take() -> [EffectOutcome] {
    lock.withLock {
      defer { outcomes.removeAll() }
      return outcomes
    }
  }
}
