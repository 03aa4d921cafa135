import FolioCore
import FolioQuery
import FolioStore
import Foundation

extension ReaderState {
  /// Applies `event`, which happened at `now` (seconds on any steady clock), and returns the
  /// effects to carry out, in order. Each effect's outcome should come back as a
  /// ``ReaderEvent/completed(_:)`` event.
  public mutating func handle(_ event: ReaderEvent, now: Double) -> [ReaderEffect] {
    self.now = now
    let wasDwelling = isDwelling
    let effects = dispatch(event)
    recordUndo(effects)
    for case .library(let change) in effects { pendingWrites.begin(change) }
    // The mark-as-read timer counts only time spent reading in the list: time in a prompt,
    // an overlay, the search line or the reading view starts it again.
    if !wasDwelling || !isDwelling { timer.selectedSince = now }
    return effects
  }

  private mutating func dispatch(_ event: ReaderEvent) -> [ReaderEffect] {
    switch event {
    case .key(let key): return handle(key)
    case .mouse(let mouse):
      handle(mouse)
      return []
    case .resize(let newSize):
      size = newSize
      syncView()
      clampScrolling()
      return []
    case .tick:
      return doPendingWork() + markReadIfLingering()
    case .libraryChanged:
      reloadDays()
      refreshListing()
      return []
    case .completed(let outcome):
      apply(outcome)
      reloadTriageCard()
      noteUndoOutcome(outcome)
      return []
    case .fetchProgress(let text):
      fetchStatus = text
      return []
    case .fetchFinished(let result):
      fetchStatus = nil
      switch result {
      case .success(let summary):
        status = StatusMessage("fetched: \(summary)")
        reloadDays()
        refreshListing()
      case .failure(let failure):
        status = StatusMessage("fetch failed: \(failure.message)", isError: true)
      }
      return []
    case .pdfProgress(let text):
      status = StatusMessage("PDF: \(text)")
      return []
    case .syncFinished(let result):
      // A quiet sync says nothing; what it changed arrives as a library change.
      switch result {
      case .success(let summary) where !summary.isEmpty: status = StatusMessage(summary)
      case .success: break
      case .failure(let failure):
        status = StatusMessage("sync failed: \(failure.message)", isError: true)
      }
      return []
    case .pdfFinished(let result):
      // The detail pane's `PDF` line follows what the download left in the cache.
      checkCachedPDF()
      switch result {
      case .success(let summary): status = StatusMessage(summary)
      case .failure(let failure):
        status = StatusMessage("PDF failed: \(failure.message)", isError: true)
      }
      return []
    case .pdfCacheListed(let names):
      if topics.takeCachedPDFs(names, topics: settings.topics) {
        // The rows on screen are read again with their topics (one page, as after a write).
        listing.window = ListWindow()
        syncView()
      }
      return []
    case .zoteroProgress, .zoteroFinished, .zoteroStarredCounted:
      zoteroEvent(event)
      return []
    }
  }

  // MARK: - Keys

  private mutating func handle(_ key: Key) -> [ReaderEffect] {
    // Ctrl-C always quits, whatever the keymap says.
    if key == .control("c") {
      isFinished = true
      return []
    }
    let context = actionContext
    let action = resolve(key, in: context)
    if action == .forceQuit {
      isFinished = true
      return []
    }
    if !pendingKeys.isEmpty { return [] }
    status = nil
    switch context {
    case .palette: return handlePalette(key, action: action)
    case .searchLine:
      handleSearch(key, action: action)
      rankForYouOrderAfterSearch()
      return []
    case .topicPicker:
      handleTopicPicker(key, action: action)
      return []
    case .exportFormat, .exportPath: return handleExportPrompt(key, action: action)
    case .tagPrompt: return handleTagPrompt(key, action: action)
    case .topicName: return handleTopicNamePrompt(key, action: action)
    case .help, .helpFilter:
      handleHelp(key, action: action)
      return []
    case .confirmation:
      guard case .confirmation(let pending, let screen) = mode else { return [] }
      mode = .screen(screen)
      guard action == .confirm else {
        status = StatusMessage("cancelled")
        return []
      }
      switch pending {
      case .markAllRead: return [.markAllRead(filter)]
      case .sendStarredToZotero(let count): return [.app(.sendToZotero(.starred(count: count)))]
      }
    case .triage: return handleTriage(action, key: key)
    case .list, .detail, .reading:
      guard let action else {
        status = nothingHere(key)
        return []
      }
      return run(action, key: key)
    }
  }

