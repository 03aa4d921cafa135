import ArgumentParser
import FolioApp
import FolioCore
import FolioStore
import Foundation

/// `folio note ID [TEXT]`: sets a paper's note, or edits it in `$VISUAL`/`$EDITOR`.
struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Set a paper's note; with no text, edit it in $VISUAL/$EDITOR (fallback vi).",
    discussion: """
      An empty TEXT ("") removes the note. A note edited while an import changes the paper's \
      id still reaches the paper; text that cannot be saved is kept in \
      $XDG_STATE_HOME/folio/notes/.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("The paper's id.", valueName: "id"))
  var id: String

  @Argument(help: ArgumentHelp("The note text.", valueName: "text"))
  var text: String?

  func run() throws {
    let store = try library.open()
    if store.isReadOnly { throw StoreError.readOnly(path: store.path) }
    guard let paper = try store.paper(id: id), let row = try store.row(ofPaper: id) else {
      throw StoreError.unknownPaper(id: id)
    }
    guard text == nil else {
      _ = try NoteEditor.save(text, row: row, id: paper.id, edited: false, store: store)
      return
    }
    // Like the reader: Ctrl-C belongs to the editor; SIGTERM and SIGHUP end it, keeping its text.
    EditorSignals.catchWhileEditing()
    let note = try NoteEditor.edit(
      paper.state.note ?? "", title: paper.paper.title, id: paper.id,
      stopSignal: EditorSignals.pending)
    _ = try NoteEditor.save(note, row: row, id: paper.id, edited: true, store: store)
  }
}

/// Edits a note in the user's editor through a temporary file, and saves it by the paper's
/// row, so an import that changes the paper's id meanwhile cannot lose it.
enum NoteEditor {
  /// The text after the user edited `note` in `$VISUAL`, `$EDITOR` or `vi`.
  ///
  /// Throws, leaving the note as it was, when the editor cannot start or does not end well:
  /// it exits with failure, is killed, or is ended because `stopSignal` named a signal (the
  /// reader was told to end; see ``ChildProcess/run(_:stopSignal:)``). Text the editor wrote
  /// before is kept in a draft file (see ``NoteDrafts``) and the error says where.
  static func edit(
    _ note: String, title: String, id: String, stopSignal: () -> Int32? = { nil }
  ) throws -> String {
    let editor =
      ChildProcess.command(fromEnvironment: "VISUAL")
      ?? ChildProcess.command(fromEnvironment: "EDITOR") ?? ["vi"]
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("note.md")
    try Data(note.utf8).write(to: file)
    let status: Int32
    do {
      status = try ChildProcess.run(editor + [file.path], stopSignal: stopSignal)
    } catch {
      throw CLIError(error.message, exitCode: 1)
    }
    let text = (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) }
    guard status == 0, let text else {
      var message =
        status > 128
        ? "the editor '\(editor[0])' was ended by signal \(status - 128); the note was not changed"
        : "the editor '\(editor[0])' exited with status \(status); the note was not changed"
      if let text, text != note, let draft = NoteDrafts.keep(text, id: id) {
        message += "; your text is in \(draft)"
      }
      throw CLIError(message, exitCode: 1)
    }
    return text
  }

  /// Saves `note` on the paper at `row` (which had the id `id`) and returns its id now. When
  /// the paper is gone or the library refuses the change, an `edited` note is kept in a draft
  /// file and the error says where.
  static func save(
    _ note: String?, row: PaperRow, id: String, edited: Bool, store: LibraryStore
  ) throws -> String {
    var failure: String
    do {
      if let current = try store.setNote(note, row: row) { return current }
      failure = "the paper '\(id)' is no longer in the library; the note was not saved"
    } catch {
      failure = "the note was not saved: \(error.message)"
    }
    if edited, let note, !note.isEmpty {
      guard let draft = NoteDrafts.keep(note, id: id) else {
        throw CLIError(failure + ", nor could it be kept in \(NoteDrafts.directory())", exitCode: 1)
      }
      failure += "; your text is in \(draft)"
    }
    throw CLIError(failure, exitCode: 1)
  }
}

/// Notes that could not be saved, kept as files so the text is never lost:
/// `$XDG_STATE_HOME/folio/notes/` (`~/.local/state/folio/notes/`), next to the log.
enum NoteDrafts {
  /// How many names are tried when the first ones are taken.
  static let attempts = 100

  /// The directory drafts go to.
  static func directory() -> String {
    (Log.path() as NSString).deletingLastPathComponent + "/notes"
  }

  /// Writes `text` to a new draft file named after the paper `id` and the time; its path, or
  /// nil when it could not be written.
  static func keep(_ text: String, id: String) -> String? {
    let directory = directory()
    guard
      (try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])) != nil
    else { return nil }
    // The id may be anything a file listed: only letters, digits, `.`, `-`, `_`, and short.
    let safeID = String(
      id.unicodeScalars.prefix(64).map { scalar -> Character in
        scalar.isASCII
          && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
          ? Character(scalar) : "_"
      })
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let stem = "\(directory)/\(formatter.string(from: Date()))-\(safeID)"
    for attempt in 0..<attempts {
      let path = stem + (attempt == 0 ? "" : "-\(attempt)") + ".md"
      var info = stat()
      guard lstat(path, &info) != 0, errno == ENOENT else { continue }
      if (try? AtomicFile.write(Array(text.utf8), to: path, mode: 0o600)) != nil { return path }
      return nil
    }
    return nil
  }
}

/// Signals while `folio note` waits for the editor: SIGINT and SIGQUIT are the editor's
/// (ignored here); SIGTERM and SIGHUP are recorded so the wait can end the editor and keep
/// the text instead of dying with the editor still running.
enum EditorSignals {
  static func catchWhileEditing() {
    signal(SIGINT, SIG_IGN)
    signal(SIGQUIT, SIG_IGN)
    var stop = sigaction()
    stop.__sigaction_handler.sa_handler = { signal in
      if pendingEditorStop == 0 { pendingEditorStop = signal }
    }
    sigemptyset(&stop.sa_mask)
    for signal in [SIGTERM, SIGHUP] { sigaction(signal, &stop, nil) }
  }

  /// The signal received since ``catchWhileEditing()``, or nil.
  static func pending() -> Int32? {
    pendingEditorStop == 0 ? nil : pendingEditorStop
  }
}

nonisolated(unsafe) private var pendingEditorStop: Int32 = 0
