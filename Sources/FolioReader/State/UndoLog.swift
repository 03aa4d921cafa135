import FolioStore

/// The reader's undo: for each state change it made (star, read, dismiss, note, mark all
/// read, and any other invertible ``LibraryChange`` such as a tag), the change that puts back
/// the state it replaced, newest last. `u` hands the newest back to the writer as an ordinary
/// change, durable like any other.
///
/// A ring of at most ``capacity`` entries: the oldest is dropped when a new one would pass it,
/// so a long session holds a fixed amount. Undoing does not record anything (there is no redo).
public struct UndoLog: Hashable, Sendable {
  /// How many steps back `u` can go: at least 100, as promised to the user.
  public static let capacity = 128

  /// One step: the change that undoes it, and what it was, for the status line
  /// ("star 2401.00001").
  public struct Entry: Hashable, Sendable {
    public var undo: LibraryChange
    public var summary: String

    public init(undo: LibraryChange, summary: String) {
      self.undo = undo
      self.summary = summary
    }
  }

  private var ring: [Entry] = []
  /// Where the next entry goes once the ring is full.
  private var start = 0
  /// The undo handed to the writer whose outcome has not come back, with what it undid: its
  /// outcome's message becomes "undid …".
  var awaited: Entry?

  public init() {}

  /// How many steps can be undone.
  public var count: Int { ring.count }

  /// Records that the reader made a change undone by `entry.undo`.
  public mutating func record(_ entry: Entry) {
    if ring.count < Self.capacity {
      ring.append(entry)
    } else {
      ring[start] = entry
      start = (start + 1) % Self.capacity
    }
  }

  /// The newest step, taken off the log; nil when there is nothing to undo.
  public mutating func takeLast() -> Entry? {
    guard !ring.isEmpty else { return nil }
    if ring.count < Self.capacity || start == 0 {
      return ring.removeLast()
    }
    // Full and wrapped: the newest is just before `start`. Unroll the ring into order so the
    // rest of the log stays a plain array from here on.
    ring = Array(ring[start...] + ring[..<start])
    start = 0
    return ring.removeLast()
  }
}

extension LibraryChange {
  /// The change that puts back what this one replaced, when the reader made it from the
  /// state it showed: a toggle's inverse is the other value, a mark-all-read's is unmarking
  /// its one timestamp. Nil for what is not undone: the automatic mark-as-read (not the user's
  /// decision), and the inverses themselves. A note's inverse needs the text it replaced, so
  /// the state records it where it knows it.
  public var inverse: LibraryChange? {
    switch self {
    case .setStarred(let id, let starred): .setStarred(id: id, starred: !starred)
    case .setRead(let id, let read, let announce):
      announce ? .setRead(id: id, read: !read, announce: true) : nil
    case .markAllRead(_, let time): .unmarkRead(at: time)
    case .setDismissed(let id, let dismissed): .setDismissed(id: id, dismissed: !dismissed)
    case .setTagged(let id, let tag, let on): .setTagged(id: id, tag: tag, on: !on)
    case .setNote, .unmarkRead: nil
    // What the user did (read, opened) happened: there is nothing to put back.
    case .recordSignal: nil
    }
  }

  /// Whether `outcome` is what this change came to (done or failed).
  func isAnswered(by outcome: EffectOutcome) -> Bool {
    switch (self, outcome) {
    case (.setStarred(let id, let starred), .starred(let doneID, let done)):
      id == doneID && starred == done
    case (.setRead(let id, let read, _), .read(let doneID, let done, _)):
      id == doneID && read == done
    case (.setDismissed(let id, let dismissed), .dismissed(let doneID, let done)):
      id == doneID && dismissed == done
    case (.setTagged(let id, let tag, let on), .tagged(let doneID, let doneTag, let done)):
      id == doneID && tag == doneTag && on == done
    case (.setNote(let id, _), .noteRestored(let doneID)): id == doneID
    case (.unmarkRead, .unmarkedRead): true
    case (.recordSignal(let signal, let id, _), .signalRecorded(let doneSignal, let doneID)):
      signal == doneSignal && id == doneID
    case (_, .writeFailed(let change, _)): change == self
    default: false
    }
  }
}
