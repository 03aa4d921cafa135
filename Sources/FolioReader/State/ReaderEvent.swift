import FolioCore
import FolioStore

/// Something that happened, for the reader to react to.
public enum ReaderEvent: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  /// The terminal now has this size.
  case resize(Size)
  /// Time passed with no input (timers such as mark-as-read run on ticks).
  case tick
  /// Another process changed the library.
  case libraryChanged
  /// An effect the reader asked for has been carried out (or failed).
  case completed(EffectOutcome)
  /// A background fetch moved on (`Hugging Face page 2`).
  case fetchProgress(String)
  /// A background fetch ended: its summary, or what went wrong.
  case fetchFinished(Result<String, FetchFailure>)
}

/// Why a background fetch failed.
public struct FetchFailure: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}

/// Something the reader asks the outside world to do. The screen only reports a change after
/// the matching ``EffectOutcome`` arrives, so it never claims what was not done.
public enum ReaderEffect: Hashable, Sendable {
  case setStarred(id: String, starred: Bool)
  /// `announce` is false for the automatic mark-as-read, which shows no message.
  case setRead(id: String, read: Bool, announce: Bool)
  case markAllRead(PaperFilter)
  /// An http(s) URL to open in the browser.
  case openURL(String)
  /// Text to put on the clipboard.
  case copyToClipboard(String)
  /// Remember this theme (`theme = "..."` in config.toml).
  case saveTheme(String)
  /// Export the starred papers to a file (an absolute path).
  case exportStarred(ExportFormat, path: String)
  /// Fetch today's papers in the background.
  case fetch
  /// Edit the note of a paper in the user's editor.
  case editNote(id: String)
  /// Count the listing `filter` selects. It costs a pass over every match (a second at a
  /// million papers), so the app does it off the main loop; the result comes back as
  /// ``EffectOutcome/counted(generation:_:)``.
  case countListing(PaperFilter, generation: Int)
  /// Count the papers of the topic picker's entry `index` (same way, for the picker).
  case countTopic(index: Int, PaperFilter, generation: Int)
}

/// What came of a ``ReaderEffect``.
public enum EffectOutcome: Hashable, Sendable {
  case starred(id: String, Bool)
  case read(id: String, Bool, announce: Bool)
  case markedAllRead(count: Int)
  case openedURL(String)
  case copied(String)
  case savedTheme(String)
  case exported(count: Int, path: String)
  case fetchStarted
  case noteSaved(id: String)
  /// The counts asked for by ``ReaderEffect/countListing(_:generation:)``.
  case counted(generation: Int, ListCounts)
  /// The counts asked for by ``ReaderEffect/countTopic(index:_:generation:)``.
  case countedTopic(index: Int, generation: Int, ListCounts)
  case failed(String)
}
