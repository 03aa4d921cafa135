import FolioCore
import FolioQuery
import FolioStore

/// Searching, topics and "more like this": what narrows or replaces the listing.
extension ReaderState {
  var compiler: QueryCompiler {
    // Long prefixes are searched as the words they stand for, as the store's compiler does.
    let library = self.library
    return QueryCompiler(topics: settings.topics, today: settings.today) { prefix in
      try? library.searchTerms(startingWith: prefix, limit: QueryCompiler.prefixWordLimit)
    }
  }

  /// `node` compiled. The PDF cache is listed (at most PDFCache.maxListedEntries entries) only
  /// when `node` or a topic it names says `has:pdf`, and then afresh, so a PDF that `folio pdf`
  /// just fetched counts: a query without it costs no listing per key.
  func compile(_ node: QueryNode) throws(QueryError) -> PaperFilter {
    let directory = settings.pdfCacheDirectory
    return try compiler.filter(node) {
      directory.map { PDFCache(directory: $0).cachedNames() } ?? []
    }
  }

  /// Whether the rows' topics want the PDF cache listed (``ReaderEvent/pdfCacheListed(_:)``):
  /// a topic says `has:pdf` and there is a cache. The app lists it off the main loop.
  public var wantsCachedPDFs: Bool {
    settings.pdfCacheDirectory != nil && settings.topics.mentionsCachedPDF
  }

  // MARK: - Search line

  /// Opens the search line on the current query's text.
  mutating func beginSearch() {
    mode = .search(SearchLine(text: query?.text ?? "", previous: query), over: mode.screen)
    if similar != nil || listing.forYouView != nil {
      // A search is of the listing: it leaves "more like this" and the For you view.
      listing.similar = nil
      listing.forYouView = nil
      restartListing(keeping: detail?.id)
    }
  }

  /// A key typed into the search line (`action` is what it means there): the list follows
  /// every change.
  mutating func handleSearch(_ key: Key, action: Action?) {
    guard case .search(var line, let screen) = mode else { return }
    let cancel = settings.keymap.keys(for: .cancel, in: .searchLine).first?.description ?? "Esc"
    switch action {
    case .accept?:
      // Only a query that parses is committed: on an error the line stays open with the
      // error shown, and the list goes back to the filter that worked before `/` (not the
      // prefix that parsed last, which is half-typed).
      do {
        let node = try QueryParser.parse(line.text, mode: .incremental)
        apply(node == .all ? nil : try activeQuery(line.text, node))
      } catch {
        apply(line.previous)
        status = StatusMessage("\(error.description) · \(cancel) cancels", isError: true)
        return
      }
      mode = .screen(screen)
      if query != nil, query != line.previous {
        let clear = settings.keymap.keys(for: .back).first?.description ?? "Esc"
        status = StatusMessage("filter applied · \(clear) clears it")
      }
      return
    case .cancel?:
      mode = .screen(screen)
      apply(line.previous)
      return
    case .deleteCharacter?:
      guard !line.text.isEmpty else {
        mode = .screen(screen)
        apply(nil)
        status = StatusMessage("filter cleared")
        return
      }
      line.text.removeLast()
    case .clearLine?:
      line.text = ""
    case .deleteWord?:
      line.text = Self.deletingWord(line.text)
    case .moveDown?: return chooseWhileSearching { $0.moveSelection(by: 1) }
    case .moveUp?: return chooseWhileSearching { $0.moveSelection(by: -1) }
    case .pageDown?:
      return chooseWhileSearching { $0.moveSelection(by: $0.listHeight, scrolling: $0.listHeight) }
    case .pageUp?:
      return chooseWhileSearching {
        $0.moveSelection(by: -$0.listHeight, scrolling: -$0.listHeight)
      }
    default:
      guard case .character(let character) = key else {
        let apply =
          settings.keymap.keys(for: .accept, in: .searchLine).first?.description ?? "Enter"
        status = StatusMessage(
          "\(key): not in the search line — \(apply) applies, \(cancel) cancels", isError: true)
        return
      }
      line.text.append(character)
    }
    mode = .search(line, over: screen)
    search(line.text)
  }

  /// Moves the selection from the search line: a paper the user went to, for the timer.
  private mutating func chooseWhileSearching(_ move: (inout ReaderState) -> Void) {
    let before = detail?.id
    move(&self)
    if detail != nil, detail?.id != before { timer.selectionChosen = true }
  }

  /// Applies `text` as typed so far; a query that does not parse (yet) leaves the list as it
  /// was and says why.
  mutating func search(_ text: String) {
    do {
      let node = try QueryParser.parse(text, mode: .incremental)
      if node == .all { return apply(nil) }
      apply(try activeQuery(text, node))
    } catch {
      status = StatusMessage(error.description, isError: true)
    }
  }

  func activeQuery(_ text: String, _ node: QueryNode) throws(QueryError) -> ActiveQuery {
    ActiveQuery(
      text: text, node: node, filter: try compile(node),
      dependsOnState: ActiveQuery.dependsOnState(try compiler.expandTopics(node)))
  }

  /// Filters the list with `newQuery` (nil for none), from the top; the selected paper stays
  /// selected if it is on the first screenful.
  mutating func apply(_ newQuery: ActiveQuery?) {
    guard newQuery != query || similar != nil || listing.forYouView != nil else { return }
    listing.query = newQuery
    listing.similar = nil
    listing.forYouView = nil
    restartListing(keeping: detail?.id)
  }

