import ArgumentParser
import FolioApp
import FolioConfig
import FolioCore
import FolioStore
import Foundation

extension Fetcher.Source: ExpressibleByArgument {}

/// `folio fetch`: today's Hugging Face daily papers and arXiv new submissions.
struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch today's papers from Hugging Face daily papers and arXiv.",
    discussion: """
      Hugging Face: the daily papers of --day (default today), every page. arXiv: the RSS feed \
      of new submissions in the categories (config.toml arxiv_categories, default cs.LG, \
      cs.CL, cs.CV, cs.AI); arXiv's feed is always today's. Base URLs: config.toml \
      hf_base_url and arxiv_base_url, or $FOLIO_HF_URL and $FOLIO_ARXIV_URL. Nothing is \
      imported unless every download succeeds; exit 69 when a source cannot be reached or \
      keeps refusing, 65 when an answer is not what was asked for or is larger than \
      config.toml http_max_mb (default 64, or $FOLIO_HTTP_MAX_MB; a fetch's answers together \
      at most 4 times that). Each request has a total \
      deadline ($FOLIO_HTTP_TIMEOUT, default 60 s) and the whole fetch one too \
      ($FOLIO_FETCH_TIMEOUT, default 300 s). Network errors, HTTP 429 and 5xx are tried at \
      most 3 times per request (10 retries per fetch), waiting at least 1 s, doubled each \
      time, and as long as the server asks (Retry-After, RateLimit) up to 60 s per request; \
      a server asking for longer fails at once, saying when to try again. Hugging Face is \
      read for at most 40 pages (2,000 papers): past that a warning says so, and what was \
      fetched is imported. With --enrich, the papers it imported are then asked about at \
      Semantic Scholar as 'folio enrich' asks (those with an arXiv id and no answer younger \
      than 7 days); a failure there exits as enrich does and keeps the import. With config.toml \
      sync_dir set, folio sync runs after the import (before --enrich).
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Option(help: "Which source.")
  var source: Fetcher.Source = .all

  @Option(
    help: ArgumentHelp("The Hugging Face day to fetch (default: today).", valueName: "YYYY-MM-DD"),
    transform: Day.fromArgument)
  var day: Day?

  @Option(
    help: ArgumentHelp(
      "arXiv categories, comma-separated (default: from config.toml).", valueName: "cs.LG,cs.CV"))
  var category: String?

  @Flag(help: "Then ask Semantic Scholar about what was imported (as 'folio enrich').")
  var enrich = false

  func run() throws {
    let (config, warnings) = Config.loading()
    for warning in warnings {
      Output.warning("\(warning)")
    }
    let store = try library.open()
    if store.isReadOnly { throw StoreError.readOnly(path: store.path) }
    let categories =
      category.map {
        $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
          !$0.isEmpty
        }
      }
      ?? config.arxivCategories
    let fetcher = Fetcher(config: config, version: Folio.version)
    var downloads: [Fetcher.Download] = []
    do {
      if source != .arxiv {
        downloads.append(try fetcher.downloadHuggingFace(day: day ?? Day.today()) { _ in })
      }
      if source != .hf {
        downloads.append(try fetcher.downloadArxiv(categories: categories) { _ in })
      }
    } catch {
      throw CLIError(error.message, exitCode: error.exitCode)
    }
    for note in downloads.compactMap(\.note) {
      FileHandle.standardError.write(Data("folio: warning: \(note)\n".utf8))
    }
    var total = ImportSummary()
    var imported: [String] = []
    for download in downloads {
      let summary = try Fetcher.importDownload(download, into: store, day: day) {
        if enrich { imported.append($0) }
      }
      total = total + summary
      if downloads.count > 1 {
        print("\(download.source == .hf ? "huggingface" : "arxiv"): \(summary)")
      }
    }
    print(total)
    // Issue 21: with a sync folder, the reading state is exchanged after the import (changes
    // that waited for these papers were applied by it).
    if let folder = config.syncDir { try SyncCommand.sync(folder: folder, store: store) }
    if enrich { print(try EnrichCommand.enrich(.papers(imported), store: store)) }
  }
}
