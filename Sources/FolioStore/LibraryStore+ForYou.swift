import FolioCore
import Foundation

// PLACEHOLDER until the store part of issue 19 lands (owned by the `store` helper, who
// replaces this file): the signatures the reader and the CLI build against.
extension LibraryStore {
  /// The papers `filter` selects, ranked by the library's for-you model, at most `limit`;
  /// nil while there is no model (fewer than three positive signals: the cold start).
  public func forYouRanking(_ filter: PaperFilter, limit: Int) throws(StoreError)
    -> ForYouRanking?
  {
    nil
  }

  /// Why paper `id` scores as it does under the library's model; nil with no model.
  public func forYouExplanation(id: String) throws(StoreError) -> ForYouExplanation? {
    nil
  }

  /// Records that the papers `ids` were read full screen or had their link opened, at `at`.
  public func recordSignal(_ signal: ViewSignal, ids: [String], at: Date) throws(StoreError) {}
}