  // MARK: - Topic picker

  /// Opens the picker at once; its counts come on the next idle tick.
  mutating func openTopicPicker() {
    let entries =
      [TopicPicker.Entry(name: nil, counts: nil)]
      + settings.topics.topics.map { TopicPicker.Entry(name: $0.name, counts: nil) }
    let current = entries.firstIndex { $0.name != nil && query?.text == Self.topicQuery($0.name!) }
    topics.pickerGeneration += 1
    mode = .topicPicker(TopicPicker(entries: entries, selected: current ?? 0), over: mode.screen)
  }

  /// Asks for the counts of every topic in the current scope, for the picker (made off the
  /// main loop, like the listing's). A topic that does not compile shows zeros and an error.
  mutating func countTopics() -> [ReaderEffect] {
    guard case .topicPicker(var picker, let screen) = mode else { return [] }
    var scopeOnly = PaperFilter()
    if case .day(let day) = scope { scopeOnly.day = day }
    var effects: [ReaderEffect] = []
    for (index, entry) in picker.entries.enumerated()
    where entry.counts == nil && !entry.isRequested {
      var filter = scopeOnly
      if let name = entry.name {
        do {
          filter = try compile(try settings.topics.resolve(name, column: 1).node)
        } catch {
          status = StatusMessage(error.description, isError: true)
          picker.entries[index].counts = ListCounts()
          continue
        }
        filter.day = scopeOnly.day
      }
      picker.entries[index].isRequested = true
      effects.append(.countTopic(index: index, filter, generation: topics.pickerGeneration))
    }
    mode = .topicPicker(picker, over: screen)
    return effects
  }

  /// Takes a topic's counts that came back, if the picker they were asked for is still open.
  mutating func receiveTopicCounts(_ counts: ListCounts, index: Int, generation: Int) {
    guard generation == topics.pickerGeneration, case .topicPicker(var picker, let screen) = mode,
      picker.entries.indices.contains(index)
    else { return }
    picker.entries[index].counts = counts
    mode = .topicPicker(picker, over: screen)
  }

  mutating func handleTopicPicker(_ key: Key, action: Action?) {
    guard case .topicPicker(var picker, let screen) = mode else { return }
    switch action {
    case .accept?:
      mode = .screen(screen)
      guard let name = picker.entries[picker.selected].name else { return apply(nil) }
      let text = Self.topicQuery(name)
      do {
        apply(try activeQuery(text, try QueryParser.parse(text)))
        let clear = settings.keymap.keys(for: .back).first?.description ?? "Esc"
        status = StatusMessage("topic: \(name) · \(clear) clears it")
      } catch {
        status = StatusMessage(error.description, isError: true)
      }
      return
    case .moveDown?: picker.selected += 1
    case .moveUp?: picker.selected -= 1
    case .top?: picker.selected = 0
    case .bottom?: picker.selected = picker.entries.count - 1
    case .pageDown?, .halfPageDown?: picker.selected += 5
    case .pageUp?, .halfPageUp?: picker.selected -= 5
    default:
      mode = .screen(screen)
      return
    }
    picker.selected = min(max(0, picker.selected), picker.entries.count - 1)
    mode = .topicPicker(picker, over: screen)
  }

  /// The query that selects topic `name`: `topic:"name"`.
  public static func topicQuery(_ name: String) -> String {
    "topic:\""
      + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }

  // MARK: - More like this

  mutating func showSimilar() {
    guard let paper = detail else { return }
    do {
      let ids = try library.similarIDs(to: paper, limit: 50)
      guard !ids.isEmpty else {
        status = StatusMessage("no similar papers found")
        return
      }
      listing.similar = SimilarListing(
        paperID: paper.id, title: paper.paper.title, ids: ids,
        previousSelection: similar?.previousSelection ?? paper.id)
      focus = .list
      restartListing(keeping: nil)
    } catch {
      report(error)
    }
  }

  /// Back from "more like this" to the listing, on the paper that was selected there.
  mutating func leaveSimilar() {
    guard let left = similar else { return }
    listing.similar = nil
    restartListing(keeping: left.previousSelection, lookUp: true)
  }

  // MARK: - Matches in the text

  /// Scrolls the detail pane (or reading view) to the next (or previous) line with a match.
  mutating func jumpToMatch(forward: Bool) {
    guard detail != nil, !highlightTerms.isEmpty else {
      status = StatusMessage("no search to jump through")
      return
    }
    // The lines with a match in the text as the pane (or reading view) wraps it: the same
    // layout the view draws, worked out here without it.
    let width = isReading ? layout.reading.width : layout.detailText.width
    let lines = document(width: width)?.matchLines ?? []
    let current = isReading ? readingScroll : detailScroll
    guard
      let target = forward
        ? lines.first(where: { $0 > current }) ?? lines.first
        : lines.last(where: { $0 < current }) ?? lines.last
    else {
      status = StatusMessage("no matches in this paper")
      return
    }
    if isReading {
      scrollReading(by: target - readingScroll)
    } else {
      scrollDetail(by: target - detailScroll)
    }
  }
}
