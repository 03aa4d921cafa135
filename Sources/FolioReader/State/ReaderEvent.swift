import FolioCore
import FolioStore
import Foundation

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
  /// A background PDF download moved on (`1.5 MB`).
  case pdfProgress(String)
  /// A background PDF download ended: what was opened, or what went wrong.
  case pdfFinished(Result<String, FetchFailure>)
  /// The PDF cache was listed (``FolioCore/PDFCache/cachedNames()``, off the main loop, when
  /// the reader starts and after each download, while ``ReaderState/wantsCachedPDFs``): what
  /// `has:pdf` in a topic matches when the rows' topics are worked out.
  case pdfCacheListed(Set<String>)
  /// A background send to Zotero moved on (`2 of 12`).
  case zoteroProgress(String)
  /// A background send to Zotero ended: what was sent, or what went wrong (a refusal names
  /// the paper and Zotero's reason).
  case zoteroFinished(Result<String, FetchFailure>)
  /// The starred papers counted in the background, for the question before sending them.
  case zoteroStarredCounted(Result<Int, FetchFailure>)
  /// A background sync (issue 21) ended: its summary, empty when nothing came or went, or
  /// what went wrong.
  case syncFinished(Result<String, FetchFailure>)
}

/// Why a background fetch failed.
public struct FetchFailure: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}

/// Something the reader asks the outside world to do, by who carries it out. The screen only
/// reports a change after the matching ``EffectOutcome`` arrives, so it never claims what was
/// not done.
public enum ReaderEffect: Hashable, Sendable {
  /// A change to the library. The app hands these, in order, to one writer off the main loop
  /// (a write may wait minutes for another process's lock); until the outcome arrives the
  /// reader shows the change as pending (see ``PendingWrites``).
  case library(LibraryChange)
  /// Exact counts: reads that cost a pass over every match, made off the main loop.
  case count(CountRequest)
  /// Everything else: the browser, the clipboard, config.toml, exports, fetches, the editor.
  case app(AppEffect)
}

/// A change to the library, carried out by ``LibraryWriter`` in its own durable transaction.
public enum LibraryChange: Hashable, Sendable {
  case setStarred(id: String, starred: Bool)
  /// `announce` is false for the automatic mark-as-read, which shows no message.
  case setRead(id: String, read: Bool, announce: Bool)
  /// Every unread paper `filter` selects, marked read with the one timestamp `at`, so that
  /// ``unmarkRead(at:)`` undoes it without a list of ids.
  case markAllRead(PaperFilter, at: Date)
  // MARK: Triage, undo
  /// Dismiss ("not interested") or bring back a paper.
  case setDismissed(id: String, dismissed: Bool)
  /// Sets the note of a paper (nil removes it): what undoing a note edit writes back.
  case setNote(id: String, note: String?)
  /// Marks unread again the papers marked read at exactly `at`: the inverse of
  /// ``markAllRead(_:at:)``.
  case unmarkRead(at: Date)
  /// Adds (`on`) or removes the tag named `tag` (a valid ``FolioCore/TagName``) on one paper.
  /// Its inverse is the same change with `on` flipped (undo).
  case setTagged(id: String, tag: String, on: Bool)
  // MARK: For you (issue 19)
  /// Records that paper `id` was read full screen or had its link opened, at `at`: a weak
  /// signal that teaches the for-you model. Not the user's change to the paper: it is not
  /// undone (``inverse`` is nil: a signal is a fact, and the model forgets it with age), and
  /// it shows no pending mark.
  case recordSignal(ViewSignal, id: String, at: Date)
}

/// Exact counts the reader asks for. Each costs a pass over every match (a second at a
/// million papers); the result comes back as ``EffectOutcome/counted(generation:_:)`` or
/// ``EffectOutcome/countedTopic(index:generation:_:)``.
public enum CountRequest: Hashable, Sendable {
  /// Count the listing `filter` selects.
  case listing(PaperFilter, generation: Int)
  /// Count the papers of the topic picker's entry `index`.
  case topic(index: Int, PaperFilter, generation: Int)
}

