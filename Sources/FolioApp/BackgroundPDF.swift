import FolioConfig
import FolioCore
import FolioReader
import Foundation

/// The reader's `O`: a paper's PDF downloaded into the cache on its own thread (one at a time,
/// as arXiv asks) and then opened, while the reader stays responsive; progress and the end are
/// picked up by the main loop as reader events.
public final class BackgroundPDF: @unchecked Sendable {
  private let lock = NSLock()
  private let version: String
  private var events: [ReaderEvent] = []
  private var running = false

  /// `version` names Folio in the User-Agent.
  public init(version: String) {
    self.version = version
  }

  /// Starts getting and opening `paper`'s PDF; false when a download is already running.
  public func start(
    _ paper: Paper, config: Config,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !running else { return false }
    running = true
    let thread = Thread { [self] in self.run(paper, config: config, environment: environment) }
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

  private func run(_ paper: Paper, config: Config, environment: [String: String]) {
    let download = PDFDownload(config: config, version: version, environment: environment)
    let result: Result<String, FetchFailure>
    do {
      let (path, downloaded) = try download.fetch(paper) { bytes in
        self.post(.pdfProgress("downloading \(paper.id), \(Self.megabytes(bytes))"))
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
    lock.lock()
    running = false
    events.append(.pdfFinished(result))
    lock.unlock()
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}
