import FolioCore
import FolioStore

/// Carries out the reader's changes to the library, each in its own durable transaction, and
/// says what came of them. It may wait for another process's write lock (up to the store's
/// ``LibraryStore/writeWaitLimit``), so the app calls it off the main loop.
public enum LibraryWriter {
  /// The outcome of `change` on `store`: what was done, or
  /// ``EffectOutcome/writeFailed(_:_:)`` with why nothing was.
  public static func perform(_ change: LibraryChange, on store: LibraryStore) -> EffectOutcome {
    do {
      switch change {
      case .setStarred(let id, let starred):
        try store.setStarred(starred, ids: [id])
        return .starred(id: id, starred)
      case .setRead(let id, let read, let announce):
        try store.setRead(read, ids: [id])
        return .read(id: id, read, announce: announce)
      case .markAllRead(let filter, let time):
        return .markedAllRead(count: try store.markAllRead(filter, at: time))
      case .setDismissed(let id, let dismissed):
        try store.setDismissed(dismissed, ids: [id])
        return .dismissed(id: id, dismissed)
      case .setNote(let id, let note):
        try store.setNote(note, id: id)
        return .noteRestored(id: id)
      case .unmarkRead(let time):
        return .unmarkedRead(count: try store.unmarkRead(at: time))
      case .setTagged(let id, let tag, let on):
        guard let name = TagName(tag) else { return .writeFailed(change, TagName.rule) }
        try store.setTagged(on, name: name, ids: [id])
        return .tagged(id: id, tag: tag, on)
      case .recordSignal(let signal, let id, let time):
        try store.recordSignal(signal, ids: [id], at: time)
        return .signalRecorded(signal, id: id)
      }
    } catch {
      return .writeFailed(change, error.message)
    }
  }
}

extension CountRequest {
  /// The counts asked for, read from `store`; the app calls this off the main loop.
  public func count(on store: LibraryStore) -> EffectOutcome {
    do {
      switch self {
      case .listing(let filter, let generation):
        return .counted(generation: generation, try store.counts(filter))
      case .topic(let index, let filter, let generation):
        return .countedTopic(index: index, generation: generation, try store.counts(filter))
      }
    } catch {
      return .failed(error.message)
    }
  }
}

extension LibraryChange {
  /// What the change is, for a message about it ("star 2401.00001").
  public var summary: String {
    switch self {
    case .setStarred(let id, let starred): "\(starred ? "star" : "unstar") \(id)"
    case .setRead(let id, let read, _): "mark \(id) \(read ? "read" : "unread")"
    case .markAllRead: "mark all shown read"
    case .setTagged(let id, let tag, let on): "\(on ? "tag" : "untag") \(id) \(tag)"
    case .setDismissed(let id, let dismissed): "\(dismissed ? "dismiss" : "bring back") \(id)"
    case .setNote(let id, _): "note on \(id)"
    case .unmarkRead: "mark unread again"
    case .recordSignal(let signal, let id, _):
      "record that \(id) was \(signal == .viewed ? "read full screen" : "opened")"
    }
  }
}

extension ReaderEffect {
  /// The outcome of a library change or a count made at once on `store`, on the caller's
  /// thread; nil for the app's effects. For tests and measurements: the app makes both off its
  /// main loop.
  public func outcomeAtOnce(on store: LibraryStore) -> EffectOutcome? {
    switch self {
    case .library(let change): LibraryWriter.perform(change, on: store)
    case .count(let request): request.count(on: store)
    case .app: nil
    }
  }
}
