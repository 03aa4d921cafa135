import FolioCore
import Foundation
import GRDB

/// Semantic Scholar's facts in the library (issue 20, `folio enrich`): the columns of migration
/// `v13-scholar`, read into every ``FolioCore/LibraryPaper`` as `scholar` (PaperColumns).
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
  /// asked for before `staleBefore`, in the filter's order, at most `limit` of them (none for
  /// a limit below one). Dismissed papers are left out as every listing leaves them out.
  public func papersToEnrich(_ filter: PaperFilter, staleBefore: Date, limit: Int) throws
    -> [EnrichTarget]
  {
    guard limit > 0 else { return [] }
    let (sql, arguments) = filter.select(
      "p.id, p.arxiv_id", limit: limit,
      extra: "p.arxiv_id IS NOT NULL AND (p.s2_checked_at IS NULL OR p.s2_checked_at < ?)",
      extraArguments: [staleBefore])
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map {
        EnrichTarget(id: $0["id"], arxivID: $0["arxiv_id"])
      }
    }
  }

  /// Keeps Semantic Scholar's answers: `facts[id]` for each paper id (its `checkedAt` is when
  /// it was asked; nil counts mean Semantic Scholar does not know the paper). One transaction:
  /// all of them are kept or none. An id the library does not have is passed over (nothing to
  /// attach the answer to). Counts below zero are kept as zero and the TL;DR is cleaned and
  /// cut to ``FolioCore/ScholarFacts/tldrScalarLimit`` code points here too, whoever the
  /// caller, so the library never holds what a paper's row could not show.
  public func recordScholarFacts(_ facts: [String: ScholarFacts]) throws {
    guard !facts.isEmpty else { return }
    try write { db in
      let statement = try db.cachedStatement(
        sql: """
          UPDATE paper SET s2_citations = ?, s2_influential_citations = ?, s2_tldr = ?,
            s2_checked_at = ?
          WHERE id = ?
          """)
      // Sorted, so the same answers write in the same order (and a failure is reproducible).
      for id in facts.keys.sorted() {
        let fact = facts[id]!
        try statement.execute(arguments: [
          fact.citations.map { max(0, $0) }, fact.influentialCitations.map { max(0, $0) },
          Self.storedTLDR(fact.tldr), fact.checkedAt, id,
        ])
      }
    }
  }

  /// A TL;DR as kept: one line, cleaned, at most ``FolioCore/ScholarFacts/tldrScalarLimit``
  /// code points; nil when nothing is left.
  static func storedTLDR(_ text: String?) -> String? {
    guard let text else { return nil }
    var cleaned = TextCleaner.clean(text)
    if cleaned.unicodeScalars.count > ScholarFacts.tldrScalarLimit {
      cleaned = String(
        String.UnicodeScalarView(cleaned.unicodeScalars.prefix(ScholarFacts.tldrScalarLimit)))
    }
    return cleaned.isEmpty ? nil : cleaned
  }
}
