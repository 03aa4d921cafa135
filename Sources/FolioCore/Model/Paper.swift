/// A research paper as Folio stores it: bibliographic data only, no per-user state.
public struct Paper: Hashable, Sendable {
  /// The stable id: the canonical arXiv id, or a hash of the title's letters and digits
  /// (see ``PaperIdentity``).
  public var id: String
  /// The canonical arXiv id, when known.
  public var arxivID: String?
  public var title: String
  public var abstract: String
  /// Author names in byline order.
  public var authors: [String]
  /// The date of the first version, when the source gives it.
  public var published: Day?
  /// The day the paper appeared in a daily listing.
  public var day: Day
  /// Where the record came from: `sample`, `text`, `hf`, `arxiv`, ...
  public var source: String
  public var links: PaperLinks
  /// Community upvotes (Hugging Face), when known.
  public var upvotes: Int?
  /// arXiv categories, the primary one first.
  public var categories: [String]
  /// Comments on the paper's Hugging Face page, when known.
  public var commentCount: Int?
  /// Keywords a source attached (Hugging Face's AI keywords).
  public var keywords: [String]
  /// The source's own date for this record, when it gives one: arXiv's last version
  /// (`updated`), the day Hugging Face featured it, the metadata snapshot's `update_date`.
  /// Tells which of two copies is newer when they are merged (see ``merging(_:)``).
  public var revised: Day?
  /// What Hugging Face adds: AI summary, GitHub stars, organisation, withdrawn mark.
  public var huggingFace: HuggingFaceDetails

  /// A paper with exactly these fields; no cleaning, no derivation.
  public init(
    id: String, arxivID: String?, title: String, abstract: String, authors: [String],
    published: Day?, day: Day, source: String, links: PaperLinks, upvotes: Int?,
    categories: [String], commentCount: Int? = nil, keywords: [String] = [], revised: Day? = nil,
    huggingFace: HuggingFaceDetails = HuggingFaceDetails()
  ) {
    self.id = id
    self.arxivID = arxivID
    self.title = title
    self.abstract = abstract
    self.authors = authors
    self.published = published
    self.day = day
    self.source = source
    self.links = links
    self.upvotes = upvotes
    self.categories = categories
    self.commentCount = commentCount
    self.keywords = keywords
    self.revised = revised
    self.huggingFace = huggingFace
  }

  /// A paper built from untrusted source fields: text is cleaned (see ``TextCleaner``), the
  /// arXiv id canonicalised, the stable id derived, links the abstract mentions extracted, and
  /// counts kept within ``ClampedCount``.
  ///
  /// Returns nil when the title is empty after cleaning.
  public static func fromSource(
    title: String, abstract: String, authors: [String] = [], arxivID: String? = nil,
    published: Day? = nil, day: Day, source: String, links: PaperLinks = PaperLinks(),
    upvotes: Int? = nil, categories: [String] = [], commentCount: Int? = nil,
    keywords: [String] = [], revised: Day? = nil,
    huggingFace: HuggingFaceDetails = HuggingFaceDetails()
  ) -> Paper? {
    let cleanTitle = TextCleaner.clean(title)
    guard !cleanTitle.isEmpty else { return nil }
    let cleanAbstract = TextCleaner.clean(abstract)
    let canonicalID = arxivID.flatMap { ArxivID.normalize($0) }
    var allLinks = links
    if let canonicalID {
      allLinks = PaperLinks(arxivID: canonicalID).merged(with: links)
    }
    let mentioned = LinkExtractor.links(in: cleanAbstract)
    allLinks = mentioned.merged(with: allLinks.cleaned)
    return Paper(
      id: PaperIdentity.stableID(arxivID: canonicalID, title: cleanTitle),
      arxivID: canonicalID,
      title: cleanTitle,
      abstract: cleanAbstract,
      authors: authors.map(TextCleaner.clean).filter { !$0.isEmpty },
      published: published,
      day: day,
      source: source,
      links: allLinks,
      upvotes: upvotes.map(ClampedCount.clamp),
      categories: categories.map(TextCleaner.clean).filter { !$0.isEmpty },
      commentCount: commentCount.map(ClampedCount.clamp),
      keywords: Self.cappedKeywords(keywords),
      // Only for ordering copies: a date outside the days Folio accepts is no date.
      revised: revised.flatMap { $0.isSupported ? $0 : nil },
      huggingFace: huggingFace.cleaned)
  }

  /// The most keywords a paper keeps from a source, and the most code points of one.
  public static let keywordLimit = 32
  public static let keywordScalarLimit = 100

  /// `keywords` cleaned, empty ones dropped, at most ``keywordLimit`` of them, each cut to
  /// ``keywordScalarLimit`` code points: a feed's keyword list is untrusted and unbounded.
  static func cappedKeywords(_ keywords: [String]) -> [String] {
    var kept: [String] = []
    for keyword in keywords where kept.count < keywordLimit {
      let cleaned = HuggingFaceDetails.clean(keyword, limit: keywordScalarLimit)
      if let cleaned { kept.append(cleaned) }
    }
    return kept
  }

  /// The title reduced for identity comparison (see ``PaperIdentity/titleKey(_:)``).
  public var titleKey: String { PaperIdentity.titleKey(title) }
}
