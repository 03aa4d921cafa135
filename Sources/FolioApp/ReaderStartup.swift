import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import Foundation

/// What the reader starts with, made from the user's files, the environment and the library:
/// its settings, the first status message, and how to use the terminal.
public struct ReaderStartup: Sendable {
  public var settings: ReaderSettings
  /// The first frame's message: the first problem in the user's files, else that the library
  /// is read-only, else the first-run greeting.
  public var greeting: StatusMessage?
  /// Whether to capture the mouse.
  public var mouse: Bool
  /// Whether to use colour (`NO_COLOR` unset).
  public var color: Bool

  /// The startup for `loaded` on the library at `libraryPath`. `firstRunGreeting` is the
  /// message after loading the sample into a new library; `noMouse` is `--no-mouse`;
  /// `logPath` is where the warnings beyond the first are.
  public init(
    _ loaded: ReaderConfiguration, libraryPath: String, isReadOnly: Bool,
    firstRunGreeting: String? = nil, noMouse: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment, logPath: String
  ) {
    let config = loaded.config
    let noColor = environment["NO_COLOR"] != nil
    var settings = ReaderSettings(
      theme: loaded.theme, themes: loaded.themes, noColor: noColor,
      startWithAllDays: config.defaultView != .today, exportPath: config.exportPath,
      home: LibraryLocation.home(environment), dateFormat: loaded.dateFormat,
      listColumns: Set(config.listColumns), keymap: loaded.keymap,
      libraryName: (libraryPath as NSString).lastPathComponent, topics: loaded.topics)
    if case .topic(let name) = config.defaultView {
      settings.startQuery = ReaderState.topicQuery(name)
    }
    settings.forYouDays = config.forYouDays
    settings.pdfCacheDirectory = PDFCache(environment: environment).directory
    switch config.markRead {
    case .after(let seconds): settings.markReadAfter = seconds
    case .onOpen: settings.markReadAfter = nil
    case .never:
      settings.markReadAfter = nil
      settings.markReadOnOpen = false
    }
    self.settings = settings
    greeting = firstRunGreeting.map { StatusMessage($0) }
    if isReadOnly {
      greeting = StatusMessage("the library is read-only: changes are disabled", isError: true)
    }
    let warnings = loaded.warnings
    if let warning = warnings.first {
      let more = warnings.count > 1 ? " (+\(warnings.count - 1) more in \(logPath))" : ""
      greeting = StatusMessage(warning + more, isError: true)
    }
    mouse = config.mouse && !noMouse
    color = !noColor
  }
}
