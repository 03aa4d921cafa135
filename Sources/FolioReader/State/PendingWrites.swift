/// The reader's library changes that were asked for and whose outcome has not come back: the
/// app makes them off the main loop, and one may wait minutes for another process's write
/// lock. The list shows such a paper's star or read mark as pending, never as done.
///
/// It holds one entry per paper with a change in flight, so it is bounded by the keys the user
/// pressed since the writer last caught up.
public struct PendingWrites: Hashable, Sendable {
  /// The value last asked for and how many changes to it are still in flight.
  struct Entry: Hashable, Sendable {
    var value: Bool
    var inFlight: Int
  }

  var stars: [String: Entry] = [:]
  var reads: [String: Entry] = [:]
  var dismissals: [String: Entry] = [:]
  /// Mark-all-read changes (and their undoing, and notes written back) in flight.
  var bulk = 0
  /// Tag changes in flight, per paper.
  var tags: [String: Int] = [:]

  public init() {}

  /// How many changes are in flight.
  public var count: Int {
    stars.values.reduce(0) { $0 + $1.inFlight } + reads.values.reduce(0) { $0 + $1.inFlight }
      + dismissals.values.reduce(0) { $0 + $1.inFlight } + bulk + tags.values.reduce(0, +)
  }

  public var isEmpty: Bool {
    stars.isEmpty && reads.isEmpty && dismissals.isEmpty && bulk == 0 && tags.isEmpty
  }

  /// Whether a tag change to paper `id` is in flight.
  public func tagging(_ id: String) -> Bool { tags[id] != nil }

  /// The dismissal last asked for paper `id`, while that change is in flight.
  public func dismissed(_ id: String) -> Bool? { dismissals[id]?.value }

  /// The star state last asked for paper `id`, while that change is in flight.
  public func starred(_ id: String) -> Bool? { stars[id]?.value }

  /// The read state last asked for paper `id`, while that change is in flight.
  public func read(_ id: String) -> Bool? { reads[id]?.value }

  /// Records that `change` was handed to the writer.
  mutating func begin(_ change: LibraryChange) {
    switch change {
    case .setStarred(let id, let starred): Self.begin(id, starred, in: &stars)
    case .setRead(let id, let read, _): Self.begin(id, read, in: &reads)
    case .setDismissed(let id, let dismissed): Self.begin(id, dismissed, in: &dismissals)
    case .markAllRead, .setNote, .unmarkRead: bulk += 1
    case .setTagged(let id, _, _): tags[id, default: 0] += 1
    case .recordSignal: break  // teaches For you; nothing on screen waits for it
    }
  }

  /// Records that `change` came back, done or not. The paper's mark stays pending while a
  /// later change to it is still in flight.
  mutating func end(_ change: LibraryChange) {
    switch change {
    case .setStarred(let id, _): Self.end(id, in: &stars)
    case .setRead(let id, _, _): Self.end(id, in: &reads)
    case .setDismissed(let id, _): Self.end(id, in: &dismissals)
    case .markAllRead, .setNote, .unmarkRead: bulk = max(0, bulk - 1)
    case .setTagged(let id, _, _):
      if let count = tags[id] { tags[id] = count > 1 ? count - 1 : nil }
    case .recordSignal: break
    }
  }

  private static func begin(_ id: String, _ value: Bool, in entries: inout [String: Entry]) {
    entries[id] = Entry(value: value, inFlight: (entries[id]?.inFlight ?? 0) + 1)
  }

  private static func end(_ id: String, in entries: inout [String: Entry]) {
    guard let entry = entries[id] else { return }
    entries[id] = entry.inFlight > 1 ? Entry(value: entry.value, inFlight: entry.inFlight - 1) : nil
  }
}
