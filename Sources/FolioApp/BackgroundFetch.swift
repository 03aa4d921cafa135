import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import Foundation

/// A fetch running on its own thread while the reader stays responsive; its progress and end
/// are picked up by the main loop as reader events.
public final class BackgroundFetch: Sendable {
  private let job = BackgroundJob()
  private let version: String

  /// `version` names Folio in the User-Agent.
  public init(version: String) {
    self.version = version
  }

  /// Starts fetching every source into `store`; false when a fetch is already running.
  public func start(store: LibraryStore, config: Config) -> Bool {
    job.start { [self] post in self.run(store: store, config: config, post: post) }
  }

  /// The events since the last call.
  public func take() -> [ReaderEvent] { job.take() }

  public var isRunning: Bool { job.isRunning }

  private func run(
    store: LibraryStore, config: Config, post: @escaping (ReaderEvent) -> Void
  ) -> ReaderEvent {
    let fetcher = Fetcher(config: config, version: version)
    let result: Result<String, FetchFailure>
    do {
      let downloads = [
        try fetcher.downloadHuggingFace(day: Day.today()) { post(.fetchProgress($0)) },
        try fetcher.downloadArxiv(categories: config.arxivCategories) {
          post(.fetchProgress($0))
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
    return .fetchFinished(result)
  }
}
