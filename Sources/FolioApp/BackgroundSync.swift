import FolioCore
import FolioReader
import FolioStore
import Foundation

/// The reader's sync (issue 21): `folio sync` through the configured folder on a thread of its
/// own, so keys never wait for git or a slow folder; its end is a reader event. What it
/// applied reaches the screen as any other process's change does (the library's data
/// version). git never asks for anything here (``SyncFolder/batchMode``).
public final class BackgroundSync: Sendable {
  private let job = BackgroundJob()

  public init() {}

  /// Starts a sync of `store` through `directory`; false when one is already running.
  public func start(store: LibraryStore, directory: String) -> Bool {
    job.start { _ in Self.run(store: store, directory: directory) }
  }

  /// The events since the last call.
  public func take() -> [ReaderEvent] { job.take() }

  public var isRunning: Bool { job.isRunning }

  static func run(store: LibraryStore, directory: String) -> ReaderEvent {
    var folder = SyncFolder(directory: directory)
    folder.batchMode = true
    do {
      let report = try folder.sync(store)
      if let problem = report.problems.first {
        return .syncFinished(.failure(FetchFailure(problem.description)))
      }
      guard report.sent > 0 || report.received > 0 else { return .syncFinished(.success("")) }
      return .syncFinished(.success(report.summary))
    } catch let error as SyncFolderError {
      return .syncFinished(.failure(FetchFailure(error.message)))
    } catch let error as StoreError {
      return .syncFinished(.failure(FetchFailure(error.message)))
    } catch {
      return .syncFinished(.failure(FetchFailure("\(error)")))
    }
  }

  /// `folder` as config.toml names it, with `~` for `home`.
  public static func directory(_ folder: String, home: String) -> String {
    folder == "~" ? home : folder.hasPrefix("~/") ? home + folder.dropFirst() : folder
  }
}
