import FolioCore
import Foundation
import GRDB

/// One change of this library's reading state a sync would make (`folio sync --dry-run`).
public struct SyncPreviewItem: Hashable, Sendable {
  /// The paper's id in this library.
  public var id: String
  /// Its title as stored (untrusted: print it inert).
  public var title: String
  /// The field's value the sync would leave (for a tag, on or off).
  public var edit: SyncEdit

  public init(id: String, title: String, edit: SyncEdit) {
    self.id = id
    self.title = title
    self.edit = edit
  }
}

/// What a dry run found: the counts, and the fields whose value would change.
public struct SyncPreview: Hashable, Sendable {
  /// Changes that would set their field, wait, or be overruled (as a real sync counts them).
  public var result = SyncApplyResult()
  /// The first changes of the library's state, one per paper and field, in the order the
  /// logs first touch them; at most the `listing` limit given.
  public var items: [SyncPreviewItem] = []
  /// How many paper fields would change in all (`items` and the ones left out).
  public var changed = 0

  public init() {}
}

/// A dry run's handle on the library, inside one write transaction that is rolled back at its
/// end (``LibraryStore/previewSync(listing:_:)``): other devices' changes are applied as a
/// sync would, chunk by chunk, so the later ones see the earlier ones, and nothing is kept.
public final class SyncPreviewSession {
  let db: Database
  let tracker = SyncPreviewTracker()
  var result = SyncApplyResult()

  init(_ db: Database) {
    self.db = db
  }

  /// How far this library has read `device`'s log; nil before the first read.
  public func peerPosition(device: String) throws -> SyncPeerPosition? {
    try LibraryStore.peerPosition(device: device, db)
  }

  /// Applies `changes` in the dry run's transaction; what a sync would have done with them.
  @discardableResult
  public func apply(_ changes: [SyncChange]) throws -> SyncApplyResult {
    let outcome = try LibraryStore.apply(changes, advancing: nil, db, tracker: tracker)
    result.applied += outcome.applied
    result.waiting += outcome.waiting
    result.superseded += outcome.superseded
    return outcome
  }
}

/// Remembers each paper field's value before a dry run first set it, so its end lists only
/// the fields whose value changed (a change that wins its field may set what is already
/// there), once each however many changes touched them. Memory follows the fields touched.
final class SyncPreviewTracker {
  struct Slot: Hashable {
    var seq: Int64
    var field: SyncField
  }

  /// A field's value, comparable whatever the field.
  enum Value: Equatable {
    case flag(Bool)
    case note(String?)
  }

  private var order: [Slot] = []
  private var before: [Slot: Value] = [:]

  /// Called before a change sets `field` of the paper at `seq`.
  func willSet(seq: Int64, field: SyncField, _ db: Database) throws {
    let slot = Slot(seq: seq, field: field)
    guard before[slot] == nil else { return }
    before[slot] = try Self.value(slot, db)
    order.append(slot)
  }

  /// The fields whose value differs now from before, the first `limit` of them listed.
  func preview(listing limit: Int, _ db: Database) throws -> (items: [SyncPreviewItem], Int) {
    var items: [SyncPreviewItem] = []
    var changed = 0
    for slot in order {
      let now = try Self.value(slot, db)
      guard now != before[slot] else { continue }
      changed += 1
      guard items.count < limit,
        let row = try Row.fetchOne(
          db, sql: "SELECT id, title FROM paper WHERE seq = ?", arguments: [slot.seq])
      else { continue }
      let edit: SyncEdit? =
        switch (slot.field, now) {
        case (.starred, .flag(let on)): .starred(on)
        case (.read, .flag(let on)): .read(on)
        case (.dismissed, .flag(let on)): .dismissed(on)
        case (.viewed, .flag(let on)): .viewed(on)
        case (.opened, .flag(let on)): .opened(on)
        case (.note, .note(let text)): .note(text)
        case (.tag(let key), .flag(let on)): try Self.tagName(key, db).map { .tag($0, on) }
        default: nil
        }
      guard let edit else { continue }
      items.append(SyncPreviewItem(id: row["id"], title: row["title"], edit: edit))
    }
    return (items, changed)
  }

  private static func value(_ slot: Slot, _ db: Database) throws -> Value {
    let column: String
    switch slot.field {
    case .starred: column = "starred_at"
    case .read: column = "read_at"
    case .dismissed: column = "dismissed_at"
    case .viewed: column = "viewed_at"
    case .opened: column = "opened_at"
    case .note:
      return .note(
        try String.fetchOne(
          db, sql: "SELECT note FROM paper_state WHERE paper_seq = ?", arguments: [slot.seq]))
    case .tag(let key):
      return .flag(
        try Bool.fetchOne(
          db,
          sql: """
            SELECT EXISTS (SELECT 1 FROM paper_tag pt JOIN tag t ON t.id = pt.tag_id
              WHERE pt.paper_seq = ? AND t.key = ?)
            """, arguments: [slot.seq, key]) ?? false)
    }
    return .flag(
      try Bool.fetchOne(
        db, sql: "SELECT \(column) IS NOT NULL FROM paper_state WHERE paper_seq = ?",
        arguments: [slot.seq]) ?? false)
  }

  /// The tag's name as this library spells it, else as its key (a tag the sync removed
  /// from its last paper is gone from the tag table).
  private static func tagName(_ key: String, _ db: Database) throws -> TagName? {
    let name = try String.fetchOne(db, sql: "SELECT name FROM tag WHERE key = ?", arguments: [key])
    return TagName(name ?? key)
  }
}

extension LibraryStore {
  /// A dry run of a sync (`folio sync --dry-run`): `body` applies other devices' changes
  /// through the session in one write transaction that is then rolled back, so nothing
  /// changes; returns the counts and the first `limit` paper fields whose value would change.
  /// An error `body` throws is rethrown as it is.
  public func previewSync(
    listing limit: Int, _ body: (SyncPreviewSession) throws -> Void
  ) throws -> SyncPreview {
    if isReadOnly { throw StoreError.readOnly(path: path) }
    var bodyError: (any Error)?
    var preview = SyncPreview()
    do {
      try retryingWhileBusy {
        try writer.writeWithoutTransaction { db in
          // Immediate: the write lock is taken before `body` runs, so a busy library is
          // retried here and never half way through `body`.
          try db.inTransaction(.immediate) {
            let session = SyncPreviewSession(db)
            do {
              try body(session)
              preview.result = session.result
              (preview.items, preview.changed) = try session.tracker.preview(listing: limit, db)
            } catch {
              bodyError = error
            }
            return .rollback
          }
        }
      }
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
    if let bodyError {
      throw bodyError is DatabaseError ? StoreError.wrapping(bodyError, path: path) : bodyError
    }
    return preview
  }
}
