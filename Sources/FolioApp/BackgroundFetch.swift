import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import Foundation

/// A fetch running on its own thread while the reader stays responsive; its progress and end
/// are picked up by the main loop as reader events.
public final class BackgroundFetch: @unchecked Sendable {
  private let lock = NSLock()
  private let version: String
  private var events: [ReaderEvent] = []
  private var running = false

  /// `version` names Folio in the User-Agent.
  public init(version: String) {
    self.version = version
  }

  /// Starts fetching every source into `store`; false when a fetch is already running.
  public func start(store: LibraryStore, config: Config) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !running else { return false }
    running = true
    let thread = Thread { [self] in self.run(store: store, config: config) }
    thread.start()
    return true
  }

  /// The events since the last call.
  public func take() -> [ReaderEvent] {
    lock.lock()
    defer { lock.unlock() }
    let taken = events
    events.removeAll()
    return taken
  }

  public var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    return running
  }

  private func post(_ event: ReaderEvent) {
    lock.lock()
    events.append(event)
    lock.unlock()
  }

  private func run(store: LibraryStore, config: Config) {
    let fetcher = Fetcher(config: config, version: version)
    let result: Result<String, FetchFailure>
    do {
      let downloads = [
        try fetcher.downloadHuggingFace(day: Day.today()) { self.post(.fetchProgress($0)) },
        try fetcher.downloadArxiv(categories: config.arxivCategories) {
          self.post(.fetchProgress($0))
        },
      ]
      post(.fetchProgress("importing"))
      var total = ImportSummary()
      for download in downloads {
        total = total + (try Fetcher.importDownload(download, into: store, day: nil))
      }
      let notes = downloads.compactMap(\.note)
      result = .success(
        notes.isEmpty ? total.description : "\(total) (\(notes.joined(separator: "; ")))")
    } catch let error as HTTPClient.Failure {
      result = .failure(FetchFailure(error.message))
    } catch let error as StoreError {
      result = .failure(FetchFailure(error.message))
    } catch {
      result = .failure(FetchFailure("\(error)"))
    }
    lock.lock()
    running = false
    events.append(.fetchFinished(result))
    lock.unlock()
  }
}
