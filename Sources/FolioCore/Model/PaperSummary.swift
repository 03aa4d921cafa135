/// What a row of a paper list shows: enough to draw it, without the abstract.
public struct PaperSummary: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String
  public var day: Day
  public var upvotes: Int?
  public var isRead: Bool
  public var isStarred: Bool
  public var hasNote: Bool

  public init(
    id: String, title: String, day: Day, upvotes: Int? = nil, isRead: Bool = false,
    isStarred: Bool = false, hasNote: Bool = false
  ) {
    self.id = id
    self.title = title
    self.day = day
    self.upvotes = upvotes
    self.isRead = isRead
    self.isStarred = isStarred
    self.hasNote = hasNote
  }
}