  /// Carries out `action` where the user is, as `key` asked (the palette runs actions this
  /// way too).
  mutating func run(_ action: Action, key: Key) -> [ReaderEffect] {
    let before = detail?.id
    let effects = perform(action, key: key)
    if Self.choosesAPaper.contains(action), detail != nil, detail?.id != before {
      timer.selectionChosen = true
    }
    return effects
  }

  private mutating func perform(_ action: Action, key: Key) -> [ReaderEffect] {
    let page =
      isReading ? layout.reading.height : focus == .list ? listHeight : layout.detail.height
    switch action {
    case .moveDown: move(1)
    case .moveUp: move(-1)
    case .halfPageDown: move(max(1, page / 2), scrolling: true)
    case .halfPageUp: move(-max(1, page / 2), scrolling: true)
    case .pageDown: move(max(1, page), scrolling: true)
    case .pageUp: move(-max(1, page), scrolling: true)
    case .top: move(-Int.max / 2)
    case .bottom: move(Int.max / 2)
    case .toggleFocus:
      guard !isReading else {
        status = nothingHere(key)
        return []
      }
      focus = focus == .list ? .detail : .list
    case .scrollDetailDown: isReading ? scrollReading(by: 1) : scrollDetail(by: 1)
    case .scrollDetailUp: isReading ? scrollReading(by: -1) : scrollDetail(by: -1)
    case .nextPaper: return stepPaper(by: 1)
    case .previousPaper: return stepPaper(by: -1)
    case .nextUnread: return goToUnread(forward: true)
    case .previousUnread: return goToUnread(forward: false)
    case .toggleHideRead: toggleHideRead()
    case .openReading:
      guard let paper = detail, !isReading else {
        status = nothingHere(key)
        return []
      }
      mode = .screen(.reading)
      selection.readingScroll = 0
      return markReadIfOpen(paper)
    case .back:
      if isReading {
        mode = .list
      } else if focus == .detail {
        focus = .list
      } else {
        stepBack(key)
      }
    case .quit:
      if isReading {
        mode = .list
      } else if focus == .detail {
        focus = .list
      } else {
        isFinished = true
      }
    case .toggleStar:
      guard let paper = detail else {
        status = nothingHere(key)
        return []
      }
      // A star still being written counts as given: a second `s` takes it back.
      let starred = pendingWrites.starred(paper.id) ?? paper.state.isStarred
      return [.setStarred(id: paper.id, starred: !starred)]
    case .toggleRead:
      guard let paper = detail else {
        status = nothingHere(key)
        return []
      }
      timer.autoReadRequested = paper.id  // the user decided; the timer should not overrule them
      let read = pendingWrites.read(paper.id) ?? paper.state.isRead
      return [.setRead(id: paper.id, read: !read, announce: true)]
    case .markAllRead:
      if !countsKnown { computeCounts() }
      if counts.unread == 0 {
        status = StatusMessage("nothing unread here")
      } else {
        mode = .confirmation(.markAllRead(count: counts.unread), over: mode.screen)
      }
    case .previousDay: changeDay(by: 1)
    case .nextDay: changeDay(by: -1)
    case .toggleAllDays:
      if case .allDays = scope {
        guard let day = detail?.paper.day ?? days.first else {
          status = StatusMessage("no listing days yet")
          return []
        }
        changeScope(to: .day(day))
      } else {
        changeScope(to: .allDays)
      }
    case .openLink, .copyLink:
      guard let url = detail?.paper.links.main else {
        status = StatusMessage("this paper has no link", isError: true)
        return []
      }
      guard WebLink.isSafe(url) else {
        status = StatusMessage("not an http(s) link: \(url)", isError: true)
        return []
      }
      guard action == .openLink, let id = detail?.id else { return [.copyToClipboard(url)] }
      // Opening the link teaches For you (a weak "more like this").
      return [.openURL(url), .library(.recordSignal(.opened, id: id, at: Date()))]
    case .search: beginSearch()
    case .pickTopic: openTopicPicker()
    case .moreLikeThis:
      guard detail != nil else {
        status = nothingHere(key)
        return []
      }
      showSimilar()
    case .forYou: showForYou()
    case .cycleTheme: return cycleTheme()
    case .editNote:
      guard let paper = detail else {
        status = nothingHere(key)
        return []
      }
      return [.editNote(id: paper.id)]
    case .openPDF:
      guard let paper = detail else {
        status = nothingHere(key)
        return []
      }
      // Opening the PDF is a weak "more like this" for For you, as opening the link is.
      return [
        .app(.openPDF(id: paper.id)),
        .library(.recordSignal(.opened, id: paper.id, at: Date())),
      ]
    case .sendToZotero: return sendToZotero(detail, key: key)
    case .sendStarredToZotero: return [.app(.countStarredForZotero)]
    case .exportStarred: return [.exportStarred(.markdown, path: exportPath(for: .markdown))]
    case .fetch:
      guard fetchStatus == nil else {
        status = StatusMessage("a fetch is already running")
        return []
      }
      return [.fetch]
    case .exportAs: mode = .exportPrompt(ExportPrompt(stage: .format, text: ""), over: mode.screen)
    case .tag: openTagPrompt(key: key)
    case .saveTopic: openTopicNamePrompt()
    case .nextMatch: jumpToMatch(forward: true)
    case .previousMatch: jumpToMatch(forward: false)
    case .help: openHelp(from: actionContext)
    case .palette: openPalette(from: actionContext)
    case .forceQuit: isFinished = true
    // Triage, undo, sort.
    case .dismiss: return dismissSelected(key)
    case .undo: return undoLast()
    case .cycleSort: cycleSort()
    case .triage: startTriage()
    case .accept, .cancel, .confirm, .deleteCharacter, .deleteWord, .clearLine, .exportMarkdown,
      .exportBibTeX, .exportJSON, .exportRIS, .exportCSLJSON, .complete, .readAndNext, .tag:
      // Keys of prompts and overlays, which read them themselves.
      status = nothingHere(key)
    }
    return []
  }

