import ArgumentParser
import FolioApp
import FolioConfig
import FolioCore
import FolioStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `folio enrich`: citation counts and TL;DRs from Semantic Scholar for the selected papers.
struct EnrichCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enrich",
    abstract: "Ask Semantic Scholar for citation counts and TL;DRs (papers with an arXiv id).",
    discussion: """
      Asks about the papers --day, --starred, --filter and --topic select (all of them when \
      none is given) that have an arXiv id and no answer younger than 7 days, in batches of \
      at most 500 (POST /graph/v1/paper/batch), one request per second unless $S2_API_KEY \
      gives an API key (sent as x-api-key). The base URL is config.toml s2_url or \
      $FOLIO_S2_URL. Each batch's answers are kept as soon as it is read: a paper Semantic \
      Scholar does not know is kept as unknown (null, not 0) and asked again after 7 days. \
      Prints `enrich: asked N papers, M known, K unknown`; progress goes to stderr once a \
      run takes over a second. Exit 69 when Semantic Scholar cannot be reached or keeps \
      refusing, 65 when an answer is not the array asked for; the failed batch changes \
      nothing, the batches before it stay kept. Deadlines, body cap and retries (429 with \
      its Retry-After, 5xx) are fetch's, per batch.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Option(
    help: ArgumentHelp(
      "Only papers listed on this day: YYYY-MM-DD, today or yesterday.", valueName: "day"),
    completion: Completions.days, transform: Day.fromArgument)
  var day: Day?

  @Flag(help: "Only starred papers.")
  var starred = false

  @OptionGroup var query: QueryOptions

  func run() throws {
    var filter = try query.filter(topics: UserTopics.load())
    filter.day = day
    if starred { filter.state = .starred }
    let store = try library.open()
    if store.isReadOnly { throw StoreError.readOnly(path: store.path) }
    let summary = try Self.enrich(.filter(filter), store: store)
    print(summary)
  }

  /// What to enrich: what a filter selects, or papers by id.
  enum Selection {
    case filter(PaperFilter)
    case papers([String])
  }

  /// Enriches `selection`, with progress on stderr; a failure is a CLIError with its exit
  /// code (69 or 65).
  static func enrich(_ selection: Selection, store: LibraryStore) throws
    -> ScholarEnrichment.Summary
  {
    let (config, warnings) = Config.loading()
    for warning in warnings { Output.warning("\(warning)") }
    let client = ScholarClient(config: config, version: Folio.version)
    var line = EnrichProgress()
    defer { line.finish() }
    do {
      switch selection {
      case .filter(let filter):
        return try ScholarEnrichment.run(filter, store: store, client: client) {
          line.update($0)
        }
      case .papers(let ids):
        return try ScholarEnrichment.run(papers: ids, store: store, client: client) {
          line.update($0)
        }
      }
    } catch let failure as ScholarEnrichment.Failure {
      line.finish()
      throw CLIError(failure.message, exitCode: failure.failure.exitCode)
    }
  }
}

/// `folio enrich`'s progress on stderr, once a run has taken a second: after each batch, the
/// papers asked so far. Redrawn in place on a terminal, one line per batch otherwise.
struct EnrichProgress {
  private let started = Date()
  private let isTerminal = isatty(STDERR_FILENO) == 1
  private var drawn = false

  mutating func update(_ summary: ScholarEnrichment.Summary) {
    guard Date().timeIntervalSince(started) >= 1 else { return }
    let text =
      "enrich: \(NumberText.grouped(summary.asked)) papers asked so far, "
      + "\(NumberText.grouped(summary.known)) known"
    if isTerminal {
      drawn = true
      FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    } else {
      Output.standardError(text + "\n")
    }
  }

  /// Clears the line, if it was drawn.
  mutating func finish() {
    guard drawn else { return }
    drawn = false
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
