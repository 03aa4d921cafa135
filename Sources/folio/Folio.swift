import ArgumentParser
import FolioApp
import FolioConfig
import FolioCore
import FolioQuery
import FolioReader
import FolioStore
import FolioTerminal
import Foundation

/// `folio`: the reader with no subcommand, the library's command line with one.
@main
struct Folio: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "folio",
    abstract: "A keyboard-driven terminal reader for research papers.",
    // The subcommand is optional: with none, folio opens the reader.
    usage: "folio [--db <path>] [--no-mouse] [--theme <name|path>] [<subcommand>]",
    discussion: """
      With no subcommand, opens the reader on the library (on first run, the bundled sample). \
      The library is --db PATH, else $FOLIO_DB, else $XDG_DATA_HOME/folio/folio.sqlite. \
      Errors are one line on stderr. \(Manual.exitStatusSummary) Keys, environment and files: \
      man folio.
      """,
    version: version,
    subcommands: [
      ImportCommand.self, FetchCommand.self, ListCommand.self, ShowCommand.self, StarCommand.self,
      UnstarCommand.self, ReadCommand.self, UnreadCommand.self, DismissCommand.self,
      UndismissCommand.self, NoteCommand.self, TagCommand.self, UntagCommand.self, TagsCommand.self,
      TopicsCommand.self, SimilarCommand.self, WhyCommand.self, ExportCommand.self, PDFCommand.self,
      EnrichCommand.self, ZoteroCommand.self, DigestCommand.self, SyncCommand.self,
      StateCommand.self,
      ThemesCommand.self, ConfigCommand.self,
    ]
  )

  @OptionGroup var library: LibraryOptions

  @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
  var noMouse = false

  @Option(
    help: ArgumentHelp(
      "A colour theme: a name from 'folio themes' or a .theme file (default: $FOLIO_THEME, config.toml's theme, default).",
      valueName: "name|path"),
    completion: Completions.themeNames)
  var theme: String?

  @Flag(help: .hidden)
  var exitAfterFirstFrame = false

  /// For scripts/generate-docs: the man page sections made from the program's own tables.
  @Flag(help: .hidden)
  var manSections = false

  func run() throws {
    if manSections {
      Output.raw(Manual.mdoc)
      return
    }
    let store = try library.open()
    let environment = ProcessInfo.processInfo.environment
    let themeChoice = theme ?? environment["FOLIO_THEME"].flatMap { $0.isEmpty ? nil : $0 }
    let loaded = ReaderConfiguration.load(themeChoice: themeChoice)
    for warning in loaded.warnings { Log.warning(warning) }
    let sample = try FirstRun.loadSampleIfNew(store)
    let startup = ReaderStartup(
      loaded, libraryPath: store.path, isReadOnly: store.isReadOnly,
      firstRunGreeting: sample.map { FirstRun.greeting(papers: $0.new, keymap: loaded.keymap) },
      noMouse: noMouse, environment: environment, logPath: Log.path())
    let app = ReaderApp(
      store: store, settings: startup.settings,
      options: Terminal.Options(mouse: startup.mouse, color: startup.color),
      exitAfterFirstFrame: exitAfterFirstFrame, greeting: startup.greeting, config: loaded.config)
    try app.run()
  }

  /// Runs the command line, printing every failure as one `folio: error: ...` line on stderr
  /// and exiting with its sysexits code; never a stack trace.
  static func main() {
    // Past the file size limit (`ulimit -f`) the kernel kills a writer with SIGXFSZ; ignored,
    // the write fails with EFBIG instead, SQLite rolls the change back and says so.
    signal(SIGXFSZ, SIG_IGN)
    do {
      try checkHelpTopic(Array(CommandLine.arguments.dropFirst()))
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch let error as CLIError {
      exit(reporting: error.message, code: error.exitCode)
    } catch let error as StoreError {
      exit(reporting: error.message, code: error.exitCode)
    } catch let error as ExportJob.WriteFailure {
      exit(reporting: error.message, code: SysExit.cannotCreate)
    } catch let error as ImportError {
      exit(reporting: error.description, code: SysExit.dataError)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      let message = self.message(for: error)
      if code.rawValue == SysExit.usage {
        // One line, like every error: the message and where the usage is.
        let line = message.split(whereSeparator: \.isNewline).joined(separator: "; ")
        exit(
          reporting: "\(line) (see '\(helpCommand(for: CommandLine.arguments))')",
          code: code.rawValue)
      }
      exit(reporting: message.isEmpty ? "\(error)" : message, code: code.rawValue)
    }
  }

  /// The names of the subcommands.
  static var commandNames: [String] {
    configuration.subcommands.map { $0._commandName } + ["help"]
  }

  /// `folio help NAME` for a NAME that is not a command is a usage error; the parser would
  /// print the top-level help and succeed.
  static func checkHelpTopic(_ arguments: [String]) throws {
    guard arguments.first == "help", arguments.count > 1, !arguments[1].hasPrefix("-"),
      !commandNames.contains(arguments[1])
    else { return }
    throw CLIError(
      "no command '\(arguments[1])'; commands: \(commandNames.joined(separator: ", "))",
      exitCode: SysExit.usage)
  }

  /// `folio COMMAND --help` for the command `arguments` name, else `folio --help`.
  static func helpCommand(for arguments: [String]) -> String {
    let command = arguments.dropFirst().first { commandNames.contains($0) && $0 != "help" }
    return command.map { "folio \($0) --help" } ?? "folio --help"
  }

  static func exit(reporting message: String, code: Int32) -> Never {
    report(message)
    Foundation.exit(code)
  }

  /// Prints `folio: error: <message>` on stderr, inert (it may echo an argument).
  static func report(_ message: String) {
    Output.error(message)
  }
}