  /// Switches to the next theme of the catalog and asks for the choice to be saved.
  private mutating func cycleTheme() -> [ReaderEffect] {
    let names = settings.themes.names
    guard !names.isEmpty else { return [] }
    let current = names.firstIndex(of: settings.theme.name)
    let next = names[((current ?? -1) + 1) % names.count]
    let (theme, warnings) = settings.themes.theme(next)
    settings.theme = settings.noColor ? theme.monochrome : theme
    if let warning = warnings.first {
      status = StatusMessage(warning.description, isError: true)
      return []
    }
    return [.saveTheme(next)]
  }

  /// The action `key` completes, tracking the first key of two-key sequences. A key that
  /// does not complete a pending sequence is read on its own.
  private mutating func resolve(_ key: Key, in context: ActionContext) -> Action? {
    switch settings.keymap.match(after: pendingKeys, key, in: context) {
    case .action(let action):
      pendingKeys = []
      return action
    case .pending:
      pendingKeys = [key]
      return nil
    case .none:
      let hadPending = !pendingKeys.isEmpty
      pendingKeys = []
      return hadPending ? resolve(key, in: context) : nil
    }
  }

  /// Moves whatever has focus: the selection in the list, or the text in the detail pane or
  /// reading view.
  private mutating func move(_ delta: Int, scrolling: Bool = false) {
    if isReading {
      scrollReading(by: delta)
    } else if focus == .detail {
      scrollDetail(by: delta)
    } else {
      moveSelection(by: delta, scrolling: scrolling ? delta : 0)
    }
  }

  // MARK: - Mouse

  private mutating func handle(_ mouse: MouseEvent) {
    let layout = self.layout
    guard !layout.isTooSmall else { return }
    if case .help(_, let screen) = mode {
      mode = .screen(screen)
      return
    }
    if case .palette(_, let screen) = mode {
      mode = .screen(screen)
      return
    }
    let step = mouse.kind == .wheelUp ? -3 : 3
    if isReading {
      if mouse.kind != .click { scrollReading(by: step) }
      return
    }
    if layout.list.contains(x: mouse.x, y: mouse.y) {
      let before = detail?.id
      // A paper the user clicked or wheeled to is one they chose to read.
      defer { if detail != nil, detail?.id != before { timer.selectionChosen = true } }
      switch mouse.kind {
      case .click:
        focus = .list
        let position = top + (mouse.y - layout.list.y)
        if position < counts.total { select(position) }
      case .wheelUp, .wheelDown:
        moveSelection(by: step, scrolling: step)
      }
    } else if layout.detail.contains(x: mouse.x, y: mouse.y) {
      switch mouse.kind {
      case .click: focus = .detail
      case .wheelUp, .wheelDown: scrollDetail(by: step)
      }
    }
  }

