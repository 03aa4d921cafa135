import FolioCore

/// A paper reduced to what queries look at, for evaluating them in memory.
public struct SearchDocument: Sendable {
  public var id: String
  public var arxivID: String?
  public var source: String
  public var day: Day
  public var upvotes: Int?
  public var isStarred: Bool
  public var isRead: Bool
  public var hasNote: Bool
  public var hasCode: Bool
  /// Search tokens of the title, abstract and author names (see ``SearchTokenizer``).
  public var titleTokens: [String]
  public var abstractTokens: [String]
  public var authorTokens: [String]

  public init(_ entry: LibraryPaper) {
    let paper = entry.paper
    id = paper.id
    arxivID = paper.arxivID
    source = paper.source
    day = paper.day
    upvotes = paper.upvotes
    isStarred = entry.state.isStarred
    isRead = entry.state.isRead
    hasNote = entry.state.note != nil
    hasCode = paper.links.github != nil
    titleTokens = SearchTokenizer.tokens(paper.title)
    abstractTokens = SearchTokenizer.tokens(paper.abstract)
    authorTokens = SearchTokenizer.tokens(paper.authors.joined(separator: "\n"))
  }
}
