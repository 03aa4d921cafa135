import ArgumentParser
import FolioQuery
import FolioStore

/// `folio similar ID`: the papers most like one paper.
struct SimilarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "similar",
    abstract: "List the papers most similar to one paper, best first.",
    discussion: "Ranked by BM25 on the paper's most distinctive words (TF-IDF).",
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("The paper's id.", valueName: "id"))
  var id: String

  @Option(parsing: .unconditional, help: "At most this many papers.")
  var limit = 10

  @Option(help: "Output format.")
  var format: ListFormat = .table

  func validate() throws {
    if limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
  }

  func run() throws {
    let store = try library.open()
    guard let paper = try store.paper(id: id) else { throw StoreError.unknownPaper(id: id) }
    let ids = try SimilarPapers.ids(similarTo: paper, in: store, limit: limit)
    let papers = ids.isEmpty ? [] : try store.papers(PaperFilter(ranking: ids))
    print(ListCommand.render(papers, format: format, topics: UserTopics.load()), terminator: "")
  }
}
