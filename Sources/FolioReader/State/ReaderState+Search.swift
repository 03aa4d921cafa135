import FolioCore
import FolioQuery
import FolioStore

/// Searching, topics and "more like this": what narrows or replaces the listing.
extension ReaderState {
  var compiler: QueryCompiler { QueryCompiler(topics: settings.topics, today: settings.today) }

  // MARK: - Search line

  /// Opens the search line on the current query's text.
  mutating func beginSearch() {
    searchLine = SearchLine(text: query?.text ?? "", previous: query)
    if similar != nil {
      similar = nil
      reloadListing(keeping: detail?.id, orTop: true)
    }
  }

  /// A key typed into the search line: the list follows every change.
  mutating func handleSearch(_ key: Key) {
    guard var line = searchLine else { return }
    switch key {
    case .enter:
      searchLine = nil
      return
    case .escape:
      searchLine = nil
      apply(line.previous)
      return
    case .backspace:
      guard !line.text.isEmpty else {
        searchLine = nil
        apply(nil)
        status = StatusMessage("filter cleared")
        return
      }
      line.text.removeLast()
    case .control("u"):
      line.text = ""
    case .control("w"):
      while line.text.last == " " { line.text.removeLast() }
      while let last = line.text.last, last != " " { line.text.removeLast() }
    case .character(let character):
      line.text.append(character)
    case .down: return moveSelection(by: 1)
    case .up: return moveSelection(by: -1)
    case .pageDown: return moveSelection(by: listHeight, scrolling: listHeight)
    case .pageUp: return moveSelection(by: -listHeight, scrolling: -listHeight)
    default:
      return
    }
    searchLine = line
    search(line.text)
  }

  /// Applies `text` as typed so far; a query that does not parse (yet) leaves the list as it
  /// was and says why.
  mutating func search(_ text: String) {
    do {
      let node = try QueryParser.parse(text, mode: .incremental)
      if node == .all { return apply(nil) }
      apply(ActiveQuery(text: text, node: node, filter: try compiler.filter(node)))
    } catch {
      status = StatusMessage(error.description, isError: true)
    }
  }

  /// Filters the list with `newQuery` (nil for none).
  mutating func apply(_ newQuery: ActiveQuery?) {
    guard newQuery != query || similar != nil else { return }
    query = newQuery
    similar = nil
    reloadListing(keeping: detail?.id, orTop: true)
  }

  // MARK: - Topic picker

  mutating func openTopicPicker() {
    do {
      var scopeOnly = PaperFilter()
      if case .day(let day) = scope { scopeOnly.day = day }
      var entries = [TopicPicker.Entry(name: nil, counts: try store.counts(scopeOnly))]
      for topic in settings.topics.topics {
        var filter = try compiler.filter(topic.node)
        filter.day = scopeOnly.day
        entries.append(TopicPicker.Entry(name: topic.name, counts: try store.counts(filter)))
      }
      let current = entries.firstIndex {
        $0.name != nil && query?.text == Self.topicQuery($0.name!)
      }
      topicPicker = TopicPicker(entries: entries, selected: current ?? 0)
    } catch let error as QueryError {
      status = StatusMessage(error.description, isError: true)
    } catch {
      report(error)
    }
  }

  mutating func handleTopicPicker(_ key: Key, action: Action?) {
    guard var picker = topicPicker else { return }
    switch (key, action) {
    case (.enter, _):
      topicPicker = nil
      guard let name = picker.entries[picker.selected].name else { return apply(nil) }
      let text = Self.topicQuery(name)
      do {
        let node = try QueryParser.parse(text)
        apply(ActiveQuery(text: text, node: node, filter: try compiler.filter(node)))
      } catch {
        status = StatusMessage(error.description, isError: true)
      }
      return
    case (_, .moveDown?): picker.selected += 1
    case (_, .moveUp?): picker.selected -= 1
    case (_, .top?): picker.selected = 0
    case (_, .bottom?): picker.selected = picker.entries.count - 1
    case (_, .pageDown?), (_, .halfPageDown?): picker.selected += 5
    case (_, .pageUp?), (_, .halfPageUp?): picker.selected -= 5
    default:
      topicPicker = nil
      return
    }
    picker.selected = min(max(0, picker.selected), picker.entries.count - 1)
    topicPicker = picker
  }

  static func topicQuery(_ name: String) -> String {
    "topic:\""
      + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }

  // MARK: - More like this

  mutating func showSimilar() {
    guard let paper = detail else { return }
    do {
      let ids = try SimilarPapers.ids(similarTo: paper, in: store, limit: 50)
      guard !ids.isEmpty else {
        status = StatusMessage("no similar papers found")
        return
      }
      similar = SimilarListing(
        paperID: paper.id, title: paper.paper.title, ids: ids,
        previousSelection: similar?.previousSelection ?? paper.id)
      focus = .list
      reloadListing(keeping: nil, orTop: true)
    } catch {
      report(error)
    }
  }

  /// Back from "more like this" to the listing, on the paper that was selected there.
  mutating func leaveSimilar() {
    guard let listing = similar else { return }
    similar = nil
    reloadListing(keeping: listing.previousSelection)
  }

  // MARK: - Matches in the text

  /// Scrolls the detail pane (or reading view) to the next (or previous) line with a match.
  mutating func jumpToMatch(forward: Bool) {
    guard let paper = detail, !highlightTerms.isEmpty else {
      status = StatusMessage("no search to jump through")
      return
    }
    let width = isReading ? layout.reading.width : layout.detailText.width
    let lines = DetailDocument(
      paper, width: width, topics: detailTopics, highlights: highlightTerms
    ).matchLines
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
