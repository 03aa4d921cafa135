import Foundation

/// What the user has done with a paper: read it, starred it, written a note, tagged it.
public struct PaperState: Hashable, Sendable {
  /// When the paper was marked read; nil while unread.
  public var readAt: Date?
  /// When the paper was starred; nil while not starred.
  public var starredAt: Date?
  /// The user's note; nil when there is none.
  public var note: String?
  /// The names of the user's tags on the paper, as first written, ordered by their folded
  /// form; empty when it has none.
  public var tags: [String]
  /// When the paper was dismissed ("not interested"); nil while it is not.
  public var dismissedAt: Date?

  public init(
    readAt: Date? = nil, starredAt: Date? = nil, note: String? = nil, tags: [String] = [],
    dismissedAt: Date? = nil
  ) {
    self.readAt = readAt
    self.starredAt = starredAt
    self.note = note
    self.tags = tags
    self.dismissedAt = dismissedAt
  }

  public var isRead: Bool { readAt != nil }
  public var isStarred: Bool { starredAt != nil }
  public var isDismissed: Bool { dismissedAt != nil }
}

/// A paper together with the user's state for it.
public struct LibraryPaper: Hashable, Sendable, Identifiable {
  public var paper: Paper
  public var state: PaperState
  /// What Semantic Scholar said when last asked (`folio enrich`); nil when never asked.
  public var scholar: ScholarFacts?

  public init(paper: Paper, state: PaperState = PaperState(), scholar: ScholarFacts? = nil) {
    self.paper = paper
    self.state = state
    self.scholar = scholar
  }

  public var id: String { paper.id }
}
