import ArgumentParser
import FolioApp
import FolioConfig
import FolioCore
import FolioStore

/// `folio pdf ID`: the paper's PDF, downloaded into the cache unless it is there, then opened.
struct PDFCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pdf",
    abstract: "Download a paper's PDF into the cache (unless there) and open it.",
    discussion: """
      The PDF is the paper's pdf link, or arXiv's /pdf/<id> for a paper with an arXiv id \
      (scheme and host from config.toml arxiv_pdf_base_url or $FOLIO_ARXIV_URL). It is kept \
      in $XDG_CACHE_HOME/folio/pdf/<id>.pdf (default ~/.cache) and opened with \
      $FOLIO_PDF_VIEWER, else $BROWSER, else xdg-open. Exit 65 when the answer is not a PDF, \
      is larger than config.toml pdf_max_mb (default 200) or is cut short, 69 when the server \
      cannot be reached, 74 on a local I/O error; nothing is left in the cache then. Deadlines \
      and retries are those of fetch.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Flag(help: "Print the cached PDF's path and open nothing.")
  var path = false

  @Argument(
    help: ArgumentHelp("The paper's id (or any spelling of its arXiv id).", valueName: "id"))
  var id: String

  func run() throws {
    let store = try library.open()
    guard let entry = try store.paper(id: id) else { throw StoreError.unknownPaper(id: id) }
    let (config, warnings) = Config.loading()
    for warning in warnings { Output.warning("\(warning)") }
    let download = PDFDownload(config: config, version: Folio.version)
    let cached: String
    do {
      cached = try download.fetch(entry.paper).path
    } catch {
      throw CLIError(error.message, exitCode: error.exitCode)
    }
    if path {
      print(cached)
      return
    }
    do {
      try PDFViewer.open(cached)
    } catch {
      throw CLIError(error.message, exitCode: SysExit.unavailable)
    }
  }
}
