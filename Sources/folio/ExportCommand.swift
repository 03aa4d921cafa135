import ArgumentParser
import FolioApp
import FolioCore
import FolioQuery
import FolioStore
import Foundation

extension ExportFormat: ExpressibleByArgument {}
extension ExportDocument.Grouping: ExpressibleByArgument {}

/// `folio export`: papers to Markdown, BibTeX, JSON, RIS or CSL-JSON.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export papers (default: the starred ones) as Markdown, BibTeX, JSON, RIS or CSL-JSON.",
    discussion: """
      With no --filter, --topic or --day, exports the starred papers; with any of them, the \
      papers they select (add --starred to keep only starred ones). -o writes the file \
      atomically; without it the export goes to standard output. Formats: docs/export.md.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Flag(help: "Only starred papers (the default when nothing else selects papers).")
  var starred = false

  @OptionGroup var query: QueryOptions

  @Option(
    help: ArgumentHelp(
      "Only papers listed on this day: YYYY-MM-DD, today or yesterday.", valueName: "day"),
    completion: Completions.days, transform: Day.fromArgument)
  var day: Day?

  @Option(help: "Output format.")
  var format: ExportJob.Format = .markdown

  @Option(help: "How Markdown groups papers.")
  var group: ExportDocument.Grouping = .topic

  @Flag(help: "Include each abstract (Markdown).")
  var abstracts = false

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write to this file.", valueName: "file"), completion: .file())
  var output: String?

  func run() throws {
    let topics = UserTopics.load()
    var filter = try query.filter(topics: topics)
    filter.day = day
    let selects = query.filter != nil || query.topic != nil || day != nil
    if starred || !selects { filter.state = .starred }
    var what = filter.state == .starred ? "Starred papers" : "Papers"
    if let text = query.filter { what += " matching “\(text)”" }
    if let topic = query.topic { what += " in \(topic)" }
    if let day { what += " of \(day)" }
    let store = try library.open()
    let document = try ExportJob.document(
      filter, title: "\(what) — \(Day.today())",
      emptyMessage: filter.state == .starred && !selects
        ? "Nothing is starred yet." : "No papers match.",
      store: store, topics: topics)
    let text = ExportJob.render(document, format: format, grouping: group, abstracts: abstracts)
    if let output {
      try ExportJob.write(text, to: output)
      let count = document.entries.count
      Output.standardError("exported \(count) paper\(count == 1 ? "" : "s") to \(output)\n")
    } else {
      print(text, terminator: "")
    }
  }
}

/// `folio digest`: one day's papers by topic, for a morning email.
struct DigestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "digest",
    abstract: "A Markdown digest of one day's papers, grouped by topic, most upvoted first.",
    discussion: """
      Once the for-you model has learnt (three starred, noted or tagged papers), the digest \
      opens with "Recommended for you": the day's ten best-scored papers it lists. For cron: 0 7 * * 1-5 folio fetch >/dev/null && folio digest | mail -s "Papers" me@example.org
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Option(
    help: ArgumentHelp(
      "The listing day: YYYY-MM-DD, today or yesterday (default: the latest).", valueName: "day"),
    completion: Completions.days, transform: Day.fromArgument)
  var day: Day?

  @Option(
    help: ArgumentHelp("Only these topics, in this order (comma-separated).", valueName: "A,B"),
    completion: Completions.topicNames)
  var topics: String?

  func run() throws {
    let allTopics = UserTopics.load()
    let store = try library.open()
    guard let day = try day ?? store.days().first else {
      print("# Papers\n\nThe library has no papers yet.")
      return
    }
    var order = allTopics.topics.map(\.name)
    if let topics {
      order = []
      for name in topics.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
      where !name.isEmpty {
        do {
          order.append(try allTopics.resolve(name, column: 1).name)
        } catch {
          throw CLIError(error.message, exitCode: SysExit.dataError)
        }
      }
    }
    var document = try ExportJob.document(
      PaperFilter(day: day), title: "Papers of \(day)",
      emptyMessage: "No papers were listed on \(day).",
      store: store, topics: allTopics)
    document.topicOrder = order
    if topics != nil { document.emptyMessage = "No papers of \(day) in these topics." }
    // The whole day ranked (a day is a few hundred papers), so that with --topics the
    // recommendations are the best of the papers the digest lists.
    try ForYouListing.refreshModel(store)
    let forYou = try store.forYouRanking(
      PaperFilter(day: day), limit: max(document.entries.count, 1))?.ids
    print(
      DigestExporter.render(document, includeOthers: topics == nil, forYou: forYou),
      terminator: "")
  }
}
