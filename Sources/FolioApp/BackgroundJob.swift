import FolioReader
import Foundation

/// One piece of work at a time on a thread of its own, posting reader events that the main
/// loop picks up: what the reader's fetch (`R`) and PDF download (`O`) share, so the reader
/// stays responsive while they run.
final class BackgroundJob: @unchecked Sendable {
  private let lock = NSLock()
  private var events: [ReaderEvent] = []
  private var running = false

  /// Runs `work` on a new thread, handing it a way to post events; its result is posted
  /// last, as the job ends. False (and nothing started) while a job is still running.
  func start(_ work: @escaping @Sendable (_ post: @escaping (ReaderEvent) -> Void) -> ReaderEvent)
    -> Bool
  {
    lock.lock()
    defer { lock.unlock() }
    guard !running else { return false }
    running = true
    let thread = Thread { [self] in
      let finished = work { self.post($0) }
      lock.lock()
      running = false
      events.append(finished)
      lock.unlock()
    }
    thread.start()
    return true
  }

  /// The events since the last call.
  func take() -> [ReaderEvent] {
    lock.lock()
    defer { lock.unlock() }
    let taken = events
    events.removeAll()
    return taken
  }

  var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    return running
  }

  private func post(_ event: ReaderEvent) {
    lock.lock()
    events.append(event)
    lock.unlock()
  }
}
