import FolioCore
import FolioQuery

/// What the user can change about the reader.
public struct ReaderSettings: Hashable, Sendable {
  /// Seconds a paper must stay selected before it is marked read; nil never marks it.
  public var markReadAfter: Double?
  /// Whether reading a paper full screen marks it read.
  public var markReadOnOpen: Bool
  public var theme: Theme
  /// The themes `T` cycles through.
  public var themes: ThemeCatalog
  /// NO_COLOR: every theme is shown with attributes only.
  public var noColor: Bool
  /// Open on all days rather than the newest day.
  public var startWithAllDays: Bool
  /// Where `e` exports starred papers (`~` and `{date}` not yet expanded).
  public var exportPath: String
  /// The home directory, for expanding and abbreviating paths.
  public var home: String
  /// How days are shown.
  public var dateFormat: DayFormat
  /// The list's columns besides the title: `unread`, `star`, `topics`, `day`, `upvotes`.
  public var listColumns: Set<String>
  /// A query to open with (a topic from `default_view`), nil for none.
  public var startQuery: String?
  public var keymap: Keymap
  /// The library's name for the header (its file name).
  public var libraryName: String
  /// The topics for `topic:` queries, the picker and the tags on rows.
  public var topics: TopicSet
  /// What `day:today` means.
  public var today: Day
  /// How many of the newest listing days the For you view (`f`) ranks (`for_you_days`).
  public var forYouDays: Int
  /// The PDF cache's directory (`$XDG_CACHE_HOME/folio/pdf`), for the detail pane's `PDF`
  /// line; nil shows no such line.
  public var pdfCacheDirectory: String?

  public init(
    markReadAfter: Double? = 2, markReadOnOpen: Bool = true, theme: Theme = .standard,
    themes: ThemeCatalog = .builtIn, noColor: Bool = false, startWithAllDays: Bool = false,
    exportPath: String = ExportPath.defaultTemplate, home: String = "/home/user",
    dateFormat: DayFormat = .iso, listColumns: Set<String> = ["unread", "star", "topics", "day"],
    startQuery: String? = nil, keymap: Keymap = .standard,
    libraryName: String = "library", topics: TopicSet = .defaults, today: Day = .today(),
    forYouDays: Int = 7, pdfCacheDirectory: String? = nil
  ) {
    self.markReadAfter = markReadAfter
    self.markReadOnOpen = markReadOnOpen
    self.theme = noColor ? theme.monochrome : theme
    self.themes = themes
    self.noColor = noColor
    self.startWithAllDays = startWithAllDays
    self.exportPath = exportPath
    self.home = home
    self.dateFormat = dateFormat
    self.listColumns = listColumns
    self.startQuery = startQuery
    self.keymap = keymap
    self.libraryName = libraryName
    self.topics = topics
    self.today = today
    self.forYouDays = forYouDays
    self.pdfCacheDirectory = pdfCacheDirectory
  }
}

/// Which listing days the reader shows.
public enum Scope: Hashable, Sendable {
  case day(Day)
  case allDays
}

/// The pane that movement keys act on.
public enum Focus: Hashable, Sendable {
  case list
  case detail
}

/// A message on the status line.
public struct StatusMessage: Hashable, Sendable {
  public var text: String
  public var isError: Bool

  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}

/// A question the status line asks before acting.
public enum Confirmation: Hashable, Sendable {
  case markAllRead(count: Int)
  /// Send the `count` starred papers to Zotero?
  case sendStarredToZotero(count: Int)
}