/// An effect outside the library: the app's business.
public enum AppEffect: Hashable, Sendable {
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
  /// Download the PDF of paper `id` into the cache in the background (unless cached) and
  /// open it.
  case openPDF(id: String)
  /// Send papers to the Zotero desktop app in the background.
  case sendToZotero(ZoteroRequest)
  /// Count the starred papers in the background (a pass over the library at a million
  /// papers), for the question before sending them to Zotero.
  case countStarredForZotero
  /// Edit the note of a paper in the user's editor.
  case editNote(id: String)
  /// Save `query` as the topic `name` in topics.toml (the query already checked).
  case saveTopic(name: String, query: String)
}

/// Shorthands, so the state machine says `.setStarred(...)` and the type files it.
extension ReaderEffect {
  public static func setStarred(id: String, starred: Bool) -> ReaderEffect {
    .library(.setStarred(id: id, starred: starred))
  }
  public static func setRead(id: String, read: Bool, announce: Bool) -> ReaderEffect {
    .library(.setRead(id: id, read: read, announce: announce))
  }
  public static func markAllRead(_ filter: PaperFilter, at time: Date = Date()) -> ReaderEffect {
    .library(.markAllRead(filter, at: time))
  }
  public static func countListing(_ filter: PaperFilter, generation: Int) -> ReaderEffect {
    .count(.listing(filter, generation: generation))
  }
  public static func countTopic(index: Int, _ filter: PaperFilter, generation: Int)
    -> ReaderEffect
  {
    .count(.topic(index: index, filter, generation: generation))
  }
  public static func openURL(_ url: String) -> ReaderEffect { .app(.openURL(url)) }
  public static func copyToClipboard(_ text: String) -> ReaderEffect {
    .app(.copyToClipboard(text))
  }
  public static func saveTheme(_ name: String) -> ReaderEffect { .app(.saveTheme(name)) }
  public static func exportStarred(_ format: ExportFormat, path: String) -> ReaderEffect {
    .app(.exportStarred(format, path: path))
  }
  public static var fetch: ReaderEffect { .app(.fetch) }
  public static func editNote(id: String) -> ReaderEffect { .app(.editNote(id: id)) }
}

/// What came of a ``ReaderEffect``.
public enum EffectOutcome: Hashable, Sendable {
  case starred(id: String, Bool)
  case read(id: String, Bool, announce: Bool)
  case markedAllRead(count: Int)
  /// The tag `tag` was added to (`on`) or removed from paper `id`.
  case tagged(id: String, tag: String, Bool)
  /// The search `query` was saved as topic `name`.
  case savedTopic(name: String, query: String)
  /// What ``LibraryChange/setDismissed(id:dismissed:)`` did.
  case dismissed(id: String, Bool)
  /// What ``LibraryChange/unmarkRead(at:)`` did: how many papers are unread again.
  case unmarkedRead(count: Int)
  /// What ``LibraryChange/setNote(id:note:)`` did.
  case noteRestored(id: String)
  /// What ``LibraryChange/recordSignal(_:id:at:)`` did.
  case signalRecorded(ViewSignal, id: String)
  case openedURL(String)
  case copied(String)
  case savedTheme(String)
  case exported(count: Int, path: String)
  case fetchStarted
  /// A PDF download (or the opening of a cached PDF) started in the background.
  case pdfStarted(id: String)
  /// A send to Zotero started in the background.
  case zoteroStarted(ZoteroRequest)
  /// The starred papers are being counted in the background.
  case zoteroCounting
  /// The editor closed and the note waits for the library's writer.
  case noteQueued
  case noteSaved(id: String)
  /// The counts asked for by ``CountRequest/listing(_:generation:)``.
  case counted(generation: Int, ListCounts)
  /// The counts asked for by ``CountRequest/topic(index:_:generation:)``.
  case countedTopic(index: Int, generation: Int, ListCounts)
  /// `change` was not made: the library said why. Nothing changed.
  case writeFailed(LibraryChange, String)
  case failed(String)
}
