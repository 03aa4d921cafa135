/// What the for-you model reads of a paper: its words, people and labels. Built from a
/// ``Paper`` or straight from the store's columns, so scoring needs no full paper.
public struct RecommendDocument: Hashable, Sendable {
  public var title: String
  public var abstract: String
  /// Author names as written; each whole name is one feature.
  public var authors: [String]
  /// arXiv categories (`cs.LG`).
  public var categories: [String]
  /// Hugging Face's AI keywords.
  public var keywords: [String]

  public init(
    title: String, abstract: String, authors: [String] = [], categories: [String] = [],
    keywords: [String] = []
  ) {
    self.title = title
    self.abstract = abstract
    self.authors = authors
    self.categories = categories
    self.keywords = keywords
  }

  /// The document of `paper`.
  public init(_ paper: Paper) {
    self.init(
      title: paper.title, abstract: paper.abstract, authors: paper.authors,
      categories: paper.categories, keywords: paper.keywords)
  }
}
