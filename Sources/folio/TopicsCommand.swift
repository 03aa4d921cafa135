import ArgumentParser
import FolioCore
import FolioQuery
import FolioStore
import FolioTerminal

/// `folio topics`: every topic with how many papers it holds.
struct TopicsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topics",
    abstract: "List the topics with their total, unread and starred counts.",
    discussion: """
      Topics are Folio's defaults plus $XDG_CONFIG_HOME/folio/topics.toml, a [topics] table of \
      name = "query" (an empty query removes a default). See docs/queries.md. \
      `folio topics add NAME QUERY` and `folio topics remove NAME` edit that file in place.
      """,
    version: Folio.version,
    subcommands: [TopicsAddCommand.self, TopicsRemoveCommand.self])

  @OptionGroup var library: LibraryOptions

  @Option(help: "Output format.")
  var format: ListFormat = .table

  func run() throws {
    let topics = UserTopics.load()
    let store = try library.open()
    var compiler = QueryCompiler(topics: topics, today: Day.today())
    // Listed once for all topics, and only when one says `has:pdf`.
    if topics.mentionsCachedPDF { compiler.cachedPDFs = PDFCache().cachedNames() }
    var rows: [(Topic, ListCounts)] = []
    for topic in topics.topics {
      rows.append((topic, try store.counts(try compiler.filter(topic.node))))
    }
    switch format {
    case .table:
      // Names and queries come from topics.toml: cleaned before they are measured, so the
      // columns line up after the inert-text path has dropped any control.
      let rows = rows.map { topic, counts in
        var shown = topic
        shown.name = TextCleaner.clean(topic.name)
        shown.query = TextCleaner.clean(topic.query)
        return (shown, counts)
      }
      let nameWidth = max(5, rows.map { DisplayWidth.of($0.0.name) }.max() ?? 5)
      print(PaperTable.pad("TOPIC", nameWidth) + "  TOTAL  UNREAD  STARRED  QUERY")
      let width = TerminalSize.tableWidth()
      for (topic, counts) in rows {
        let line =
          PaperTable.pad(topic.name, nameWidth) + "  " + Self.right(counts.total, 5) + "  "
          + Self.right(counts.unread, 6) + "  " + Self.right(counts.starred, 7) + "  "
        let room = width.map { max(10, $0 - DisplayWidth.of(line)) }
        print(line + (room.map { DisplayWidth.truncate(topic.query, to: $0) } ?? topic.query))
      }
    case .tsv:
      for (topic, counts) in rows {
        print(
          [topic.name, "\(counts.total)", "\(counts.unread)", "\(counts.starred)", topic.query]
            .joined(separator: "\t"))
      }
    case .json:
      let values = rows.map { topic, counts in
        JSONValue.object([
          ("name", .string(topic.name)), ("query", .string(topic.query)),
          ("total", .int(counts.total)),
          ("unread", .int(counts.unread)), ("starred", .int(counts.starred)),
        ])
      }
      print(JSONValue.array(values).rendered())
    }
  }

  static func right(_ number: Int, _ width: Int) -> String {
    let text = String(number)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
