import ArgumentParser
import FolioApp
import FolioCore
import FolioStore
import Foundation

/// `folio state export|import`: the whole reading state as one JSON document (issue 21).
struct StateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "state",
    abstract: "Export or import the whole reading state as one JSON document.",
    discussion: """
      For moving to a new machine without a sync folder: stars, read marks, dismissals, \
      notes and tags, each with the clock of the change that set it. Importing merges as \
      folio sync does: per paper and field the later change wins; a change for a paper this \
      library has not imported waits for it.
      """,
    version: Folio.version,
    subcommands: [StateExportCommand.self, StateImportCommand.self])
}

/// `folio state export [-o FILE]`.
struct StateExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write the reading state (standard output, or -o FILE).",
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write to this file (replaced whole) instead.", valueName: "file"),
    completion: .file())
  var output: String?

  func run() throws {
    let store = try library.open()
    let text = SyncStateDocument.encode(try store.syncSnapshot(), device: try store.syncDevice())
    guard let output else {
      Output.standard(text)
      return
    }
    try ExportJob.write(text, to: output)
  }
}

/// `folio state import FILE`.
struct StateImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Merge a state document written by folio state export.",
    discussion: """
      Prints "state: read N changes (K applied, P waiting)". Exit 66 when the file cannot be \
      read, 65 when it is not a state document or a change in it is bad (nothing is applied).
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("The document.", valueName: "file"), completion: .file())
  var file: String

  func run() throws {
    let store = try library.open()
    // A regular file only (a FIFO would block), no larger than a read of a log may be.
    let attributes = try? FileManager.default.attributesOfItem(atPath: file)
    guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
      throw CLIError("cannot read \(file): not a regular file", exitCode: SysExit.noInput)
    }
    let limit = SyncLogLimits().bytesPerRead
    if let size = attributes[.size] as? Int, size > limit {
      throw CLIError("\(file): larger than \(limit >> 20) MiB", exitCode: SysExit.dataError)
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw CLIError("cannot read \(file)", exitCode: SysExit.noInput)
    }
    let changes: [SyncChange]
    do {
      changes = try SyncStateDocument.decode(data, file: file)
    } catch {
      throw CLIError(error.description, exitCode: error.exitCode)
    }
    let result = try store.applySyncChanges(changes)
    print(
      "state: read \(changes.count) changes (\(result.applied) applied, \(result.waiting) waiting)")
  }
}
