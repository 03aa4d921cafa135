import FolioCore
import FolioQuery
import FolioStore
import Foundation

@testable import FolioReader

/// A library held in an array, for driving ``ReaderState`` with no SQLite behind it.
///
/// Papers are listed in the array's order (the test gives them in listing order); a filter's
/// query is applied by FolioQuery's in-memory ``QueryEvaluator`` (which a property test holds
/// to the SQL's meaning), after translating the store's ``PaperPredicate`` back into a
/// ``QueryNode``. The writes the reader asks for are carried out by ``perform(_:)``, as the
/// app's writer would, so a test feeds back real outcomes.
///
/// A class: the reader holds it by reference and sees the test's changes, as it sees another
/// process's changes to the store. Only one test's thread ever touches it.
final class InMemoryLibrary: LibraryReading, @unchecked Sendable {
  private(set) var papers: [LibraryPaper]
  /// Every read the reader made, by name: what it asked of the library.
  private(set) var reads: [String] = []
  /// The "read full screen" and "opened link" signals recorded, by paper, latest kept.
  private(set) var viewSignals: [String: (ViewSignal, Date)] = [:]
  private let evaluator = QueryEvaluator(topics: .defaults, today: Day("2026-11-27")!)

  init(_ papers: [LibraryPaper]) {
    self.papers = papers
  }

  /// `count` papers a day over `days` days from `newest` back, titled "Day D paper N".
  convenience init(days: Int, perDay count: Int, newest: Day = Day("2026-11-27")!) {
    var papers: [LibraryPaper] = []
    for dayIndex in 0..<days {
      let day = newest.adding(days: -dayIndex)
      for index in 0..<count {
        let paper = Paper.fromSource(
          title: "Day \(dayIndex) paper \(index) on \(index % 2 == 0 ? "graphs" : "proteins")",
          abstract: "Abstract \(index) of day \(dayIndex).", day: day, source: "fake",
          upvotes: count - index)!
        papers.append(LibraryPaper(paper: paper, state: PaperState()))
      }
    }
    self.init(papers)
  }

  // MARK: - LibraryReading

  func days() throws(StoreError) -> [Day] {
    reads.append("days")
    var seen = Set<Day>()
    return papers.map(\.paper.day).filter { seen.insert($0).inserted }
  }

  func listing(_ filter: PaperFilter, from start: ListingStart, limit: Int) throws(StoreError)
    -> [ListedPaper]
  {
    reads.append("listing")
    let rows = listed(filter)
    let slice: ArraySlice<ListedPaper>
    switch start {
    case .position(let position): slice = rows.dropFirst(position).prefix(limit)
    case .after(let key):
      let reference = place(key, filter.order)
      slice = rows.drop { !(place($0.sortKey, filter.order) < reference) }.prefix(limit)
    case .before(let key):
      let reference = place(key, filter.order)
      slice = rows.prefix { reference < place($0.sortKey, filter.order) }.suffix(limit)
    case .fromEnd(let skipped): slice = rows.dropLast(skipped).suffix(limit)
    }
    return Array(slice)
  }

  func counts(_ filter: PaperFilter) throws(StoreError) -> ListCounts {
    reads.append("counts")
    let rows = listed(filter).map(\.summary)
    return ListCounts(
      total: rows.count, unread: rows.filter { !$0.isRead }.count,
      starred: rows.filter(\.isStarred).count)
  }

  func position(of id: String, in filter: PaperFilter) throws(StoreError) -> Int? {
    reads.append("position")
    return listed(filter).firstIndex { $0.summary.id == id }
  }

  func paper(id: String) throws(StoreError) -> LibraryPaper? {
    reads.append("paper")
    return papers.first { $0.id == id }
  }

  func papers(sortKeys: [Int64]) throws(StoreError) -> [Int64: LibraryPaper] {
    var found: [Int64: LibraryPaper] = [:]
    for key in sortKeys where papers.indices.contains(index(of: key)) {
      found[key] = papers[index(of: key)]
    }
    return found
  }

  /// The other papers of the same day, in listing order: enough "likeness" for a test.
  func similarIDs(to paper: LibraryPaper, limit: Int) throws(StoreError) -> [String] {
    reads.append("similar")
    return Array(
      papers.filter { $0.paper.day == paper.paper.day && $0.id != paper.id }.map(\.id)
        .prefix(limit))
  }

  func searchTerms(startingWith prefix: String, limit: Int) throws(StoreError) -> [String]? {
    nil  // no word list: a prefix is matched as a prefix
  }

  /// Every tag some paper carries, first spelling kept, by folded name (as the store).
  func tagNames() throws(StoreError) -> [String] {
    reads.append("tagNames")
    var names: [String: String] = [:]
    for paper in papers {
      for tag in paper.state.tags where names[TagName.key(tag)] == nil {
        names[TagName.key(tag)] = tag
      }
    }
    return names.sorted { $0.key < $1.key }.map(\.value)
  }

  // MARK: - For you, with the real model

