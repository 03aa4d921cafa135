import FolioConfig
import FolioCore
import FolioReader
import Foundation

/// The reader's `O`: a paper's PDF downloaded into the cache on its own thread (one at a time,
/// as arXiv asks) and then opened, while the reader stays responsive; progress and the end are
/// picked up by the main loop as reader events.
public final class BackgroundPDF: Sendable {
  private let job = BackgroundJob()
  private let version: String

  /// `version` names Folio in the User-Agent.
  public init(version: String) {
    self.version = version
  }

  /// Starts getting and opening `paper`'s PDF; false when a download is already running.
  public func start(
    _ paper: Paper, config: Config,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    job.start { [self] post in self.run(paper, config: config, environment: environment, post: post)
    }
  }

  /// The events since the last call.
  public func take() -> [ReaderEvent] { job.take() }

  public var isRunning: Bool { job.isRunning }

  private func run(
    _ paper: Paper, config: Config, environment: [String: String],
    post: @escaping (ReaderEvent) -> Void
  ) -> ReaderEvent {
    let download = PDFDownload(config: config, version: version, environment: environment)
    let result: Result<String, FetchFailure>
    do {
      let (path, downloaded) = try download.fetch(paper) { bytes in
        post(.pdfProgress("downloading \(paper.id), \(Self.megabytes(bytes))"))
      }
      do {
        try PDFViewer.open(path, environment: environment)
        result = .success("\(downloaded ? "downloaded and opened" : "opened") \(path)")
      } catch {
        result = .failure(FetchFailure("\(path) is cached but not opened: \(error.message)"))
      }
    } catch {
      result = .failure(FetchFailure(error.message))
    }
    return .pdfFinished(result)
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}
