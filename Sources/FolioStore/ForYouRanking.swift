import FolioCore

/// Papers ranked by the for-you model: what `folio list --sort for-you`, the reader's For you
/// view and its for-you order show.
public struct ForYouRanking: Hashable, Sendable {
  /// Stable ids, best first.
  public var ids: [String]
  /// The score of each paper in ``ids`` (0…1).
  public var scores: [String: Double]
  /// Whether every paper the filter selects was scored; false when a large selection was
  /// narrowed to candidates found through the full-text index first.
  public var isExact: Bool

  public init(ids: [String], scores: [String: Double], isExact: Bool) {
    self.ids = ids
    self.scores = scores
    self.isExact = isExact
  }
}

/// Why one paper scores as it does.
public struct ForYouExplanation: Hashable, Sendable {
  public var score: Double
  /// The features that raised the score (positive contributions, heaviest first) and those
  /// that lowered it (negative, heaviest first).
  public var contributions: [ForYouContribution]

  public init(score: Double, contributions: [ForYouContribution]) {
    self.score = score
    self.contributions = contributions
  }
}

/// A reader action that teaches the model without changing what the user sees: reading a
/// paper full screen, opening its link or PDF.
public enum ViewSignal: String, Hashable, Sendable {
  case viewed, opened
}
