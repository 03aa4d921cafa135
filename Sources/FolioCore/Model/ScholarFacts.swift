import Foundation

/// What Semantic Scholar said about a paper when Folio last asked (issue 20, `folio enrich`):
/// citation counts and its TL;DR. Kept in the library with the time it was asked, so a paper
/// is asked again only when the answer is old.
public struct ScholarFacts: Hashable, Sendable {
  /// How many papers cite it; nil when Semantic Scholar does not know the paper (never 0 for
  /// "unknown").
  public var citations: Int?
  /// How many of those Semantic Scholar counts as influential citations; nil when unknown.
  public var influentialCitations: Int?
  /// Semantic Scholar's machine-written one-sentence summary (`tldr.text`), cleaned and cut to
  /// ``tldrScalarLimit`` code points; nil when it has none.
  public var tldr: String?
  /// When Folio asked.
  public var checkedAt: Date

  public init(
    citations: Int? = nil, influentialCitations: Int? = nil, tldr: String? = nil,
    checkedAt: Date
  ) {
    self.citations = citations
    self.influentialCitations = influentialCitations
    self.tldr = tldr
    self.checkedAt = checkedAt
  }

  /// The most code points of a stored TL;DR (they are a sentence; this bounds a hostile one).
  public static let tldrScalarLimit = 2_000

  /// How long an answer is good for: older ones are asked again (issue 20: 7 days).
  public static let freshFor: TimeInterval = 7 * 86_400

  /// Whether Semantic Scholar knows the paper (it answered with a record, not null).
  public var isKnown: Bool { citations != nil }
}
