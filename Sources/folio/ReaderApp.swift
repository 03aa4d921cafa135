import Dispatch
import FolioApp
import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import FolioTerminal
import Foundation

/// The reader's main loop: terminal input becomes events, the state machine decides, effects
/// are carried out (library writes first, so the screen never claims an unsaved change), and
/// the rendered grid is painted.
struct ReaderApp {
  let store: LibraryStore
  let settings: ReaderSettings
  let options: Terminal.Options
  /// Paint one frame and return: for measuring cold start.
  var exitAfterFirstFrame = false
  /// A message for the first frame.
  var greeting: StatusMessage?
  /// Settings the reader does not use itself (fetch sources).
  var config = Config()
  private let backgroundFetch = BackgroundFetch(version: Folio.version)
  private let backgroundCounts = BackgroundCounts()

  /// How often the library is checked for other processes' changes, in seconds.
  static let pollInterval = 0.5
  /// How long to wait for input before a tick, in milliseconds.
  static let tickMilliseconds: Int32 = 250
  /// The pause in typing after which pending work (exact counts) is done.
  static let pauseMilliseconds: Int32 = 60
  /// How often to look for counts made in the background while one is being made.
  static let countPollMilliseconds: Int32 = 10

  func run() throws {
    let terminal: Terminal
    do {
      terminal = try Terminal.start(options: options)
    } catch {
      throw CLIError(error.message, exitCode: CLIError.usage)
    }
    defer { terminal.stop() }

    var state = ReaderState(store: store, settings: settings, size: terminal.size, now: Self.now())
    if let greeting { state.show(greeting) }
    terminal.paint(ReaderView.render(state))
    if exitAfterFirstFrame { return }

    var lastVersion = try? store.dataVersion()
    var lastPoll = Self.now()
    // Rows beyond the screen are loaded as soon as no key is waiting, once per key.
    var mayPrefetch = true
    while !state.isFinished {
      if Terminal.takeStopSignal() != nil { break }
      let event: ReaderEvent
      // Pending work (exact counts after a search) waits for a short pause in typing.
      let hadPendingWork = state.hasPendingWork
      let prefetching = mayPrefetch && state.wantsPrefetch
      let timeout =
        prefetching
        ? 0
        : backgroundCounts.isBusy
          ? Self.countPollMilliseconds
          : hadPendingWork ? Self.pauseMilliseconds : Self.tickMilliseconds
      switch terminal.read(timeout: timeout) {
      case .key(let key): event = .key(key)
      case .mouse(let mouse): event = .mouse(mouse)
      case .resize(let size): event = .resize(size)
      case nil where prefetching:
        state.prefetch()
        mayPrefetch = false
        continue
      case nil: event = .tick
      }
      if event != .tick { mayPrefetch = true }
      // An idle tick changes the screen only if it led to a write; skipping the render then
      // keeps an idle reader at no CPU.
      var changed =
        process(event, state: &state, terminal: terminal) || event != .tick || hadPendingWork
      if Self.now() - lastPoll >= Self.pollInterval {
        lastPoll = Self.now()
        let version = try? store.dataVersion()
        if version != lastVersion {
          lastVersion = version
          _ = process(.libraryChanged, state: &state, terminal: terminal)
          changed = true
        }
      }
      for outcome in backgroundCounts.take() {
        process(.completed(outcome), state: &state, terminal: terminal)
        changed = true
      }
      for fetchEvent in backgroundFetch.take() {
        if case .fetchFinished(let result) = fetchEvent {
          switch result {
          case .success(let summary): Log.info("fetch: \(summary)")
          case .failure(let failure): Log.error("fetch: \(failure.message)")
          }
        }
        process(fetchEvent, state: &state, terminal: terminal)
        changed = true
      }
      if changed { terminal.paint(ReaderView.render(state)) }
    }
  }