  /// The papers `filter` selects, ranked by a ``ForYouModel`` trained from this library's
  /// state as the store trains it (stars, notes, tags, dismissals, read-only marks and the
  /// recorded signals), best first; nil while the model has too few positive signals.
  func forYouRanking(_ filter: PaperFilter, limit: Int) throws(StoreError) -> ForYouRanking? {
    reads.append("forYouRanking")
    guard let model = model() else { return nil }
    var scored: [(id: String, score: Double)] = []
    for row in listed(filter) {
      guard let entry = papers.first(where: { $0.id == row.summary.id }) else { continue }
      scored.append((entry.id, model.score(RecommendDocument(entry.paper))))
    }
    // Best first; ties keep the listing order (a stable sort).
    let ranked = scored.enumerated().sorted {
      $0.element.score != $1.element.score
        ? $0.element.score > $1.element.score : $0.offset < $1.offset
    }.map(\.element).prefix(max(0, limit))
    return ForYouRanking(
      ids: ranked.map(\.id),
      scores: Dictionary(ranked.map { ($0.id, $0.score) }) { first, _ in first }, isExact: true)
  }

  func forYouExplanation(id: String) throws(StoreError) -> ForYouExplanation? {
    reads.append("forYouExplanation")
    guard let model = model(), let entry = papers.first(where: { $0.id == id }) else {
      return nil
    }
    let document = RecommendDocument(entry.paper)
    return ForYouExplanation(score: model.score(document), contributions: model.explain(document))
  }

  /// The model learnt from the papers' state now.
  private func model() -> ForYouModel? {
    var examples: [TrainingExample] = []
    var unlabelled: [RecommendDocument] = []
    var documentCounts: [String: Int] = [:]
    for entry in papers {
      let document = RecommendDocument(entry.paper)
      for key in ForYouFeatures.keys(document) { documentCounts[key, default: 0] += 1 }
      let state = entry.state
      let at = Date(timeIntervalSince1970: 1)
      let signal: ForYouSignal? =
        state.isStarred
        ? .starred
        : state.isDismissed
          ? .dismissed
          : state.note != nil
            ? .noted
            : !state.tags.isEmpty
              ? .tagged
              : viewSignals[entry.id].map { $0.0 == .viewed ? .viewed : .opened }
                ?? (state.isRead ? .skipped : nil)
      if let signal {
        examples.append(TrainingExample(document: document, signal: signal, at: at))
      } else {
        unlabelled.append(document)
      }
    }
    return ForYouModel.train(
      examples: examples, unlabelled: unlabelled,
      frequencies: DocumentFrequencies(documentCount: papers.count, counts: documentCounts),
      now: Date(timeIntervalSince1970: 1))
  }

  // MARK: - Writes, as the app's writer does them

  /// Carries out a library effect and returns its outcome; nil for the others.
  func perform(_ effect: ReaderEffect) -> EffectOutcome? {
    switch effect {
    case .library(.setStarred(let id, let starred)):
      update(id) { $0.starredAt = starred ? Date(timeIntervalSince1970: 1) : nil }
      return .starred(id: id, starred)
    case .library(.setRead(let id, let read, let announce)):
      update(id) { $0.readAt = read ? Date(timeIntervalSince1970: 1) : nil }
      return .read(id: id, read, announce: announce)
    case .library(.markAllRead(let filter, let time)):
      let ids = listed(filter).filter { !$0.summary.isRead }.map(\.summary.id)
      for id in ids { update(id) { $0.readAt = time } }
      return .markedAllRead(count: ids.count)
    case .library(.setTagged(let id, let tag, let on)):
      let known = (try? tagNames())?.first { TagName.key($0) == TagName.key(tag) } ?? tag
      update(id) { state in
        state.tags.removeAll { TagName.key($0) == TagName.key(tag) }
        if on { state.tags.append(known) }
        state.tags.sort { TagName.key($0) < TagName.key($1) }
      }
      return .tagged(id: id, tag: tag, on)
    case .library(.setDismissed(let id, let dismissed)):
      update(id) { $0.dismissedAt = dismissed ? Date(timeIntervalSince1970: 1) : nil }
      return .dismissed(id: id, dismissed)
    case .library(.setNote(let id, let note)):
      update(id) { $0.note = note }
      return .noteRestored(id: id)
    case .library(.recordSignal(let signal, let id, let time)):
      viewSignals[id] = (signal, time)
      return .signalRecorded(signal, id: id)
    case .library(.unmarkRead(let time)):
      var count = 0
      for index in papers.indices where papers[index].state.readAt == time {
        papers[index].state.readAt = nil
        count += 1
      }
      return .unmarkedRead(count: count)
    case .count(.listing(let filter, let generation)):
      return .counted(generation: generation, (try? counts(filter)) ?? ListCounts())
    case .count(.topic(let index, let filter, let generation)):
      return .countedTopic(
        index: index, generation: generation, (try? counts(filter)) ?? ListCounts())
    case .app:
      return nil
    }
  }

  private func update(_ id: String, _ change: (inout PaperState) -> Void) {
    guard let index = papers.firstIndex(where: { $0.id == id }) else { return }
    change(&papers[index].state)
  }

