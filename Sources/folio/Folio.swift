import ArgumentParser
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
    discussion: """
      With no subcommand, opens the reader on the library (on first run, the bundled sample). \
      The library is --db PATH, else $FOLIO_DB, else $XDG_DATA_HOME/folio/folio.sqlite.
      """,
    version: version,
    subcommands: [
      ImportCommand.self, FetchCommand.self, ListCommand.self, ShowCommand.self, StarCommand.self,
      UnstarCommand.self, ReadCommand.self, UnreadCommand.self, NoteCommand.self,
      TopicsCommand.self, SimilarCommand.self, ExportCommand.self, DigestCommand.self,
      ThemesCommand.self, ConfigCommand.self,
    ]
  )

  @OptionGroup var library: LibraryOptions

  @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
  var noMouse = false

  @Option(
    help: ArgumentHelp(
      "A colour theme: a name from 'folio themes' or a .theme file (default: $FOLIO_THEME, config.toml's theme, default).",
      valueName: "name|path"))
  var theme: String?

  @Flag(help: .hidden)
  var exitAfterFirstFrame = false

  func run() throws {
    let store = try library.open()
    let environment = ProcessInfo.processInfo.environment
    let configPath = Config.path()
    let (config, configWarnings) = Config.loading(path: configPath)
    let (topics, topicWarnings) = TopicSet.loading()
    let themes = ThemeCatalog.loading()
    let themeName =
      theme ?? environment["FOLIO_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? config.theme
      ?? "default"
    let (chosenTheme, themeWarnings) = themes.theme(themeName)
    let (keymap, keyWarnings) = Keymap.configured(
      preset: config.keyPreset, overrides: config.keyBindings.map { ($0.action, $0.keys) })
    var dateFormat = DayFormat.iso
    var formatWarnings: [String] = []
    if let pattern = config.dateFormat {
      if DayFormat(pattern).isValid {
        dateFormat = DayFormat(pattern)
      } else {
        formatWarnings.append(
          "\(configPath): date_format '\(pattern)' has an unknown % directive; using %Y-%m-%d")
      }
    }
    let warnings =
      configWarnings.map(\.description) + topicWarnings.map { "\($0) (default topics in use)" }
      + themeWarnings.map(\.description) + keyWarnings.map { "\(configPath): \($0)" }
      + formatWarnings
    for warning in warnings { Log.warning(warning) }

    var greeting: StatusMessage? = nil
    if let sample = try FirstRun.loadSampleIfNew(store) {
      greeting = StatusMessage(FirstRun.greeting(papers: sample.new, keymap: keymap))
    }
    if store.isReadOnly {
      greeting = StatusMessage("the library is read-only: changes are disabled", isError: true)
    }
    if let warning = warnings.first {
      let more = warnings.count > 1 ? " (+\(warnings.count - 1) more in \(Log.path()))" : ""
      greeting = StatusMessage(warning + more, isError: true)
    }
    let noColor = environment["NO_COLOR"] != nil
    var settings = ReaderSettings(
      theme: chosenTheme, themes: themes, noColor: noColor,
      startWithAllDays: config.defaultView != .today, exportPath: config.exportPath,
      home: LibraryLocation.home(environment), dateFormat: dateFormat,
      listColumns: Set(config.listColumns), keymap: keymap,
      libraryName: (store.path as NSString).lastPathComponent, topics: topics)
    if case .topic(let name) = config.defaultView {
      settings.startQuery = ReaderState.topicQuery(name)
    }
    switch config.markRead {
    case .after(let seconds): settings.markReadAfter = seconds
    case .onOpen: settings.markReadAfter = nil
    case .never:
      settings.markReadAfter = nil
      settings.markReadOnOpen = false
    }
    let app = ReaderApp(
      store: store, settings: settings,
      options: Terminal.Options(mouse: config.mouse && !noMouse, color: !noColor),
      exitAfterFirstFrame: exitAfterFirstFrame, greeting: greeting, config: config)
    try app.run()
  }

  /// Runs the command line, printing every failure as one `folio: error: ...` line on stderr
  /// and exiting with its sysexits code; never a stack trace.
  static func main() {
    // Past the file size limit (`ulimit -f`) the kernel kills a writer with SIGXFSZ; ignored,
    // the write fails with EFBIG instead, SQLite rolls the change back and says so.
    signal(SIGXFSZ, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch let error as CLIError {
      exit(reporting: error.message, code: error.exitCode)
    } catch let error as StoreError {
      exit(reporting: error.message, code: error.exitCode)
    } catch let error as ImportError {
      exit(reporting: error.description, code: CLIError.dataError)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      let message = self.message(for: error)
      if code.rawValue == CLIError.usage {
        exit(reporting: "\(message)\nsee 'folio --help'", code: code.rawValue)
      }
      exit(reporting: message.isEmpty ? "\(error)" : message, code: code.rawValue)
    }
  }

  static func exit(reporting message: String, code: Int32) -> Never {
    report(message)
    Foundation.exit(code)
  }

  /// Prints `folio: error: <message>` on stderr.
  static func report(_ message: String) {
    FileHandle.standardError.write(Data("folio: error: \(message)\n".utf8))
  }
}
