import FolioCore
import Foundation

/// What an importer tells its session, in the order it says it.
enum ImportEvent: Sendable {
  case add(Paper)
  case update(Paper)
  case skip
  case progress(bytesRead: Int)
}

/// Carries an import's events from the thread reading the input to the thread writing the
/// library, so that parsing one paper overlaps with storing the one before: on two cores,
/// the reading (JSON, XML, text cleaning, link finding) is about half of an import's work
/// before the full-text index.
///
/// Events travel in batches through a short queue; a reader that gets ahead waits. When the
/// writing side fails, the reading side's next ``send(_:)`` throws, so it stops early.
final class ImportChannel: @unchecked Sendable {
  /// Thrown to the reading side once the writing side has given up.
  struct WriterStopped: Error {}

  /// Batches the queue holds before a reader waits.
  static let capacity = 4

  private let condition = NSCondition()
  private var queue: [[ImportEvent]] = []
  private var readerFinished = false
  private var readerError: (any Error)?
  private var writerStopped = false

  /// Runs `produce` on a thread of its own, handing each batch of events it makes to
  /// `consume` on this thread, in order. Returns when both are done; rethrows the first
  /// error of either (the writing side's, if it failed first).
  static func run(
    _ produce: (inout ImportSession) throws -> Void,
    consume: ([ImportEvent]) throws -> Void
  ) throws {
    let channel = ImportChannel()
    let readerDone = DispatchSemaphore(value: 0)
    try withoutActuallyEscaping(produce) { produce in
      let handoff = ReaderHandoff(produce)
      let thread = Thread {
        read(handoff.take(), into: channel)
        readerDone.signal()
      }
      // The importers' parsers recurse with the input's nesting; give them the main
      // thread's stack size, not a secondary thread's default.
      thread.stackSize = 8 << 20
      thread.start()
      // `produce` must not outlive this call: wait for the reader whichever way this ends.
      defer {
        channel.stopWriting()
        readerDone.wait()
      }
      while let batch = channel.receive() { try consume(batch) }
      if let error = channel.finalError { throw error }
    }
  }

  /// Runs the importer's closure on the reader's thread; the closure is released on return.
  private static func read(
    _ produce: ((inout ImportSession) throws -> Void)?, into channel: ImportChannel
  ) {
    var session = ImportSession(channel: channel)
    do {
      try produce?(&session)
      try session.flush()
      channel.finish(error: nil)
    } catch {
      channel.finish(error: error)
    }
  }

  /// Hands the importer's closure to its thread, which takes it out, so that nothing holds it
  /// once the reader is done (the thread object itself may live on a little).
  private final class ReaderHandoff: @unchecked Sendable {
    private var produce: ((inout ImportSession) throws -> Void)?

    init(_ produce: @escaping (inout ImportSession) throws -> Void) {
      self.produce = produce
    }

    func take() -> ((inout ImportSession) throws -> Void)? {
      defer { produce = nil }
      return produce
    }
  }

  /// Queues `batch`, waiting while the queue is full; throws ``WriterStopped`` once the
  /// writing side has given up.
  func send(_ batch: [ImportEvent]) throws {
    condition.lock()
    defer { condition.unlock() }
    while queue.count >= Self.capacity && !writerStopped { condition.wait() }
    if writerStopped { throw WriterStopped() }
    queue.append(batch)
    condition.broadcast()
  }

  private func finish(error: (any Error)?) {
    condition.lock()
    defer { condition.unlock() }
    readerFinished = true
    readerError = error
    condition.broadcast()
  }

  /// The next batch, waiting for one; nil once the reader has finished and every batch has
  /// been taken.
  private func receive() -> [ImportEvent]? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !readerFinished { condition.wait() }
    guard !queue.isEmpty else { return nil }
    condition.broadcast()
    return queue.removeFirst()
  }

  private var finalError: (any Error)? {
    condition.lock()
    defer { condition.unlock() }
    return readerError
  }

  private func stopWriting() {
    condition.lock()
    defer { condition.unlock() }
    writerStopped = true
    queue.removeAll()
    condition.broadcast()
  }
}
