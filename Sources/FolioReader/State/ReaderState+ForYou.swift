import FolioCore
import FolioQuery
import FolioStore

/// For you (issue 19): the view (`f`), the for-you order (`S`), the cold start and the "why"
/// line. Each ranking is one store call bounded by ``ForYouList/cap`` (two or three indexed
/// walks of at most that many rows in the cold start), made when the view is entered or the
/// order's filter changes, never per key or per row.
extension ReaderState {
  // MARK: - The view

  /// The papers the For you view ranks: the unread papers of the newest
  /// ``ReaderSettings/forYouDays`` listing days (listing days, not calendar days: a library
  /// last fetched a month ago still has a view); nil with no days.
  var forYouViewBasis: PaperFilter? {
    guard !days.isEmpty else { return nil }
    var basis = PaperFilter(state: .unread)
    let count = max(1, settings.forYouDays)
    if days.count > count { basis.condition = .day(.greaterOrEqual, days[count - 1]) }
    return basis
  }

  /// `f`: the For you view, freshly ranked (also when it is already shown: `f` ranks again).
  mutating func showForYou() {
    guard let basis = forYouViewBasis else {
      status = StatusMessage("no listing days yet")
      return
    }
    let previous =
      listing.forYouView?.previousSelection ?? similar?.previousSelection ?? detail?.id
    do {
      var ranked = try rankForYou(basis)
      ranked.previousSelection = previous
      listing.similar = nil
      listing.forYouView = ranked
    } catch {
      report(error)
      return
    }
    // The view opens on the list, even from the reading view: its first paper is not one
    // the user chose to read.
    mode = .list
    focus = .list
    restartListing(keeping: nil)
    status = forYouStatus
  }

  /// Back from the For you view to the listing, on the paper that was selected there.
  mutating func leaveForYou() {
    guard let left = listing.forYouView else { return }
    listing.forYouView = nil
    restartListing(keeping: left.previousSelection, lookUp: true)
  }

  /// What the status line says on entering the view or the order.
  var forYouStatus: StatusMessage? {
    guard let ranked = listing.forYou else { return nil }
    if ranked.isColdStart {
      return StatusMessage(Self.coldStartHint)
    }
    if ranked.ids.isEmpty { return StatusMessage("nothing to rank here") }
    return nil
  }

  /// How the user teaches For you, said wherever it has not learnt yet.
  static let coldStartHint = "star a few papers to teach For you"

  // MARK: - The for-you order

  /// Ranks the listing's papers for the for-you order when the order is in force and its
  /// filter changed since the last ranking (a new query, scope, hiding read papers); a
  /// restart for any other reason (a write, another process's change) keeps the ranking, so
  /// rows do not move under the user. While the search line is open the listing shows the
  /// search in listing order, ranked once when it is applied (not on every key).
  mutating func rankForYouOrderIfNeeded() {
    guard listing.order == .forYou else {
      listing.forYouOrder = nil
      return
    }
    let basis = listing.forYouBasis
    guard listing.forYouOrder?.basis != basis else { return }
    listing.forYouOrder = nil
    if case .search = mode { return }
    do {
      listing.forYouOrder = try rankForYou(basis)
    } catch {
      report(error)
    }
  }

  /// After a key in the search line: once the line is closed, the for-you order ranks the
  /// search it left.
  mutating func rankForYouOrderAfterSearch() {
    if case .search = mode { return }
    guard listing.order == .forYou, listing.forYouView == nil, similar == nil,
      listing.forYouOrder?.basis != listing.forYouBasis
    else { return }
    restartListing(keeping: detail?.id, lookUp: true)
  }

  // MARK: - Ranking

  /// `basis` ranked by the library's model, or by the cold start's rule while there is none.
  func rankForYou(_ basis: PaperFilter) throws(StoreError) -> ForYouList {
    // One more than the cap: a ranking cut at the cap is not every paper, and says so.
    if let ranking = try library.forYouRanking(basis, limit: ForYouList.cap + 1) {
      return ForYouList(
        ids: Array(ranking.ids.prefix(ForYouList.cap)), scores: ranking.scores,
        isExact: ranking.isExact && ranking.ids.count <= ForYouList.cap, isColdStart: false,
        basis: basis)
    }
    return try coldStart(basis)
  }

