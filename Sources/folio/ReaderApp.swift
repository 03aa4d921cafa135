import Dispatch
import FolioApp
import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import FolioTerminal
import Foundation

/// The reader's main loop: terminal input becomes events, the state machine decides, effects
/// are carried out, and the rendered grid is painted. Library changes go to one background
/// writer and counts to another thread, so a write waiting for another process's lock never
/// stops the loop; their outcomes come back as events (the screen shows a change as pending
/// until then, and never claims one that was not made).
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
  private let backgroundSync = BackgroundSync()
  private let backgroundPDF = BackgroundPDF(version: Folio.version)
  /// Lists the PDF cache off the main loop for the rows' topics (`has:pdf` in a topic).
  private let pdfListing: BackgroundPDFListing?
  private let backgroundZotero = BackgroundZotero(version: Folio.version)
  private let backgroundCounts: BackgroundCounts
  private let writes: LibraryWriteQueue
  /// Retrains the for-you model in the background when the library's signals change.
  private let trainer: ForYouTrainer?

  init(
    store: LibraryStore, settings: ReaderSettings, options: Terminal.Options,
    exitAfterFirstFrame: Bool = false, greeting: StatusMessage? = nil, config: Config = Config()
  ) {
    self.store = store
    self.settings = settings
    self.options = options
    self.exitAfterFirstFrame = exitAfterFirstFrame
    self.greeting = greeting
    self.config = config
    backgroundCounts = BackgroundCounts(store: store)
    writes = LibraryWriteQueue(store: store)
    trainer = store.isReadOnly || store.path == ":memory:" ? nil : ForYouTrainer(store: store)
    pdfListing = settings.pdfCacheDirectory.map { BackgroundPDFListing(directory: $0) }
  }

  /// How often the library is checked for other processes' changes, in seconds.
  static let pollInterval = 0.5
  /// How long to wait for input before a tick, in milliseconds.
  static let tickMilliseconds: Int32 = 250
  /// The pause in typing after which pending work (exact counts) is done.
  static let pauseMilliseconds: Int32 = 60
  /// How often to look for counts made in the background while one is being made, and for
  /// a write's outcome during its first ``writeFastPollSeconds``.
  static let countPollMilliseconds: Int32 = 10
  /// After this long a write is waiting for another process's lock: its outcome is looked
  /// for on ticks (every ``tickMilliseconds``), keeping a waiting reader nearly idle.
  static let writeFastPollSeconds = 1.0

  /// How long quitting waits for changes still queued: one change's longest wait for the
  /// library (``LibraryStore/writeWaitLimit``). A stop signal allows less (see `drain`).
  static let drainSeconds = LibraryStore.writeWaitLimit

  func run() throws {
    let unsaved = try runTerminal()
    guard unsaved.isEmpty else {
      for message in unsaved { Log.error(message) }
      throw CLIError(
        unsaved.joined(separator: "; "), exitCode: SysExit.temporaryFailure)
    }
  }

  /// Runs the reader until it quits, then waits for queued changes; what was not saved.
  private func runTerminal() throws -> [String] {
    let terminal: Terminal
    do {
      terminal = try Terminal.start(options: options)
    } catch {
      throw CLIError(error.message, exitCode: SysExit.usage)
    }
    defer { terminal.stop() }

    var state = ReaderState(store: store, settings: settings, size: terminal.size, now: Self.now())
    if let greeting { state.show(greeting) }
    terminal.paint(ReaderView.render(state))
    if exitAfterFirstFrame { return [] }
    trainer?.nudge()
    // The rows' topics learn the PDF cache when a topic says `has:pdf`: listed now, after each
    // download, and when a topic saved from a search starts saying it.
    var wantedCachedPDFs = state.wantsCachedPDFs
    if wantedCachedPDFs { pdfListing?.refresh() }

    var lastVersion = try? store.dataVersion()
    var lastPoll = Self.now()
    // Issue 21: with sync_dir set, a sync at start, after each fetch, and every
    // sync_interval minutes; in the background, so keys never wait.
    var lastSync = Self.now()
    startSync()
    // Rows beyond the screen are loaded as soon as no key is waiting, once per key.
    var mayPrefetch = true
    var stopped = false
    while !state.isFinished {
      if Terminal.takeStopSignal() != nil {
        stopped = true
        break
      }
      let event: ReaderEvent
      // Pending work (exact counts after a search) waits for a short pause in typing.
      let hadPendingWork = state.hasPendingWork
      let prefetching = mayPrefetch && state.wantsPrefetch
      // Outcomes are looked for often while they are due soon; a write that has waited
      // for another process's lock for a while is looked at on ticks.
      let writeDueSoon =
        writes.isBusy && (writes.secondsWriting ?? 0) < Self.writeFastPollSeconds
      let timeout =
        prefetching
        ? 0
        : backgroundCounts.isBusy || writeDueSoon
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
      // The poll reads through the library's writer connection, which a queued write may hold
      // for minutes: it waits until the writer is idle.
      if !writes.isBusy, trainer?.isSaving != true, Self.now() - lastPoll >= Self.pollInterval {
        lastPoll = Self.now()
        let version = try? store.dataVersion()
        if version != lastVersion {
          lastVersion = version
          trainer?.nudge()
          _ = process(.libraryChanged, state: &state, terminal: terminal)
          changed = true
        }
      }
      let written = writes.take()
      if !written.isEmpty { trainer?.nudge() }
      for outcome in written + backgroundCounts.take() {
        process(.completed(outcome), state: &state, terminal: terminal)
        changed = true
      }
      for fetchEvent in backgroundFetch.take() {
        if case .fetchFinished(let result) = fetchEvent {
          switch result {
          case .success(let summary):
            Log.info("fetch: \(summary)")
            startSync()
          case .failure(let failure): Log.error("fetch: \(failure.message)")
          }
        }
        process(fetchEvent, state: &state, terminal: terminal)
        changed = true
      }
      if config.syncInterval > 0, Self.now() - lastSync >= Double(config.syncInterval) * 60 {
        lastSync = Self.now()
        startSync()
      }
      for syncEvent in backgroundSync.take() {
        if case .syncFinished(.failure(let failure)) = syncEvent {
          Log.error("sync: \(failure.message)")
        }
        process(syncEvent, state: &state, terminal: terminal)
        changed = true
      }
      for pdfEvent in backgroundPDF.take() {
        if case .pdfFinished(let result) = pdfEvent {
          if case .failure(let failure) = result { Log.error("pdf: \(failure.message)") }
          if state.wantsCachedPDFs { pdfListing?.refresh() }
        }
        process(pdfEvent, state: &state, terminal: terminal)
        changed = true
      }
      if state.wantsCachedPDFs != wantedCachedPDFs {
        wantedCachedPDFs.toggle()
        if wantedCachedPDFs { pdfListing?.refresh() }
      }
      for listed in pdfListing?.take() ?? [] {
        process(listed, state: &state, terminal: terminal)
        changed = true
      }
      for zoteroEvent in backgroundZotero.take() {
        if case .zoteroFinished(.failure(let failure)) = zoteroEvent {
          Log.error("zotero: \(failure.message)")
        }
        process(zoteroEvent, state: &state, terminal: terminal)
        changed = true
      }
      if changed { terminal.paint(ReaderView.render(state)) }
    }
    // Told to stop (SIGTERM, a hang-up), the reader has a few seconds before it is ended
    // regardless: it waits for part of them, then names what was not saved.
    let timeout = stopped ? Terminal.stopGraceSeconds / 2 : Self.drainSeconds
    return drain(state: &state, terminal: terminal, timeout: timeout)
  }

  /// Starts a background sync when sync_dir is set and none is running.
  private func startSync() {
    guard let folder = config.syncDir else { return }
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    _ = backgroundSync.start(
      store: store, directory: BackgroundSync.directory(folder, home: home))
  }

  /// Waits (at most `timeout` seconds) for the changes still queued, saying so on the status
  /// line; the messages for those not saved.
  private func drain(state: inout ReaderState, terminal: Terminal, timeout: Double) -> [String] {
    let waiting = writes.waiting
    if waiting > 0 {
      state.show(
        StatusMessage(
          "saving \(waiting) change\(waiting == 1 ? "" : "s") before quitting…"))
      terminal.paint(ReaderView.render(state))
    }
    let unfinished = writes.drain(timeout: timeout)
    var messages: [String] = []
    for outcome in writes.take() {
      switch outcome {
      case .writeFailed(let change, let message):
        messages.append("not saved (\(change.summary)): \(message)")
      case .failed(let message): messages.append(message)
      default: break
      }
    }
    return messages + unfinished.map { "not saved (\($0)): the library stayed busy" }
  }

  /// Handles `event` and the effects it leads to; returns whether there were any.
  @discardableResult
  private func process(_ event: ReaderEvent, state: inout ReaderState, terminal: Terminal) -> Bool {
    var pending = state.handle(event, now: Self.now())
    let hadEffects = !pending.isEmpty
    while !pending.isEmpty {
      switch pending.removeFirst() {
      case .library(let change): writes.submit(change)
      case .count(let request): backgroundCounts.start(request)
      case .app(let effect):
        let outcome = perform(effect, terminal: terminal)
        if case .failed(let message) = outcome { Log.error(message) }
        pending += state.handle(.completed(outcome), now: Self.now())
      }
    }
    return hadEffects
  }

  /// Effects outside the library: the browser, the clipboard, config.toml, exports, the
  /// editor and fetches.
  private func perform(_ effect: AppEffect, terminal: Terminal) -> EffectOutcome {
    switch effect {
    case .openURL(let url):
      do {
        try Browser.open(url)
        return .openedURL(url)
      } catch {
        return .failed(error.message)
      }
    case .copyToClipboard(let text):
      terminal.copyToClipboard(text)
      Clipboard.handToTmux(text)
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
      } catch let error as ExportJob.WriteFailure {
        return .failed(error.message)
      } catch {
        return .failed((error as? StoreError)?.message ?? "\(error)")
      }
    case .editNote(let id):
      return editNote(id: id, terminal: terminal)
    case .openPDF(let id):
      // One row read by id, as for a note; the download runs on its own thread.
      do {
        guard let paper = try store.paper(id: id) else {
          return .failed("no paper with id '\(id)'")
        }
        guard backgroundPDF.start(paper.paper, config: config) else {
          return .failed("a PDF download is already running")
        }
        return .pdfStarted(id: id)
      } catch {
        return .failed(error.message)
      }
    case .sendToZotero(let request):
      // The papers are read and sent on the job's thread.
      guard backgroundZotero.start(request, store: store, config: config) else {
        return .failed("a send to Zotero is already running")
      }
      return .zoteroStarted(request)
    case .countStarredForZotero:
      guard backgroundZotero.countStarred(store: store) else {
        return .failed("a send to Zotero is already running")
      }
      return .zoteroCounting
    case .saveTopic(let name, let query):
      do {
        try TopicsFile.add(name, query: query, topics: settings.topics)
        return .savedTopic(name: name, query: query)
      } catch let error as CLIError {
        return .failed("topic \(name) not saved: \(error.message)")
      } catch {
        return .failed("topic \(name) not saved: \(error)")
      }
    case .fetch:
      guard backgroundFetch.start(store: store, config: config) else {
        return .failed("a fetch is already running")
      }
      return .fetchStarted
    }
  }

  /// Runs the editor on the note of paper `id`; the note is then saved by the writer, after
  /// the changes queued before it. The note is saved by the paper's row: a fetch or import
  /// that upgrades the paper's id while the editor is open does not lose it.
  private func editNote(id: String, terminal: Terminal) -> EffectOutcome {
    do {
      guard let paper = try store.paper(id: id), let row = try store.row(ofPaper: id) else {
        return .failed("no paper with id '\(id)'")
      }
      let text = try terminal.suspend {
        try NoteEditor.edit(
          paper.state.note ?? "", title: paper.paper.title, id: paper.id,
          stopSignal: Terminal.pendingStopSignal)
      }
      let store = self.store
      let paperID = paper.id
      writes.submit("note on \(paperID)") {
        do {
          let current = try NoteEditor.save(
            text, row: row, id: paperID, edited: true, store: store)
          return .noteSaved(id: current)
        } catch {
          return .failed((error as? CLIError)?.message ?? "\(error)")
        }
      }
      return .noteQueued
    } catch let error as CLIError {
      return .failed(error.message)
    } catch {
      return .failed((error as? StoreError)?.message ?? "\(error)")
    }
  }

  /// Seconds on a steady clock.
  static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
