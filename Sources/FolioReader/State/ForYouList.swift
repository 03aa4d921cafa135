import FolioCore
import FolioStore

/// A for-you ranking the list shows: the For you view's (`f`: the last `for_you_days`
/// listing days' unread papers) or the for-you order's (`S`: the listing's own papers).
///
/// The ranking is made once, when the view is entered (or entered again) or the order's
/// filter changes, and then kept: starring, reading or dismissing a paper does not reshuffle
/// the rows under the user (a dismissed paper leaves it). Rows are loaded from it a slice at
/// a time, by position.
public struct ForYouList: Hashable, Sendable {
  /// The most papers one ranking holds: the view's and the order's first ``cap`` papers by
  /// score (or, in the cold start, by topics then upvotes).
  public static let cap = 1_000

  /// Stable ids, best first.
  public internal(set) var ids: [String]
  /// Each paper's score (0…1); empty in the cold start.
  public let scores: [String: Double]
  /// Whether every paper the filter selects was ranked (false when the store narrowed a large
  /// selection to candidates, or the selection had more than ``cap`` papers).
  public let isExact: Bool
  /// There is no model yet (fewer than three positive signals): the papers matching one of
  /// the user's topics come first, then the others, each by upvotes.
  public let isColdStart: Bool
  /// The filter ranked: the order ranks again when the listing's filter is another.
  let basis: PaperFilter
  /// The view: the paper selected before it was entered, to return to.
  var previousSelection: String?
  /// Papers dismissed while shown, with the position they had, so undoing the dismissal
  /// puts them back (bounded by the ranking's ``cap``).
  var removed: [String: Int] = [:]

  init(
    ids: [String], scores: [String: Double], isExact: Bool, isColdStart: Bool, basis: PaperFilter
  ) {
    self.ids = ids
    self.scores = scores
    self.isExact = isExact
    self.isColdStart = isColdStart
    self.basis = basis
  }

  /// Takes paper `id` out (it was dismissed); false when it was not there.
  mutating func remove(_ id: String) -> Bool {
    guard let index = ids.firstIndex(of: id) else { return false }
    ids.remove(at: index)
    removed[id] = index
    return true
  }

  /// Puts paper `id` back where it was, if it was taken out (its dismissal was undone).
  mutating func restore(_ id: String) -> Bool {
    guard let index = removed.removeValue(forKey: id), !ids.contains(id) else { return false }
    ids.insert(id, at: min(index, ids.count))
    return true
  }
}