  /// The cold start: the newest ``ForYouList/cap`` papers of `basis` matching one of the
  /// user's topics, by upvotes, then the newest others, by upvotes. Two walks of the listing
  /// that stop after the cap, so the cost does not grow with the library.
  func coldStart(_ basis: PaperFilter) throws(StoreError) -> ForYouList {
    var ids: [String] = []
    var seen = Set<String>()
    var complete = true
    func add(_ rows: [ListedPaper]) {
      if rows.count >= ForYouList.cap { complete = false }
      let summaries = rows.map(\.summary).enumerated().sorted {
        let (left, right) = ($0.element.upvotes ?? -1, $1.element.upvotes ?? -1)
        return left != right ? left > right : $0.offset < $1.offset
      }
      for (_, summary) in summaries where ids.count < ForYouList.cap {
        if seen.insert(summary.id).inserted { ids.append(summary.id) }
      }
    }
    if let topical = topicalFilter(basis) {
      add(try library.listing(topical, from: .position(0), limit: ForYouList.cap))
    }
    if ids.count < ForYouList.cap {
      add(try library.listing(basis, from: .position(0), limit: ForYouList.cap))
    }
    return ForYouList(ids: ids, scores: [:], isExact: complete, isColdStart: true, basis: basis)
  }

  /// `basis` narrowed to the papers of any of the user's topics; nil with no topics, or when
  /// they do not compile together (then the cold start is by upvotes alone).
  func topicalFilter(_ basis: PaperFilter) -> PaperFilter? {
    let names = settings.topics.topics.map(\.name)
    guard !names.isEmpty else { return nil }
    let text = names.map(Self.topicQuery).joined(separator: " OR ")
    guard let node = try? QueryParser.parse(text), let topics = try? compile(node)
    else { return nil }
    var filter = basis
    let matches = [basis.match, topics.match].compactMap { $0 }
    filter.match = matches.count > 1 ? .and(matches) : matches.first
    let conditions = [basis.condition, topics.condition].compactMap { $0 }
    filter.condition = conditions.count > 1 ? .and(conditions) : conditions.first
    return filter
  }

  // MARK: - Dismissing in a ranking

  /// A dismissal (or its undoing) committed while a for-you ranking is shown: the paper
  /// leaves the ranking (or comes back to its place); nothing else moves. False when no
  /// ranking on screen holds it.
  mutating func applyDismissedInForYou(id: String, _ dismissed: Bool) -> Bool {
    if listing.forYouView != nil, similar == nil {
      return dismissed ? listing.forYouView!.remove(id) : listing.forYouView!.restore(id)
    }
    if listing.order == .forYou, listing.forYouOrder != nil, listing.forYouView == nil,
      similar == nil
    {
      return dismissed ? listing.forYouOrder!.remove(id) : listing.forYouOrder!.restore(id)
    }
    return false
  }

  // MARK: - The "why" line

  /// Reads why the selected paper scores as it does, when a for-you ranking with a model is
  /// on screen (one bounded store call per paper selected).
  mutating func loadExplanation() {
    guard let id = detail?.id, let ranked = listing.forYou, !ranked.isColdStart else {
      selection.explanation = nil
      return
    }
    guard selection.explanation?.id != id else { return }
    do {
      selection.explanation = try library.forYouExplanation(id: id).map {
        SelectedPaper.Explanation(id: id, value: $0)
      }
    } catch {
      selection.explanation = nil
      report(error)
    }
  }

  /// The detail pane's "why" line for the selected paper, while a for-you ranking is shown:
  /// its score and the words, authors and categories that raised (+) and lowered (−) it.
  public var forYouWhy: String? {
    guard let ranked = listing.forYou, let id = detail?.id else { return nil }
    if ranked.isColdStart {
      return "not learnt yet: your topics first, then upvotes; \(Self.coldStartHint)"
    }
    guard let explanation = selection.explanation, explanation.id == id else { return nil }
    return Self.whyText(explanation.value)
  }

  /// Contributions the "why" line names: the heaviest raising and lowering ones.
  static let whyRaising = 4
  static let whyLowering = 2

  /// `0.82 · +graph · +Ada Lovelace · −protein` (each sign on its word, so a wrapped line
  /// never leaves one alone).
  static func whyText(_ explanation: ForYouExplanation) -> String {
    let raising = explanation.contributions.filter { $0.contribution > 0 }.prefix(whyRaising)
    let lowering = explanation.contributions.filter { $0.contribution < 0 }.prefix(whyLowering)
    let parts =
      [scoreText(explanation.score)] + raising.map { "+\($0.label)" }
      + lowering.map { "−\($0.label)" }
    return parts.joined(separator: " · ")
  }

  /// A score as the list and the "why" line show it: two decimals.
  public static func scoreText(_ score: Double) -> String {
    let clamped = score.isNaN ? 0 : min(max(score, 0), 1)
    let hundredths = Int((clamped * 100).rounded())
    return hundredths == 100 ? "1.00" : "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
  }
}
