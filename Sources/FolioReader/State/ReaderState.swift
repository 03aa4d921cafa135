import FolioCore
import FolioQuery
import FolioStore

/// Everything the reader shows, and the rules for how it changes.
///
/// `handle(_:now:)` takes an event and returns the effects to carry out (writes, opening a
/// link); it reads the library through ``LibraryStore`` for the rows it needs but never
/// writes. ``ReaderView`` turns the state into a ``CellGrid``. Neither touches a terminal.
public struct ReaderState: Sendable {
  public let store: LibraryStore
  public var settings: ReaderSettings

  public internal(set) var size: Size
  public internal(set) var scope: Scope
  /// Listing days in the library, newest first.
  public internal(set) var days: [Day]
  /// The listing's counts: exact when `countsKnown`, else counted from the rows seen so far.
  public internal(set) var counts = ListCounts()
  public internal(set) var countsKnown = true
  /// Changes whenever exact counts asked for earlier may no longer hold (a new listing, a
  /// change to the library); a count comes back tagged with the generation it was asked in.
  var countGeneration = 0
  /// The generation whose counts were asked for and have not come back.
  var countRequested: Int?
  /// Changes each time the topic picker opens, so counts for an earlier one are dropped.
  var topicPickerGeneration = 0
  /// Listing position of the selected paper.
  public internal(set) var selected = 0
  /// Listing position of the first visible row.
  public internal(set) var top = 0
  public internal(set) var window = ListWindow()
  /// The selected paper in full.
  public internal(set) var detail: LibraryPaper?
  public internal(set) var focus = Focus.list
  public internal(set) var detailScroll = 0
  public internal(set) var readingScroll = 0
  /// What is in front: the screen, and the overlay or prompt over it if any.
  public internal(set) var mode = ReaderMode.list
  public internal(set) var status: StatusMessage?
  public internal(set) var isFinished = false
  /// The query filtering the list, if any.
  public internal(set) var query: ActiveQuery?
  /// "More like this" results replacing the listing, if any.
  public internal(set) var similar: SimilarListing?
  /// What a background fetch is doing, while one runs.
  public internal(set) var fetchStatus: String?
  /// The first key of a two-key sequence, while waiting for the second.
  public internal(set) var pendingKeys: [Key] = []
  /// Topic names per paper id for the rows loaded, so scrolling back costs nothing.
  var topicCache: [String: [String]] = [:]
  /// Works out the topics of rows as they are loaded.
  var topicTagger: TopicTagger

  /// Seconds (on the caller's clock) of the last event.
  public internal(set) var now: Double
  /// When the current paper was selected, for the mark-as-read timer.
  var selectedSince: Double
  /// The paper the timer already asked to mark read, so it asks once.
  var autoReadRequested: String?
  /// Whether a key (or the mouse) moved the selection onto the current paper: the
  /// mark-as-read timer runs only for a paper the user went to, never for the one a new
  /// listing happens to start on.
  var selectionChosen = false
  /// Whether the list leaves out read papers (`H`).
  public internal(set) var hidesRead = false
  /// The read paper the list keeps while hiding read ones: the one selected when the
  /// listing was last started, so that marking it read does not pull it away.
  var keptReadPaper: String?

  /// A reader on `store` showing the newest listing day, at `size`, at time `now` (seconds).
  public init(
    store: LibraryStore, settings: ReaderSettings = ReaderSettings(), size: Size, now: Double
  ) {
    self.store = store
    self.settings = settings
    topicTagger = TopicTagger(topics: settings.topics, today: settings.today)
    self.size = size
    self.now = now
    selectedSince = now
    days = []
    scope = .allDays
    reloadDays()
    scope = settings.startWithAllDays ? .allDays : days.first.map(Scope.day) ?? .allDays
    if let text = settings.startQuery {
      do {
        query = try activeQuery(text, try QueryParser.parse(text))
      } catch {
        status = StatusMessage("default_view: \(error)", isError: true)
      }
    }
    restartListing(keeping: nil)
  }

  public var layout: ReaderLayout { ReaderLayout(size: size) }

  /// Shows `message` on the status line until the next key.
  public mutating func show(_ message: StatusMessage) {
    status = message
  }

  /// The papers the list shows: the day's (or all), narrowed by the query; or the papers
  /// like one paper, from every day.
  public var filter: PaperFilter {
    if let similar { return PaperFilter(ranking: similar.ids) }
    var filter = query?.filter ?? PaperFilter()
    if case .day(let day) = scope { filter.day = day }
    if hidesRead {
      filter.state = .unread
      filter.keepsPaper = keptReadPaper
    }
    return filter
  }

  /// The words to highlight in the list and the detail.
  public var highlightTerms: [TextTerm] { similar == nil ? query?.highlightTerms ?? [] : [] }

  /// The selected paper's topics.
  public var detailTopics: [String] {
    guard let id = detail?.id else { return [] }
    return topicCache[id] ?? []
  }

  /// The selected row, when the listing is not empty.
  public var selectedSummary: PaperSummary? { window[selected] }

  /// Listing positions of the rows on screen.
  public var visibleRange: Range<Int> {
    top..<min(counts.total, top + max(1, layout.list.height))
  }

  // MARK: - The mode, as the views read it

  /// Whether the reading view is the screen (with or without something in front of it).
  public var isReading: Bool { mode.screen == .reading }

  public var isShowingHelp: Bool {
    if case .help = mode { true } else { false }
  }

  /// The first help line shown, while help is open.
  public var helpScroll: Int {
    if case .help(let help, _) = mode { help.scroll } else { 0 }
  }

  /// The search line, while typing in it.
  public var searchLine: SearchLine? {
    if case .search(let line, _) = mode { line } else { nil }
  }

  /// The topic picker, while open.
  public var topicPicker: TopicPicker? {
    if case .topicPicker(let picker, _) = mode { picker } else { nil }
  }

  /// The `E` dialogue, while open.
  public var exportPrompt: ExportPrompt? {
    if case .exportPrompt(let prompt, _) = mode { prompt } else { nil }
  }

  /// The question on the status line, while asked.
  public var confirmation: Confirmation? {
    if case .confirmation(let question, _) = mode { question } else { nil }
  }
}
