/// The merge rules of sync as a plain in-memory model: one device's reading state, its clock
/// and its log. The store follows the same rules in SQL (FolioStore's sync); the property
/// test checks the rules converge, and the store's tests check it against this model.
///
/// Last writer wins per (paper, field): a change is applied when its clock is later than the
/// clock of the change that last set that field (ties cannot happen: clocks differ at least
/// in their device). Each tag is a field of its own, so two devices adding different tags
/// both keep theirs.
public struct SyncReplica: Sendable {
  /// One paper's merged state.
  public struct PaperState: Hashable, Sendable {
    public var starred = false
    public var read = false
    public var dismissed = false
    /// The for-you signals: read full screen, opened the link or PDF.
    public var viewed = false
    public var opened = false
    public var note: String?
    /// The tags on, by key, with the spelling of the change that set them.
    public var tags: [String: String] = [:]

    public init() {}
  }

  /// Where a field's value came from.
  struct Slot: Hashable {
    var paper: String
    var field: SyncField
  }

  /// This device's clock: the last timestamp it handed out or saw.
  public private(set) var clock: HybridClock
  /// Each paper's state, by ``SyncPaperKey/identity``.
  public private(set) var papers: [String: PaperState] = [:]
  /// The changes this device made, in order: its log.
  public private(set) var log: [SyncChange] = []
  /// The winning clock per (paper, field).
  private var winners: [Slot: HybridClock] = [:]

  public init(device: String) {
    clock = .start(device: device)
  }

  /// The device's id.
  public var device: String { clock.device }

  /// Makes a change here at wall time `now` (ms): stamps it with the next clock, applies it
  /// and appends it to the log. Returns the change.
  @discardableResult
  public mutating func make(_ edit: SyncEdit, on paper: SyncPaperKey, now: Int64) -> SyncChange {
    clock = clock.next(now: now)
    let change = SyncChange(clock: clock, paper: paper, edit: edit)
    log.append(change)
    _ = apply(change)
    return change
  }

  /// Takes in another device's changes: each is applied if it is later than what set its
  /// field, and the clock moves past all of them. Returns how many were applied. Taking in a
  /// change twice changes nothing the second time.
  @discardableResult
  public mutating func receive(_ changes: some Sequence<SyncChange>) -> Int {
    var applied = 0
    for change in changes {
      clock = clock.observing(change.clock)
      if apply(change) { applied += 1 }
    }
    return applied
  }

  /// Applies `change` when it wins its field; whether it did.
  private mutating func apply(_ change: SyncChange) -> Bool {
    let slot = Slot(paper: change.paper.identity, field: change.field)
    if let winner = winners[slot], winner >= change.clock { return false }
    winners[slot] = change.clock
    var state = papers[slot.paper] ?? PaperState()
    switch change.edit {
    case .starred(let on): state.starred = on
    case .read(let on): state.read = on
    case .dismissed(let on): state.dismissed = on
    case .viewed(let on): state.viewed = on
    case .opened(let on): state.opened = on
    case .note(let text): state.note = text
    case .tag(let name, let on): state.tags[name.key] = on ? name.name : nil
    }
    papers[slot.paper] = state
    return true
  }
}
