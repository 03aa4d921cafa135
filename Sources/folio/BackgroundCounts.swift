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

  /// Counts `filter` for `generation`, in the background.
  func start(_ filter: PaperFilter, generation: Int, store: LibraryStore) {
    lock.withLock {
      latest = generation
      inFlight += 1
    }
    queue.async { [self] in
      let current = lock.withLock { latest == generation }
      // The reader has moved on: its newer request follows in the queue.
      let outcome =
        current
        ? LibraryWriter.perform(.countListing(filter, generation: generation), on: store) : nil
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
