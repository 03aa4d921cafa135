import ArgumentParser
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
      With no subcommand, opens the reader on the library (on first run, the bundled sample).
      The library is --db PATH, else $FOLIO_DB, else $XDG_DATA_HOME/folio/folio.sqlite.
      """,
    version: version,
    subcommands: [
      ImportCommand.self, ListCommand.self, ShowCommand.self, StarCommand.self,
      UnstarCommand.self, ReadCommand.self, UnreadCommand.self, NoteCommand.self,
      TopicsCommand.self, SimilarCommand.self,
    ]
  )

  @OptionGroup var library: LibraryOptions

  @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
  var noMouse = false

  @Flag(help: .hidden)
  var exitAfterFirstFrame = false

  func run() throws {
    let store = try library.open()
    let (topics, topicWarnings) = TopicSet.loading()
    var greeting: StatusMessage? = nil
    if let warning = topicWarnings.first {
      greeting = StatusMessage("\(warning) (default topics in use)", isError: true)
    } else if let sample = try FirstRun.loadSampleIfNew(store) {
      greeting = StatusMessage(
        "new library: loaded the bundled sample (\(sample.new) papers); add yours with folio import"
      )
    } else if store.isReadOnly {
      greeting = StatusMessage("the library is read-only: changes are disabled", isError: true)
    }
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] != nil
    let settings = ReaderSettings(
      theme: noColor ? Theme.standard.monochrome : .standard,
      libraryName: (store.path as NSString).lastPathComponent, topics: topics)
    let app = ReaderApp(
      store: store, settings: settings,
      options: Terminal.Options(mouse: !noMouse, color: !noColor),
      exitAfterFirstFrame: exitAfterFirstFrame, greeting: greeting)
    try app.run()
  }

  /// Runs the command line, printing every failure as one `folio: error: ...` line on stderr
  /// and exiting with its sysexits code; never a stack trace.
  static func main() {
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
