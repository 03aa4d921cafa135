import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import Foundation

/// The reader's `Z` and `z` (issue 20): papers sent to the Zotero desktop app through
/// ``ZoteroSender``, and the starred ones counted before `z` asks, on a thread of their own
/// (one job at a time), while the reader stays responsive; progress and the end are picked up
/// by the main loop as reader events, as ``BackgroundPDF``'s are.
public final class BackgroundZotero: Sendable {
  private let job = BackgroundJob()
  private let version: String

  /// How many refused papers the final message names; the rest are counted.
  static let refusalsNamed = 3
  /// The most code points of Zotero's reason for one refusal that the message keeps.
  static let reasonScalarLimit = 200

  /// `version` names Folio in the User-Agent.
  public init(version: String) {
    self.version = version
  }

  /// Starts sending the papers `request` names, read from `store` on the job's thread; false
  /// when a send is already running.
  public func start(
    _ request: ZoteroRequest, store: LibraryStore, config: Config,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    job.start { [self] post in
      self.run(request, store: store, config: config, environment: environment, post: post)
    }
  }

  /// Starts counting the starred papers (for the reader's question before sending them); false
  /// while a send or a count is running.
  public func countStarred(store: LibraryStore) -> Bool {
    job.start { _ in Self.countStarred(store) }
  }

  static func countStarred(_ store: LibraryStore) -> ReaderEvent {
    do {
      return .zoteroStarredCounted(.success(try store.count(PaperFilter(state: .starred))))
    } catch {
      return .zoteroStarredCounted(.failure(FetchFailure(error.message)))
    }
  }

  /// The events since the last call.
  public func take() -> [ReaderEvent] { job.take() }

  public var isRunning: Bool { job.isRunning }

  private func run(
    _ request: ZoteroRequest, store: LibraryStore, config: Config,
    environment: [String: String], post: @escaping (ReaderEvent) -> Void
  ) -> ReaderEvent {
    let papers: [LibraryPaper]
    switch Self.papers(request, store: store) {
    case .success(let found): papers = found
    case .failure(let failure): return .zoteroFinished(.failure(failure))
    }
    guard !papers.isEmpty else { return .zoteroFinished(.success("nothing is starred yet")) }
    let sender = ZoteroSender(config: config, version: version, environment: environment)
    do {
      let report = try sender.send(papers) { done, total in
        // One paper needs no count: the start and the end say it all.
        if total > 1 {
          post(.zoteroProgress("sent \(NumberText.grouped(done)) of \(NumberText.grouped(total))…"))
        }
      }
      return .zoteroFinished(Self.outcome(report))
    } catch {
      return .zoteroFinished(.failure(FetchFailure(error.message)))
    }
  }

  /// The papers `request` names: one row by id, or the starred papers up to
  /// ``FolioReader/ZoteroRequest/starredLimit`` (more than that, starred since the reader
  /// asked, sends nothing: the user agreed to a number).
  static func papers(_ request: ZoteroRequest, store: LibraryStore) -> Result<
    [LibraryPaper], FetchFailure
  > {
    do {
      switch request {
      case .paper(let id):
        guard let paper = try store.paper(id: id) else {
          return .failure(FetchFailure("not sent to Zotero: no paper with id '\(id)'"))
        }
        return .success([paper])
      case .starred:
        let limit = ZoteroRequest.starredLimit
        let papers = try store.papers(PaperFilter(state: .starred), limit: limit + 1)
        guard papers.count <= limit else {
          return .failure(
            FetchFailure(
              "not sent to Zotero: more than \(NumberText.grouped(limit)) starred papers "
                + "(send a part with folio zotero --starred --filter QUERY)"))
        }
        return .success(papers)
      }
    } catch {
      return .failure(FetchFailure("not sent to Zotero: \(error.message)"))
    }
  }

  /// The status line's last word on a send: what was sent, and each refused paper's id with
  /// Zotero's reason (the first ``refusalsNamed``; the text is drawn inert by the reader).
  static func outcome(_ report: ZoteroReport) -> Result<String, FetchFailure> {
    let sent = report.sent.count
    guard !report.refused.isEmpty else {
      switch sent {
      case 0: return .success("nothing was sent to Zotero")
      case 1: return .success("sent \(report.sent[0]) to Zotero")
      default: return .success("sent \(NumberText.grouped(sent)) papers to Zotero")
      }
    }
    var named = report.refused.prefix(refusalsNamed).map {
      "\($0.id): \(capped($0.reason))"
    }.joined(separator: "; ")
    let more = report.refused.count - refusalsNamed
    if more > 0 { named += "; \(NumberText.grouped(more)) more" }
    let total = sent + report.refused.count
    guard total > 1 else { return .failure(FetchFailure("Zotero refused " + named)) }
    // As `folio zotero` says it: how many of how many, then each refusal.
    return .failure(
      FetchFailure(
        "Zotero refused \(NumberText.grouped(report.refused.count)) of "
          + "\(NumberText.grouped(total)) papers (\(NumberText.grouped(sent)) sent): " + named))
  }

  static func capped(_ reason: String) -> String {
    let scalars = reason.unicodeScalars
    guard
      let end = scalars.index(
        scalars.startIndex, offsetBy: reasonScalarLimit, limitedBy: scalars.endIndex),
      end != scalars.endIndex
    else { return reason }
    return String(scalars[..<end]) + "…"
  }
}
