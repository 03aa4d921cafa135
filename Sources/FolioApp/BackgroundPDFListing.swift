import FolioCore
import FolioReader
import Foundation

/// The PDF cache listed for the reader's row topics (`has:pdf` in a topic) on a thread of its
/// own, when the reader starts and after each download: a listing reads up to
/// ``FolioCore/PDFCache/maxListedEntries`` entries with a `stat` each, and no key waits for
/// it. Each listing comes back as ``FolioReader/ReaderEvent/pdfCacheListed(_:)``.
public final class BackgroundPDFListing: @unchecked Sendable {
  private let job = BackgroundJob()
  private let list: @Sendable () -> Set<String>
  private let lock = NSLock()
  /// A listing was asked for while one ran: it is made again once that one is taken.
  private var again = false

  /// Lists the cache in `directory`.
  public convenience init(directory: String) {
    let cache = PDFCache(directory: directory)
    self.init { cache.cachedNames() }
  }

  /// Lists with `list` (tests pass their own).
  init(list: @escaping @Sendable () -> Set<String>) {
    self.list = list
  }

  /// Lists the cache in the background; while a listing runs, once more after it (a PDF that
  /// arrived meanwhile may have been missed).
  public func refresh() {
    let list = self.list
    if !job.start({ _ in .pdfCacheListed(list()) }) { lock.withLock { again = true } }
  }

  /// The listings made since the last call (the newest last).
  public func take() -> [ReaderEvent] {
    let events = job.take()
    let rerun = lock.withLock { () -> Bool in
      guard again, !job.isRunning else { return false }
      again = false
      return true
    }
    if rerun { refresh() }
    return events
  }

  public var isRunning: Bool { job.isRunning }
}
