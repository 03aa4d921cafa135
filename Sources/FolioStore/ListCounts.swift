/// The counts a listing's header shows.
public struct ListCounts: Hashable, Sendable {
  public var total: Int
  public var unread: Int
  public var starred: Int

  public init(total: Int = 0, unread: Int = 0, starred: Int = 0) {
    self.total = total
    self.unread = unread
    self.starred = starred
  }
}
