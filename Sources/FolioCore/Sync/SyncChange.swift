/// How devices name one paper: its arXiv id when it has one, and its title key
/// (``PaperIdentity/titleKey(_:)``). A device matches a change to its own copy by arXiv id,
/// else by title key (see the store's sync).
public struct SyncPaperKey: Hashable, Sendable {
  /// The canonical arXiv id (``ArxivID/normalize(_:)``), or nil for a paper without one.
  public var arxivID: String?
  /// The paper's title key; never empty.
  public var titleKey: String

  public init(arxivID: String?, titleKey: String) {
    self.arxivID = arxivID
    self.titleKey = titleKey
  }

  /// One string per paper for in-memory models: the arXiv id, else the title key marked as
  /// such (an arXiv id never starts with "title:").
  public var identity: String { arxivID ?? "title:" + titleKey }
}

/// What a change sets: one field of a paper's reading state.
public enum SyncEdit: Hashable, Sendable {
  case starred(Bool)
  case read(Bool)
  case dismissed(Bool)
  /// The note's text, nil when removed.
  case note(String?)
  /// One tag on (true) or off: tags merge per tag.
  case tag(TagName, Bool)
  /// The for-you signal "read full screen" (`paper_state.viewed_at`). Folio only ever sets
  /// it (true); false clears it, for completeness of the format.
  case viewed(Bool)
  /// The for-you signal "opened the link or PDF" (`paper_state.opened_at`); set-only like
  /// ``viewed(_:)``.
  case opened(Bool)

  /// The field the edit sets: last-writer-wins is per paper and field.
  public var field: SyncField {
    switch self {
    case .starred: .starred
    case .read: .read
    case .dismissed: .dismissed
    case .note: .note
    case .tag(let name, _): .tag(key: name.key)
    case .viewed: .viewed
    case .opened: .opened
    }
  }
}

/// A field of a paper's state as the sync merges it; each tag is a field of its own.
public enum SyncField: Hashable, Sendable, CustomStringConvertible {
  case starred, read, dismissed, note
  /// The for-you signals: read full screen, opened the link or PDF.
  case viewed, opened
  /// One tag, by its case-folded key (``TagName/key``).
  case tag(key: String)

  /// The field's name in the store and in messages: `starred`, `read`, `dismissed`, `note`,
  /// `viewed`, `opened`, `tag:KEY`.
  public var description: String {
    switch self {
    case .starred: "starred"
    case .read: "read"
    case .dismissed: "dismissed"
    case .note: "note"
    case .viewed: "viewed"
    case .opened: "opened"
    case .tag(let key): "tag:" + key
    }
  }
}

/// One change of one paper's reading state, stamped with the clock of the device that made it.
public struct SyncChange: Hashable, Sendable {
  public var clock: HybridClock
  public var paper: SyncPaperKey
  public var edit: SyncEdit

  public init(clock: HybridClock, paper: SyncPaperKey, edit: SyncEdit) {
    self.clock = clock
    self.paper = paper
    self.edit = edit
  }

  /// The field the change sets.
  public var field: SyncField { edit.field }
}
