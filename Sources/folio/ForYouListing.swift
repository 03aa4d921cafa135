import FolioCore
import FolioQuery
import FolioStore
import Foundation

/// `folio list --sort for-you` and the `score` of `list --format json`: the store's for-you
/// ranking while there is a model, and the cold start (the user's topics, then upvotes)
/// before.
enum ForYouListing {
  /// What a for-you listing found: its papers, best first, and each one's score (nil in the
  /// cold start, when there is no model to score with).
  struct Result {
    var papers: [LibraryPaper]
    var scores: [String: Double]?
  }

  /// What stderr says while there is no model: how to teach it.
  static let coldStartNote =
    "folio: no for-you model yet: star a few papers (\(ForYouModel.minimumPositives) are needed)"
    + " to rank by what you like; until then for-you lists your topics' papers first, most"
    + " upvoted first\n"

  /// The papers `filter` selects, at most `limit` (nil: all), in for-you order. In the cold
  /// start `inTopics` and `outsideTopics` are the same selection narrowed to the papers in
  /// one of the user's topics and to the rest (nil when the topics could not be compiled:
  /// then by upvotes alone).
  static func ranked(
    _ filter: PaperFilter, limit: Int?, store: LibraryStore,
    coldStart: () throws -> (inTopics: PaperFilter, outsideTopics: PaperFilter)?
  ) throws -> Result {
    // The store ranks at most `limit`; "all" is every paper the filter selects.
    let wanted = try limit ?? store.count(filter)
    if var ranking = try store.forYouRanking(filter, limit: wanted) {
      // A large selection is ranked among candidates from the full-text index (enough for a
      // screenful); asked for more papers than that, every paper is scored.
      if !ranking.isExact, ranking.ids.count < wanted {
        ranking = try store.forYouRanking(filter, limit: wanted, exactCap: Int.max - 1) ?? ranking
      }
      // The whole selection (no --limit): one query for it, put in ranking order in memory,
      // rather than a query per slice of ids.
      let papers =
        limit == nil && ranking.ids.count > slice
        ? try inOrder(store.papers(filter), ids: ranking.ids)
        : try papers(ranking.ids, store: store)
      return Result(papers: papers, scores: ranking.scores)
    }
    var parts: [PaperFilter]
    if let split = try coldStart() {
      parts = [split.inTopics, split.outsideTopics]
    } else {
      parts = [filter]
    }
    var papers: [LibraryPaper] = []
    for index in parts.indices {
      parts[index].order = .upvotes
      let room = limit.map { $0 - papers.count }
      if let room, room <= 0 { break }
      papers += try store.papers(parts[index], limit: room)
    }
    return Result(papers: papers, scores: nil)
  }

  /// How many ids one query asks for: the store orders a ranking by looking each row up in
  /// it, so a query costs the square of its length, and slices keep a whole listing linear.
  static let slice = 256

  /// The papers with these ids, in this order (a listing of any length, a slice at a time).
  static func papers(_ ids: [String], store: LibraryStore) throws -> [LibraryPaper] {
    var papers: [LibraryPaper] = []
    papers.reserveCapacity(ids.count)
    for start in stride(from: 0, to: ids.count, by: slice) {
      papers += try store.papers(
        PaperFilter(ranking: Array(ids[start..<min(ids.count, start + slice)])))
    }
    return papers
  }

  /// `papers` in the order of `ids`; those not in `ids` are left out.
  static func inOrder(_ papers: [LibraryPaper], ids: [String]) -> [LibraryPaper] {
    let byID = Dictionary(papers.map { ($0.paper.id, $0) }, uniquingKeysWith: { first, _ in first })
    return ids.compactMap { byID[$0] }
  }

  /// The for-you score of each of `papers`, or nil while there is no model. `filter` is what
  /// selected them when they are the whole selection (no --limit): then, when they are many,
  /// the selection is scored in one pass; otherwise a slice of ids at a time (``slice``).
  static func scores(
    of papers: [LibraryPaper], wholeSelection filter: PaperFilter?, store: LibraryStore
  ) throws -> [String: Double]? {
    guard !papers.isEmpty else { return try store.forYouModel() == nil ? nil : [:] }
    if let filter, papers.count > slice {
      return try store.forYouRanking(filter, limit: Int.max, exactCap: Int.max)?.scores
    }
    var scores: [String: Double] = [:]
    scores.reserveCapacity(papers.count)
    for start in stride(from: 0, to: papers.count, by: slice) {
      let ids = papers[start..<min(papers.count, start + slice)].map(\.paper.id)
      guard let ranking = try store.forYouRanking(PaperFilter(ranking: ids), limit: ids.count)
      else { return nil }
      scores.merge(ranking.scores) { first, _ in first }
    }
    return scores
  }

  /// How long a command waits for another process's write lock to save a retrained model.
  static let saveWait: TimeInterval = 0.2

  /// Brings the library's model up to date with its signals (a star, note, tag or dismissal
  /// since it learnt) before ranking: the reader retrains in the background, a command does
  /// it here (a fraction of a second at the caps of ``ForYouTrainingLimits``). It saves
  /// through a connection of its own that waits at most ``saveWait`` for the write lock, so a
  /// long import elsewhere never holds a listing up: a library that is busy or read-only keeps
  /// the model it has, and a warning says so.
  static func refreshModel(_ store: LibraryStore) throws {
    guard try store.isForYouModelStale else { return }
    guard !store.isReadOnly else {
      Output.warning("the for-you model is out of date: the library is read-only")
      return
    }
    do {
      let saver = try LibraryStore.open(at: store.path, busyTimeout: saveWait, writeWaitLimit: 0)
      try saver.retrainForYouModel()
    } catch {
      Output.warning("the for-you model is out of date: \(error.message)")
    }
  }

  /// How many more papers must be starred (or noted, or tagged) before the model learns.
  static func positivesNeeded(_ store: LibraryStore) throws -> Int {
    let positives = try store.forYouSignals().lazy.filter(\.signal.endsColdStart).count
    return max(1, ForYouModel.minimumPositives - positives)
  }

  /// The user's topics as one query node (any of them), nil when there are none.
  static func anyTopic(_ topics: TopicSet) -> QueryNode? {
    let nodes = topics.topics.map(\.node)
    return nodes.isEmpty ? nil : nodes.count == 1 ? nodes[0] : .or(nodes)
  }

  /// A score, weight or similarity as JSON: rounded to four decimals, null when there is none.
  static func json(_ score: Double?) -> JSONValue {
    guard let score, score.isFinite else { return .null }
    return .number((score * 10_000).rounded() / 10_000)
  }
}
