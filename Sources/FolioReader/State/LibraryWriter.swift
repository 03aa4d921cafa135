import FolioStore

/// Carries out the reader's effects that change the library, each in its own durable
/// transaction, and says what came of them.
public enum LibraryWriter {
  /// The outcome of `effect` on `store`, or nil when `effect` is not a library change (opening
  /// links and the clipboard are the terminal's business).
  public static func perform(_ effect: ReaderEffect, on store: LibraryStore) -> EffectOutcome? {
    do {
      switch effect {
      case .setStarred(let id, let starred):
        try store.setStarred(starred, ids: [id])
        return .starred(id: id, starred)
      case .setRead(let id, let read, let announce):
        try store.setRead(read, ids: [id])
        return .read(id: id, read, announce: announce)
      case .markAllRead(let filter):
        return .markedAllRead(count: try store.markAllRead(filter))
      case .countListing(let filter, let generation):
        return .counted(generation: generation, try store.counts(filter))
      case .countTopic(let index, let filter, let generation):
        return .countedTopic(index: index, generation: generation, try store.counts(filter))
      case .openURL, .copyToClipboard, .saveTheme, .exportStarred, .fetch, .editNote:
        return nil
      }
    } catch {
      return .failed(error.message)
    }
  }
}
