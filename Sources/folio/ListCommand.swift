import ArgumentParser
import FolioCore
import FolioQuery
import FolioStore
import FolioTerminal
import Foundation

/// `folio list`: papers in listing order, as a table, TSV or JSON.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List papers: newest day first, then by upvotes, then listing order.",
    discussion: """
      Dismissed papers are left out unless the query mentions is:dismissed. \
      --starred, --unread and --read combine (--starred --unread: starred papers not yet read). \
      Formats: table (fits the terminal; to a pipe or file, whole titles, or $COLUMNS wide \
      when set); tsv (id, day, starred 0/1, read 0/1, title; no header); json (an array of \
      paper objects, each with its for-you score, null before the model has learnt; see \
      docs/export.md). --sort for-you ranks by what you star, note, tag and dismiss (folio why \
      ID says why); until three papers teach it, it lists your topics' papers first, most \
      upvoted first, and says so on stderr.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Flag(help: "All papers (the default).")
  var all = false

  @Flag(help: "Only starred papers.")
  var starred = false

  @Flag(help: "Only unread papers.")
  var unread = false

  @Flag(help: "Only read papers.")
  var read = false

  @Option(
    help: ArgumentHelp(
      "Only papers listed on this day: YYYY-MM-DD, today or yesterday.", valueName: "day"),
    completion: Completions.days, transform: Day.fromArgument)
  var day: Day?

  @OptionGroup var query: QueryOptions

  // Unconditional, so `--limit -1` reaches validate() and gets a plain message instead of
  // the parser's "missing value".
  @Option(parsing: .unconditional, help: "At most this many papers.")
  var limit: Int?

  @Option(help: "Output format.")
  var format: ListFormat = .table

  @Option(
    help: """
      Order: listing (day, upvotes, listing order), upvotes, published, for-you (best \
      score first; before the model has learnt, your topics' papers then upvotes), or \
      citations (Semantic Scholar's count, most cited first, unknown last).
      """)
  var sort: ListingOrder = .listing

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit)") }
    if read && unread {
      throw ValidationError("--read and --unread exclude each other; give one of them")
    }
  }

  /// The state flags as one filter state and the query conditions for the rest.
  var states: (PaperFilter.State, [QueryNode]) {
    let chosen: [PaperFilter.State] =
      (starred ? [.starred] : []) + (unread ? [.unread] : []) + (read ? [.read] : [])
    let rest: [QueryNode] = chosen.dropFirst().map { state in
      state == .unread ? .state(.unread) : .state(.read)
    }
    return (chosen.first ?? .any, rest)
  }

  func run() throws {
    let topics = UserTopics.load()
    let (state, conditions) = states
    var filter = try query.filter(topics: topics, and: conditions)
    filter.state = state
    filter.day = day
    filter.order = sort
    let store = try library.open()
    let papers: [LibraryPaper]
    var scores: [String: Double]?
    if sort == .forYou || format == .json { try ForYouListing.refreshModel(store) }
    if sort == .forYou {
      let ranked = try ForYouListing.ranked(filter, limit: limit, store: store) {
        try coldStartSplit(topics: topics, conditions: conditions)
      }
      papers = ranked.papers
      scores = ranked.scores
      if scores == nil { Output.standardError(ForYouListing.coldStartNote) }
    } else {
      papers = try store.papers(filter, limit: limit)
      if format == .json {
        scores = try ForYouListing.scores(
          of: papers, wholeSelection: limit == nil ? filter : nil, store: store)
      }
    }
    print(Self.render(papers, format: format, topics: topics, scores: scores), terminator: "")
  }

  /// The cold start's two parts of the selection: the papers in one of the user's topics and
  /// the rest; nil with no topics, or when the topics together are more than a query may be.
  func coldStartSplit(
    topics: TopicSet, conditions: [QueryNode]
  ) throws -> (inTopics: PaperFilter, outsideTopics: PaperFilter)? {
    guard let anyTopic = ForYouListing.anyTopic(topics) else { return nil }
    do {
      var inside = try query.filter(topics: topics, and: conditions + [anyTopic])
      var outside = try query.filter(topics: topics, and: conditions + [.not(anyTopic)])
      inside.state = states.0
      outside.state = states.0
      inside.day = day
      outside.day = day
      return (inside, outside)
    } catch {
      return nil
    }
  }

  /// `papers` in `format`: the table fitted to the terminal, TSV lines, or a JSON array with
  /// each paper's topics and for-you score (`scores` nil: no model yet, every score null).
  static func render(
    _ papers: [LibraryPaper], format: ListFormat, topics: TopicSet,
    scores: [String: Double]? = nil
  ) -> String {
    switch format {
    case .table: return PaperTable.render(papers, width: TerminalSize.tableWidth())
    case .tsv: return papers.map(tsvLine).joined()
    case .json:
      var evaluator = QueryEvaluator(topics: topics, today: Day.today())
      // Only when a topic says `has:pdf`.
      if topics.mentionsCachedPDF { evaluator.cachedPDFs = PDFCache().cachedNames() }
      let values = papers.map { paper -> JSONValue in
        let value = PaperJSON.value(paper, topics: evaluator.topicNames(for: SearchDocument(paper)))
        guard case .object(let pairs) = value else { return value }
        return .object(pairs + [("score", ForYouListing.json(scores?[paper.paper.id]))])
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
