extension Paper {
  /// This paper updated with what another import of the same paper says.
  ///
  /// Which copy is newer is told by the sources' own dates (``revised``), not by the order of
  /// imports: a copy dated before this one (an older Hugging Face file, an earlier arXiv
  /// version) only fills in what this one lacks; a copy of the same or a later date, or an
  /// undated one (a text listing), wins where it says something (a non-empty title, abstract,
  /// author, category or keyword list; a known publication date; each link it has). Counts
  /// that only grow (upvotes, comments, GitHub stars) keep the larger, whichever copy has it.
  ///
  /// The arXiv id, once known, becomes the stable id. The listing day and the source stay
  /// those of the first import: a paper never moves to another day under the reader (an arXiv
  /// feed, whose day is the first version's, would move a paper Hugging Face featured days
  /// later back to before the user read it).
  public func merging(_ other: Paper) -> Paper {
    var merged = self
    if merged.arxivID == nil, let arxivID = other.arxivID {
      merged.arxivID = arxivID
      merged.id = arxivID
    }
    let otherIsOlder = other.revised.map { theirs in revised.map { theirs < $0 } ?? false } ?? false
    let (newer, older) = otherIsOlder ? (self, other) : (other, self)
    merged.title = newer.title.isEmpty ? older.title : newer.title
    merged.abstract = newer.abstract.isEmpty ? older.abstract : newer.abstract
    merged.authors = newer.authors.isEmpty ? older.authors : newer.authors
    merged.categories = newer.categories.isEmpty ? older.categories : newer.categories
    merged.keywords = newer.keywords.isEmpty ? older.keywords : newer.keywords
    merged.published = newer.published ?? older.published
    merged.links = older.links.merged(with: newer.links)
    merged.upvotes = Self.larger(upvotes, other.upvotes)
    merged.commentCount = Self.larger(commentCount, other.commentCount)
    merged.revised = Self.larger(revised, other.revised)
    // Stars keep the larger count inside; a withdrawn mark stays.
    merged.huggingFace = older.huggingFace.merged(with: newer.huggingFace)
    return merged
  }

  /// The larger of two optional values; the known one when only one is.
  private static func larger<T: Comparable>(_ a: T?, _ b: T?) -> T? {
    guard let a else { return b }
    guard let b else { return a }
    return max(a, b)
  }
}
