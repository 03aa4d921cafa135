import ArgumentParser
import FolioCore
import FolioQuery
import FolioStore
import Foundation

/// `folio list`: papers in listing order, as a table, TSV or JSON.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List papers: newest day first, then by upvotes, then listing order.",
    discussion: """
      Formats: table (fits the terminal, 100 columns when not a terminal); tsv (id, day, \
      starred 0/1, read 0/1, title; no header); json (an array of paper objects, see \
      docs/export.md).
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Flag(help: "Which papers (default: all).")
  var state: PaperFilter.State = .any

  @Option(help: ArgumentHelp("Only papers listed on this day.", valueName: "YYYY-MM-DD"))
  var day: Day?

  @OptionGroup var query: QueryOptions

  @Option(help: "At most this many papers.")
  var limit: Int?

  @Option(help: "Output format.")
  var format: ListFormat = .table

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
  }

  func run() throws {
    let topics = UserTopics.load()
    var filter = try query.filter(topics: topics)
    filter.state = state
    filter.day = day
    let store = try library.open()
    let papers = try store.papers(filter, limit: limit)
    print(Self.render(papers, format: format, topics: topics), terminator: "")
  }

  /// `papers` in `format`: the table fitted to the terminal, TSV lines, or a JSON array with
  /// each paper's topics.
  static func render(_ papers: [LibraryPaper], format: ListFormat, topics: TopicSet) -> String {
    switch format {
    case .table: return PaperTable.render(papers, width: TerminalSize.outputWidth())
    case .tsv: return papers.map(tsvLine).joined()
    case .json:
      let evaluator = QueryEvaluator(topics: topics, today: Day.today())
      let values = papers.map {
        PaperJSON.value($0, topics: evaluator.topicNames(for: SearchDocument($0)))
      }
      return JSONValue.array(values).rendered() + "\n"
    }
  }

  static func tsvLine(_ paper: LibraryPaper) -> String {
    let p = paper.paper
    let fields = [
      p.id, p.day.description, paper.state.isStarred ? "1" : "0", paper.state.isRead ? "1" : "0",
      p.title,
    ]
    return fields.joined(separator: "\t") + "\n"
  }
}

extension PaperFilter.State: EnumerableFlag {
  public static func name(for value: Self) -> NameSpecification {
    value == .any ? .customLong("all") : .long
  }

  public static func help(for value: Self) -> ArgumentHelp? {
    switch value {
    case .any: "All papers."
    case .starred: "Only starred papers."
    case .unread: "Only unread papers."
    case .read: "Only read papers."
    }
  }
}
