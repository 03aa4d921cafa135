import FolioCore
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
}
