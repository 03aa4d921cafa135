import FolioCore
import FolioQuery
import FolioStore

/// Everything the reader shows, and the rules for how it changes.
///
/// `handle(_:now:)` takes an event and returns the effects to carry out (writes, opening a
/// link); it reads the library through ``LibraryReading`` for the rows it needs but never
/// writes. ``ReaderView`` turns the state into a ``CellGrid``. Neither touches a terminal.
public struct ReaderState: Sendable {
  /// The library the reader reads (the store, or a fake in tests); it never writes to it.
  public let library: any LibraryReading
  public var settings: ReaderSettings

  public internal(set) var size: Size
  /// Listing days in the library, newest first.
  public internal(set) var days: [Day]
  /// What the list shows, the rows held of it, their counts and the selection.
  public internal(set) var listing: Listing
  /// The selected paper in full, and how far its text is scrolled.
  public internal(set) var selection = SelectedPaper()
  /// Which pane of the list screen the movement keys act on (kept while the reading view is
  /// open, so closing it returns there).
  public internal(set) var focus = Focus.list
  /// What is in front: the screen, and the overlay or prompt over it if any.
  public internal(set) var mode = ReaderMode.list
  public internal(set) var status: StatusMessage?
  public internal(set) var isFinished = false
  /// What a background fetch is doing, while one runs.
  public internal(set) var fetchStatus: String?
  /// Library changes asked for whose outcome has not come back.
  public internal(set) var pendingWrites = PendingWrites()
  /// The first key of a two-key sequence, while waiting for the second.
  public internal(set) var pendingKeys: [Key] = []
  /// The topics of the rows loaded, and the topic picker's count generation.
  var topics: RowTopics

  /// Seconds (on the caller's clock) of the last event.
  public internal(set) var now: Double
  /// The mark-as-read timer's memory.
  var timer: MarkReadTimer

  // MARK: Triage and undo
  /// The triage session, while triage (`i`) is the screen.
  public internal(set) var triage: Triage?
  /// What `u` can undo.
  public internal(set) var undoLog = UndoLog()
  /// Set while `u` hands an undo to the writer: that change is not itself recorded.
  var isUndoing = false

  /// A reader on `store` showing the newest listing day, at `size`, at time `now` (seconds).
  public init(
    store library: any LibraryReading, settings: ReaderSettings = ReaderSettings(), size: Size,
    now: Double
  ) {
    self.library = library
    self.settings = settings
    topics = RowTopics(topics: settings.topics, today: settings.today)
    self.size = size
    self.now = now
    timer = MarkReadTimer(selectedSince: now)
    days = []
    listing = Listing(scope: .allDays)
    reloadDays()
    listing.scope = startScope
    if let text = settings.startQuery {
      do {
        listing.query = try activeQuery(text, try QueryParser.parse(text))
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

  /// The papers the list shows (see ``Listing/filter``).
  public var filter: PaperFilter { listing.filter }

  /// The words to highlight in the list and the detail.
  public var highlightTerms: [TextTerm] { listing.highlightTerms }

  /// The selected paper's topics.
  public var detailTopics: [String] {
    guard let id = detail?.id else { return [] }
    return topics[id] ?? []
  }

  /// The selected row, when the listing is not empty.
  public var selectedSummary: PaperSummary? { listing.selectedSummary }

  /// Listing positions of the rows on screen.
  public var visibleRange: Range<Int> { listing.visibleRange(height: layout.list.height) }

  // MARK: - The listing, as the views read it

  public var scope: Scope { listing.scope }
  public var query: ActiveQuery? { listing.query }
  public var similar: SimilarListing? { listing.similar }
  public var hidesRead: Bool { listing.hidesRead }
  public var window: ListWindow { listing.window }
  public var counts: ListCounts { listing.counts }
  public var countsKnown: Bool { listing.countsKnown }
  public var selected: Int { listing.selected }
  public var top: Int { listing.top }

  // MARK: - The selected paper, as the views read it

  /// The selected paper in full.
  public var detail: LibraryPaper? { selection.paper }
  public var detailScroll: Int { selection.scroll }
  public var readingScroll: Int { selection.readingScroll }

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
