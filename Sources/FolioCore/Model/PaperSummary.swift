/// What a row of a paper list shows: enough to draw it, without the abstract.
public struct PaperSummary: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String
  public var day: Day
  public var upvotes: Int?
  public var isRead: Bool
  public var isStarred: Bool
  public var hasNote: Bool
  /// Names of the topics the paper matches, when the lister computed them.
  public var topics: [String]
  /// The user's tags on the paper (``PaperState/tags``), for the list's `tags` column.
  public var tags: [String]

  public init(
    id: String, title: String, day: Day, upvotes: Int? = nil, isRead: Bool = false,
    isStarred: Bool = false, hasNote: Bool = false, topics: [String] = [], tags: [String] = []
  ) {
    self.id = id
    self.title = title
    self.day = day
    self.upvotes = upvotes
    self.isRead = isRead
    self.isStarred = isStarred
    self.hasNote = hasNote
    self.topics = topics
    self.tags = tags
  }

  /// The summary of `entry`.
  public init(_ entry: LibraryPaper, topics: [String] = []) {
    self.init(
      id: entry.paper.id, title: entry.paper.title, day: entry.paper.day,
      upvotes: entry.paper.upvotes, isRead: entry.state.isRead, isStarred: entry.state.isStarred,
      hasNote: entry.state.note != nil, topics: topics, tags: entry.state.tags)
  }
}