  /// Handles `event` and the effects it leads to; returns whether there were any.
  @discardableResult
  private func process(_ event: ReaderEvent, state: inout ReaderState, terminal: Terminal) -> Bool {
    var pending = state.handle(event, now: Self.now())
    let hadEffects = !pending.isEmpty
    while !pending.isEmpty {
      let effect = pending.removeFirst()
      switch effect {
      case .countListing, .countTopic:
        backgroundCounts.start(effect, store: store)
        continue
      default: break
      }
      let outcome =
        LibraryWriter.perform(effect, on: store) ?? perform(effect, terminal: terminal)
      if case .failed(let message) = outcome { Log.error(message) }
      pending += state.handle(.completed(outcome), now: Self.now())
    }
    return hadEffects
  }

  /// Effects outside the library: the browser and the clipboard.
  private func perform(_ effect: ReaderEffect, terminal: Terminal) -> EffectOutcome {
    switch effect {
    case .openURL(let url):
      guard WebLink.isSafe(url) else { return .failed("refusing to open \(url)") }
      do {
        try ChildProcess.launch(Browser.command(for: url))
        return .openedURL(url)
      } catch {
        return .failed((error as? CLIError)?.message ?? "\(error)")
      }
    case .copyToClipboard(let text):
      Clipboard.copy(text, terminal: terminal)
      return .copied(text)
    case .saveTheme(let name):
      do {
        try Config.set("theme", to: name, inFileAt: Config.path())
        return .savedTheme(name)
      } catch {
        return .failed("theme \(name) is shown but not saved: \(error)")
      }
    case .exportStarred(let format, let path):
      do {
        let document = try ExportJob.starred(store: store, topics: settings.topics)
        let text = ExportJob.render(document, format: format, grouping: .topic, abstracts: false)
        try ExportJob.write(text, to: path)
        return .exported(count: document.entries.count, path: path)
      } catch let error as CLIError {
        return .failed(error.message)
      } catch {
        return .failed((error as? StoreError)?.message ?? "\(error)")
      }
    case .editNote(let id):
      // The note is saved by the paper's row: a fetch or import that upgrades the paper's id
      // while the editor is open does not lose it.
      do {
        guard let paper = try store.paper(id: id), let row = try store.row(ofPaper: id) else {
          return .failed("no paper with id '\(id)'")
        }
        let text = try terminal.suspend {
          try NoteEditor.edit(
            paper.state.note ?? "", title: paper.paper.title, id: paper.id,
            stopSignal: Terminal.pendingStopSignal)
        }
        let current = try NoteEditor.save(text, row: row, id: paper.id, edited: true, store: store)
        return .noteSaved(id: current)
      } catch let error as CLIError {
        return .failed(error.message)
      } catch {
        return .failed((error as? StoreError)?.message ?? "\(error)")
      }
    case .fetch:
      guard backgroundFetch.start(store: store, config: config) else {
        return .failed("a fetch is already running")
      }
      return .fetchStarted
    case .setStarred, .setRead, .markAllRead, .countListing, .countTopic:
      return .failed("internal: a library change reached the terminal")
    }
  }

  /// Seconds on a steady clock.
  static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}

/// Which program opens links.
enum Browser {
  /// The argument vector that opens `url`: `$BROWSER` (its first `:`-separated entry, with
  /// `%s` replaced by the URL, else the URL appended), or `xdg-open`.
  static func command(for url: String) -> [String] {
    let environment = ProcessInfo.processInfo.environment
    guard let value = environment["BROWSER"], !value.isEmpty,
      let first = value.split(separator: ":").first
    else { return ["xdg-open", url] }
    let parts = first.split(separator: " ").map(String.init)
    if parts.contains(where: { $0.contains("%s") }) {
      return parts.map { $0.replacingOccurrences(of: "%s", with: url) }
    }
    return parts + [url]
  }
}

/// Copies text to the clipboard of the terminal the user sits at, over SSH too.
enum Clipboard {
  /// Sends OSC 52 to the terminal; inside tmux, also hands the text to `tmux load-buffer -w`,
  /// which stores it and forwards it to the outer terminal whatever tmux's set-clipboard says.
  static func copy(_ text: String, terminal: Terminal) {
    let encoded = Data(text.utf8).base64EncodedString()
    terminal.writeRaw("\u{1B}]52;c;\(encoded)\u{07}")
    guard ProcessInfo.processInfo.environment["TMUX"] != nil else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tmux", "load-buffer", "-w", "-"]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}
