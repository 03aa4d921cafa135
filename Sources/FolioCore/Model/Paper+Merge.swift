extension Paper {
  /// This paper updated with what a later import of the same paper says.
  ///
  /// Newer metadata wins where it says something (a non-empty title, abstract, author list or
  /// category list; a known date or upvote count; each link it has). The arXiv id, once known,
  /// becomes the stable id. The listing day is the earliest day the paper was listed, and the
  /// source stays the one that first brought it, so re-importing an old file moves nothing.
  public func merging(_ newer: Paper) -> Paper {
    var merged = self
    if merged.arxivID == nil, let arxivID = newer.arxivID {
      merged.arxivID = arxivID
      merged.id = arxivID
    }
    if !newer.title.isEmpty { merged.title = newer.title }
    if !newer.abstract.isEmpty { merged.abstract = newer.abstract }
    if !newer.authors.isEmpty { merged.authors = newer.authors }
    if !newer.categories.isEmpty { merged.categories = newer.categories }
    if !newer.keywords.isEmpty { merged.keywords = newer.keywords }
    merged.commentCount = newer.commentCount ?? commentCount
    merged.published = newer.published ?? published
    merged.upvotes = newer.upvotes ?? upvotes
    merged.day = min(day, newer.day)
    merged.links = links.merged(with: newer.links)
    return merged
  }
}
