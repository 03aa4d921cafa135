import FolioCore
import FolioReader
import FolioStore

/// What happens the first time Folio opens a library.
enum FirstRun {
  /// Loads the bundled sample as today's listing when the library has never imported anything,
  /// so a new user sees real papers at once. Returns the summary when it did.
  @discardableResult
  static func loadSampleIfNew(_ store: LibraryStore) throws -> ImportSummary? {
    guard !store.isReadOnly, try store.importRunCount() == 0, try store.count() == 0 else {
      return nil
    }
    let context = ImportContext(
      file: BundledSample.fileName, day: Day.today(), source: BundledSample.source)
    return try store.importPapers(
      file: BundledSample.fileName, format: ImportFormat.text.rawValue, source: BundledSample.source
    ) { session in
      try TextListingImporter().read(BundledSample.bytes, context: context, into: &session)
    }
  }

  /// The status line's first-run message: the keys to start with first (so they survive a
  /// narrow terminal), then what happened and how to add papers. Keys as `keymap` binds them.
  static func greeting(papers: Int, keymap: Keymap) -> String {
    func key(_ action: Action) -> String { keymap.keys(for: action).first?.description ?? "?" }
    return
      "\(key(.moveDown))/\(key(.moveUp)) move · \(key(.toggleStar)) star · \(key(.help)) help"
      + " — new library: \(papers) sample papers; add yours with folio import"
  }
}
