import FolioCore
import FolioQuery

/// What the user can change about the reader.
public struct ReaderSettings: Hashable, Sendable {
  /// Seconds a paper must stay selected before it is marked read; nil never marks it.
  public var markReadAfter: Double?
  public var theme: Theme
  public var keymap: Keymap
  /// The library's name for the header (its file name).
  public var libraryName: String
  /// The topics for `topic:` queries, the picker and the tags on rows.
  public var topics: TopicSet
  /// What `day:today` means.
  public var today: Day

  public init(
    markReadAfter: Double? = 2, theme: Theme = .standard, keymap: Keymap = .standard,
    libraryName: String = "library", topics: TopicSet = .defaults, today: Day = .today()
  ) {
    self.markReadAfter = markReadAfter
    self.theme = theme
    self.keymap = keymap
    self.libraryName = libraryName
    self.topics = topics
    self.today = today
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
}
