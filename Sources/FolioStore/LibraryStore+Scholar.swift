import FolioCore
import Foundation

/// Semantic Scholar's facts in the library (issue 20, `folio enrich`).
///
/// PLACEHOLDER on main while the store work lands (branch h/s2store): the signatures are the
/// contract `folio enrich` builds on.
extension LibraryStore {
  /// A paper to ask Semantic Scholar about: its stable id and its arXiv id.
  public struct EnrichTarget: Hashable, Sendable {
    public var id: String
    public var arxivID: String

    public init(id: String, arxivID: String) {
      self.id = id
      self.arxivID = arxivID
    }
  }

  /// The papers `filter` lists that have an arXiv id and whose facts are missing or were
  /// asked for before `staleBefore`, in the filter's order, at most `limit` of them.
  public func papersToEnrich(_ filter: PaperFilter, staleBefore: Date, limit: Int) throws
    -> [EnrichTarget]
  {
    []
  }

  /// Keeps Semantic Scholar's answers: `facts[id]` for each paper id (its `checkedAt` is when
  /// it was asked; nil counts mean Semantic Scholar does not know the paper). One transaction.
  public func recordScholarFacts(_ facts: [String: ScholarFacts]) throws {}
}