  // MARK: - Time and outcomes

  private mutating func apply(_ outcome: EffectOutcome) {
    switch outcome {
    case .starred(let id, let starred): pendingWrites.end(.setStarred(id: id, starred: starred))
    case .read(let id, let read, let announce):
      pendingWrites.end(.setRead(id: id, read: read, announce: announce))
    case .markedAllRead: pendingWrites.end(.markAllRead(filter, at: .distantPast))
    case .dismissed(let id, let dismissed):
      pendingWrites.end(.setDismissed(id: id, dismissed: dismissed))
    case .signalRecorded(let signal, let id):
      pendingWrites.end(.recordSignal(signal, id: id, at: .distantPast))
    case .unmarkedRead: pendingWrites.end(.unmarkRead(at: .distantPast))
    case .noteRestored(let id): pendingWrites.end(.setNote(id: id, note: nil))
    case .tagged(let id, let tag, let on): pendingWrites.end(.setTagged(id: id, tag: tag, on: on))
    case .writeFailed(let change, _): pendingWrites.end(change)
    default: break
    }
    switch outcome {
    case .starred, .read, .markedAllRead, .unmarkedRead, .tagged:
      // Counts still being made may predate this change: they are asked for again.
      if !countsKnown { listing.countGeneration += 1 }
    default: break
    }
    switch outcome {
    case .counted(let generation, let received):
      receiveCounts(received, generation: generation)
    case .countedTopic(let index, let generation, let received):
      receiveTopicCounts(received, index: index, generation: generation)
    case .starred(let id, let starred):
      status = StatusMessage(starred ? "starred" : "unstarred")
      refreshAfterWrite(of: id, starredDelta: starred ? 1 : -1)
    case .read(let id, let read, let announce):
      if announce { status = StatusMessage(read ? "marked read" : "marked unread") }
      refreshAfterWrite(of: id, unreadDelta: read ? -1 : 1)
    case .markedAllRead(let count):
      status = StatusMessage("marked \(count) paper\(count == 1 ? "" : "s") read")
      refreshAfterWrite(unreadDelta: -count)
    case .tagged(let id, let tag, let on):
      status = StatusMessage(on ? "tagged \(tag)" : "removed tag \(tag)")
      refreshAfterWrite(of: id)
    case .savedTopic(let name, let query):
      // The topic picker and the rows' topics know it from now on, as after a restart.
      if let topic = try? Topic(name: name, query: query) { settings.topics.set(topic) }
      status = StatusMessage("saved the search as topic \(name)")
    case .openedURL(let url): status = StatusMessage("opened \(url)")
    case .copied(let url): status = StatusMessage("copied \(url)")
    case .savedTheme(let name): status = StatusMessage("theme: \(name) (saved)")
    case .fetchStarted: fetchStatus = "starting"
    case .pdfStarted(let id): status = StatusMessage("PDF of \(id): starting…")
    case .zoteroStarted(let request): zoteroStarted(request)
    case .zoteroCounting: status = StatusMessage("Zotero: counting the starred papers…")
    case .noteQueued: status = StatusMessage("saving the note…")
    case .noteSaved(let id):
      recordNoteSaved(id)
      status = StatusMessage("note saved")
      refreshAfterWrite(of: id)
    // Triage and undo.
    case .dismissed(let id, let dismissed): applyDismissed(id: id, dismissed)
    case .unmarkedRead(let count):
      status = StatusMessage("marked \(count) paper\(count == 1 ? "" : "s") unread")
      refreshAfterWrite(unreadDelta: count)
    case .noteRestored(let id):
      status = StatusMessage("note restored")
      refreshAfterWrite(of: id)
    case .exported(let count, let path):
      let shown = ExportPath.abbreviate(path, home: settings.home)
      status = StatusMessage("exported \(count) paper\(count == 1 ? "" : "s") to \(shown)")
    case .failed(let message): status = StatusMessage(message, isError: true)
    case .signalRecorded: break  // teaching For you shows nothing
    case .writeFailed(.recordSignal, _):
      // A signal not recorded loses a weak hint, not a change the user made: it is not worth
      // an error on every paper read in a read-only library.
      break
    case .writeFailed(_, let message):
      // Nothing changed: the row loses its pending mark and shows what the library holds.
      status = StatusMessage(message, isError: true)
    }
  }
}