  // MARK: - Evaluating a filter

  /// Sort keys fall down the array, as the store's fall down its listing.
  private func sortKey(_ index: Int) -> Int64 { Int64(papers.count - index) }
  private func index(of sortKey: Int64) -> Int { papers.count - Int(sortKey) }

  /// Where the paper with `sortKey` falls in `order`, as the store orders it: the order's
  /// value, then the sort key, both descending (so a smaller place comes later).
  private func place(_ sortKey: Int64, _ order: ListingOrder) -> Place {
    let entry = papers[index(of: sortKey)]
    let paper = entry.paper
    let value: Int64 =
      switch order {
      case .listing, .forYou: 0
      case .upvotes: Int64(paper.upvotes ?? -1)
      case .published: paper.published.map { Int64($0.ordinal) } ?? Int64.min
      case .citations: Int64(entry.scholar?.citations ?? -1)
      case .forYou: 0
      }
    return Place(value: value, sortKey: sortKey)
  }

  struct Place: Comparable {
    var value: Int64
    var sortKey: Int64
    static func < (a: Place, b: Place) -> Bool { (a.value, a.sortKey) < (b.value, b.sortKey) }
  }

  /// The rows `filter` selects, in its order.
  private func listed(_ filter: PaperFilter) -> [ListedPaper] {
    var indices = papers.indices.filter { selects(filter, papers[$0]) }
    if filter.ranking == nil, filter.order != .listing, filter.order != .forYou {
      indices.sort { place(sortKey($1), filter.order) < place(sortKey($0), filter.order) }
    }
    if let ranking = filter.ranking {
      let rank = Dictionary(ranking.enumerated().map { ($1, $0) }) { first, _ in first }
      indices = indices.filter { rank[papers[$0].id] != nil }
        .sorted { rank[papers[$0].id]! < rank[papers[$1].id]! }
    }
    return indices.map {
      ListedPaper(sortKey: sortKey($0), summary: PaperSummary(papers[$0]))
    }
  }

  private func selects(_ filter: PaperFilter, _ entry: LibraryPaper) -> Bool {
    if let day = filter.day, entry.paper.day != day { return false }
    // The store's default exclusion of dismissed papers.
    if entry.state.isDismissed, !filter.showsDismissed { return false }
    if entry.id != filter.keepsPaper {
      switch filter.state {
      case .any: break
      case .starred: if !entry.state.isStarred { return false }
      case .unread: if entry.state.isRead { return false }
      case .read: if !entry.state.isRead { return false }
      }
    }
    var nodes: [QueryNode] = []
    if let match = filter.match { nodes.append(Self.node(match)) }
    if let condition = filter.condition { nodes.append(Self.node(condition)) }
    guard !nodes.isEmpty else { return true }
    return (try? evaluator.matches(.and(nodes), SearchDocument(entry))) == true
  }

  /// The query that means what `predicate` means, for the in-memory evaluator.
  static func node(_ predicate: PaperPredicate) -> QueryNode {
    switch predicate {
    case .always: .all
    case .match(let match): node(match)
    case .id(let id): .id(id, prefix: false)
    case .idPrefix(let prefix): .id(prefix, prefix: true)
    case .source(let source): .source(source)
    case .day(let comparison, let day): .day(self.comparison(comparison), .date(day))
    case .upvotes(let comparison, let count): .upvotes(self.comparison(comparison), count)
    case .citations(let comparison, let count): .citations(self.comparison(comparison), count)
    case .state(let state):
      switch state {
      case .starred: .state(.starred)
      case .unstarred: .state(.unstarred)
      case .unread: .state(.unread)
      case .read: .state(.read)
      case .dismissed: .state(.dismissed)
      }
    case .has(let feature):
      switch feature {
      case .note: .has(.note)
      case .code: .has(.code)
      case .arxiv: .has(.arxiv)
      case .tag: .has(.tag)
      }
    case .tag(let key): .tag(key)
    case .facet(let facet): .facet(facet)
    case .and(let children): .and(children.map(node))
    case .or(let children): .or(children.map(node))
    case .not(let child): .not(node(child))
    }
  }

  static func node(_ match: TextMatch) -> QueryNode {
    switch match {
    case .phrase(let tokens, let column, let prefix):
      let field: TextField =
        switch column {
        case nil: .any
        case .title?: .title
        case .abstract?: .abstract
        case .authors?: .author
        }
      return .text(field, TextTerm(text: tokens.joined(separator: " "), isPrefix: prefix))
    case .and(let children): return .and(children.map(node))
    case .or(let children): return .or(children.map(node))
    case .subtracting(let kept, let dropped): return .and([node(kept), .not(node(dropped))])
    }
  }

  static func comparison(_ comparison: PaperPredicate.Comparison) -> Comparison {
    switch comparison {
    case .equal: .equal
    case .less: .less
    case .lessOrEqual: .lessOrEqual
    case .greater: .greater
    case .greaterOrEqual: .greaterOrEqual
    }
  }
}
