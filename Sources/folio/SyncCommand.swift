import ArgumentParser
import FolioApp
import FolioConfig
import FolioCore
import FolioStore
import Foundation

/// `folio sync [--dir PATH] [--dry-run]`: this library's reading state exchanged with other
/// devices' through a shared folder (issue 21).
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Exchange reading state with your other devices through a shared folder.",
    discussion: """
      Writes this library's new changes (stars, read marks, dismissals, notes, tags) to its own \
      file <device>.jsonl in the folder and reads every other device's file from where it \
      stopped; per paper and field the later change wins. The folder is --dir, else \
      config.toml sync_dir: any folder kept in step between machines (Syncthing, Dropbox, \
      Nextcloud, a git work tree). Prints "sync: sent N changes, received M (K applied, P \
      waiting)"; a change for a paper this library has not imported waits for it. When the \
      folder is a git work tree with a remote, this device's file is committed, the remote \
      pulled (rebase) and pushed (a rejected push is pulled and tried again). --dry-run \
      lists what the other devices' files would change here ("would star ID  TITLE", \
      "would tag ID #name  TITLE", ...) and counts what would be sent, writing nothing (through git \
      it fetches and reads the remote branch's files; the work tree stays as it is). A sync killed part way \
      is safe: the next one writes what is missing, reads on from where it stopped, and first \
      clears what a killed git left in the work tree (lock files, a rebase half done). Exit 64 without \
      a folder, 66 when it does not exist, 65 when another device's file has a bad line \
      (named FILE:LINE; the other files are still read), 69 when the git remote cannot be \
      reached (the changes are committed and go next time), 73/74 when this device's file or \
      git's work tree cannot be written.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Option(
    help: ArgumentHelp("The sync folder (default: config.toml sync_dir).", valueName: "path"),
    completion: .directory)
  var dir: String?

  @Flag(
    help: ArgumentHelp(
      "Show what would change here (the first \(SyncFolder.previewLines) changes, then a count) and count what would be sent; change nothing."
    ))
  var dryRun = false

  func run() throws {
    let (config, warnings) = Config.loading()
    for warning in warnings { Output.warning("\(warning)") }
    guard let folder = dir ?? config.syncDir, !folder.isEmpty else {
      throw CLIError(
        "no sync folder: pass --dir PATH or set sync_dir in config.toml",
        exitCode: SysExit.usage)
    }
    try Self.sync(folder: folder, store: try library.open(), dryRun: dryRun)
  }

  /// Syncs `store` through `folder` (`~` is the home directory) and prints the summary line;
  /// `folio fetch` calls it too when `sync_dir` is set.
  static func sync(folder: String, store: LibraryStore, dryRun: Bool = false) throws {
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    let directory =
      folder == "~" ? home : folder.hasPrefix("~/") ? home + folder.dropFirst() : folder
    let report: SyncReport
    do {
      report = try SyncFolder(directory: directory).sync(store, dryRun: dryRun)
    } catch let error as SyncFolderError {
      throw CLIError(error.message, exitCode: error.exitCode)
    }
    if dryRun {
      for item in report.changes { print(Self.describe(item)) }
      if report.changed > report.changes.count {
        print("… and \(report.changed - report.changes.count) more")
      }
      print(
        "sync: would send \(report.sent) changes, receive \(report.received)"
          + " (\(report.applied) applied, \(report.waiting) waiting); nothing was changed")
    } else {
      print(report.summary)
    }
    guard let last = report.problems.last else { return }
    for problem in report.problems.dropLast() { Output.error(problem.description) }
    throw CLIError(last.description, exitCode: last.exitCode)
  }

  /// One line of a dry run: `would star ID  TITLE`, `would tag ID #name  TITLE`, ... (the
  /// title on one line; printed inert).
  static func describe(_ item: SyncPreviewItem) -> String {
    let what: String
    switch item.edit {
    case .starred(let on): what = on ? "would star" : "would unstar"
    case .read(let on): what = on ? "would mark read" : "would mark unread"
    case .dismissed(let on): what = on ? "would dismiss" : "would undismiss"
    case .viewed(let on):
      what = on ? "would mark read full screen" : "would unmark read full screen"
    case .opened(let on): what = on ? "would mark opened" : "would unmark opened"
    case .note(let text): what = text == nil ? "would remove the note of" : "would set the note of"
    case .tag(let name, let on):
      return "\(on ? "would tag" : "would untag") \(item.id) #\(name.name)  "
        + Output.oneLine(item.title)
    }
    return "\(what) \(item.id)  " + Output.oneLine(item.title)
  }
}
