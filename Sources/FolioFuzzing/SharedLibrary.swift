import FolioCore
import FolioStore

/// An in-memory library the targets share, replaced every so often so it stays small and a
/// run stays fast. Fuzzing is single-threaded.
enum SharedLibrary {
  nonisolated(unsafe) private static var current: LibraryStore?
  nonisolated(unsafe) private static var uses = 0

  static func store() throws -> LibraryStore {
    uses += 1
    if let current, uses % 500 != 0 { return current }
    let store = try LibraryStore.inMemory()
    _ = try store.importPapers(file: "seed", format: "text", source: "fuzz") { session in
      try TextListingImporter().read(
        Array(seedListing.utf8),
        context: ImportContext(
          file: "seed", day: Day(year: 2026, month: 11, day: 26)!, source: "text"),
        into: &session)
    }
    current = store
    return store
  }

  /// A few papers for queries to find.
  static let seedListing = """
    Diffusion Models for Person Re-Identification
    We study diffusion models and person re-identification on 3 benchmarks.

    A Survey of Large Language Models
    Large language models (LLMs) are surveyed; see https://github.com/folio/llm.

    Attention Is All You Need
    The Transformer relies on attention, dispensing with recurrence and convolutions.

    """
}
