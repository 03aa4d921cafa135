import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio list`: papers in listing order, as a table, TSV or JSON.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List papers: newest day first, then by upvotes, then listing order.",
    discussion: """
      Formats: table (fits the terminal, 100 columns when not a terminal); tsv (id, day,
      starred 0/1, read 0/1, title; no header); json (an array of paper objects, see
      docs/export.md).
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Flag(help: "Which papers (default: all).")
  var state: PaperFilter.State = .any

  @Option(help: ArgumentHelp("Only papers listed on this day.", valueName: "YYYY-MM-DD"))
  var day: Day?

  @Option(help: "At most this many papers.")
  var limit: Int?

  @Option(help: "Output format.")
  var format: ListFormat = .table

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
  }

  func run() throws {
    let store = try library.open()
    let papers = try store.papers(PaperFilter(state: state, day: day), limit: limit)
    let output: String
    switch format {
    case .table: output = PaperTable.render(papers, width: TerminalSize.outputWidth())
    case .tsv: output = papers.map(Self.tsvLine).joined()
    case .json: output = PaperJSON.document(papers)
    }
    FileHandle.standardOutput.write(Data(output.utf8))
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
