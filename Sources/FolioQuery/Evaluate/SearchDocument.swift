import FolioCore

/// A paper reduced to what queries look at, for evaluating them in memory.
public struct SearchDocument: Sendable {
  public var id: String
  public var arxivID: String?
  public var source: String
  public var day: Day
  public var upvotes: Int?
  /// Semantic Scholar's citation count; nil when never asked or unknown to it.
  public var citations: Int?
  public var isStarred: Bool
  public var isRead: Bool
  public var isDismissed: Bool
  public var hasNote: Bool
  public var hasCode: Bool
  /// The folded keys of the paper's tags (``FolioCore/TagName/key``).
  public var tagKeys: Set<String>
  /// Search tokens of the title, abstract and author names (see ``SearchTokenizer``).
  public var title: TokenIndex
  public var abstract: TokenIndex
  public var authors: TokenIndex
  /// arXiv categories, Hugging Face keywords, the organisation's handle and display name.
  public var categories: [String]
  public var keywords: [String]
  public var organization: [String]
  public var hasSummary: Bool
  public var isWithdrawn: Bool

  public init(_ entry: LibraryPaper) {
    let paper = entry.paper
    id = paper.id
    arxivID = paper.arxivID
    source = paper.source
    day = paper.day
    upvotes = paper.upvotes
    citations = entry.scholar?.citations
    isStarred = entry.state.isStarred
    isRead = entry.state.isRead
    isDismissed = entry.state.isDismissed
    hasNote = entry.state.note != nil
    hasCode = paper.links.github != nil
    tagKeys = Set(entry.state.tags.map(TagName.key))
    title = TokenIndex(SearchTokenizer.tokens(paper.title))
    abstract = TokenIndex(SearchTokenizer.tokens(paper.abstract))
    authors = TokenIndex(SearchTokenizer.tokens(paper.authors.joined(separator: "\n")))
    categories = paper.categories
    keywords = paper.keywords
    let organization = paper.huggingFace.organization
    self.organization = [organization?.name, organization?.fullName].compactMap { $0 }
    hasSummary = paper.huggingFace.summary != nil
    isWithdrawn = paper.huggingFace.isWithdrawn
  }
}
