import FolioCore
import FolioStore

/// Triage (`i`): the unread papers of the view, one card at a time, in the view's order.
///
/// It walks the view's unread papers by keyset (the next card is the first unread paper after
/// the current one's sort key), so each step is one indexed read of one row, anywhere in a
/// million papers, and a paper starred or dismissed a moment ago (its write maybe still
/// pending) is never shown twice. The cards seen are remembered, up to
/// ``UndoLog/capacity``, so that undoing a step brings its card back.
public struct Triage: Hashable, Sendable {
  /// The card on screen; nil once every unread paper of the view has been seen.
  public internal(set) var card: LibraryPaper?
  /// The card's sort key, from which the next card is looked for.
  var sortKey: Int64?
  /// The card's place among the view's unread papers, from 1.
  public internal(set) var step = 1
  /// The view's unread papers when triage began; nil when they were not counted yet (a
  /// search or all days at a million papers), then the header shows `12/…`.
  public internal(set) var total: Int?
  /// How far the card's text is scrolled.
  public internal(set) var scroll = 0
  /// The view's listing, narrowed to unread papers.
  let filter: PaperFilter
  /// The cards passed, newest last, at most ``UndoLog/capacity``.
  var passed: [Seen] = []

  /// A card passed: the paper, where it was in the walk, and its place.
  struct Seen: Hashable, Sendable {
    var id: String
    var sortKey: Int64
    var step: Int
  }

  init(filter: PaperFilter, total: Int?) {
    var unread = filter
    unread.state = .unread
    unread.keepsPaper = nil
    self.filter = unread
    self.total = total
  }

  /// "12/284", or "12/…" while the total is unknown; "done" after the last card.
  public var progress: String {
    guard card != nil else { return "done" }
    let total = self.total.map { NumberText.grouped(max($0, step)) } ?? "…"
    return "\(NumberText.grouped(step))/\(total)"
  }

  /// Loads the card after the current one (the first when there is none yet) from `library`.
  mutating func advance(_ library: any LibraryReading) throws(StoreError) {
    let start: ListingStart = sortKey.map { .after($0) } ?? .position(0)
    if let card, let sortKey {
      passed.append(Seen(id: card.id, sortKey: sortKey, step: step))
      if passed.count > UndoLog.capacity { passed.removeFirst(passed.count - UndoLog.capacity) }
      step += 1
    }
    scroll = 0
    guard let next = try library.listing(filter, from: start, limit: 1).first else {
      card = nil
      return
    }
    card = try library.paper(id: next.summary.id)
    sortKey = next.sortKey
  }

  /// Brings back the card of paper `id`, if it was passed: undoing a step shows its paper
  /// again. False when it was not (then the card stays).
  mutating func goBack(to id: String, _ library: any LibraryReading) throws(StoreError) -> Bool {
    guard let index = passed.lastIndex(where: { $0.id == id }) else { return false }
    let seen = passed[index]
    guard let paper = try library.paper(id: id) else { return false }
    passed.removeSubrange(index...)
    card = paper
    sortKey = seen.sortKey
    step = seen.step
    scroll = 0
    return true
  }

  /// Reads the card's paper again (its star or note changed).
  mutating func reloadCard(_ library: any LibraryReading) {
    guard let id = card?.id, let paper = try? library.paper(id: id) else { return }
    card = paper
  }

  mutating func scroll(by lines: Int, maximum: Int) {
    scroll = min(max(0, scroll + lines), max(0, maximum))
  }
}
