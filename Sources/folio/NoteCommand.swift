import ArgumentParser
import FolioStore
import Foundation

/// `folio note ID [TEXT]`: sets a paper's note, or edits it in `$VISUAL`/`$EDITOR`.
struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Set a paper's note; with no text, edit it in $VISUAL/$EDITOR (fallback vi).",
    discussion: "An empty TEXT (\"\") removes the note.",
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("The paper's id.", valueName: "id"))
  var id: String

  @Argument(help: ArgumentHelp("The note text.", valueName: "text"))
  var text: String?

  func run() throws {
    let store = try library.open()
    if store.isReadOnly { throw StoreError.readOnly(path: store.path) }
    guard let paper = try store.paper(id: id) else { throw StoreError.unknownPaper(id: id) }
    let note = try text ?? NoteEditor.edit(paper.state.note ?? "", title: paper.paper.title)
    try store.setNote(note, id: paper.id)
  }
}

/// Edits a note in the user's editor through a temporary file.
enum NoteEditor {
  /// The text after the user edited `note` in `$VISUAL`, `$EDITOR` or `vi`.
  ///
  /// Throws, leaving the note as it was, when the editor cannot start or exits with failure.
  static func edit(_ note: String, title: String) throws -> String {
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
    let status = try ChildProcess.run(editor + [file.path])
    guard status == 0 else {
      throw CLIError(
        "the editor '\(editor[0])' exited with status \(status); the note was not changed",
        exitCode: 1)
    }
    return String(decoding: try Data(contentsOf: file), as: UTF8.self)
  }
}
