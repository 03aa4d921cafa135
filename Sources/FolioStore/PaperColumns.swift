import FolioCore
import Foundation
import GRDB

/// How a ``Paper`` and its ``PaperState`` map to the columns of `paper` and `paper_state`.
enum PaperColumns {
  /// The columns selected for a full ``LibraryPaper``, from `paper p LEFT JOIN paper_state s`.
  static let selection = """
    p.seq, p.id, p.arxiv_id, p.title, p.abstract, p.authors, p.published, p.day, p.source,
    p.links, p.upvotes, p.categories, p.comments, p.keywords, p.revised, s.read_at, s.starred_at,
    s.note, s.dismissed_at, p.hf_summary, p.github_stars, p.org_name, p.org_fullname, p.submitted_by, p.withdrawn,
    p.s2_citations, p.s2_influential_citations, p.s2_tldr, p.s2_checked_at,
    \(tagsSelection)
    """

  /// The paper's tag names as a JSON array, ordered by key: one lookup in `paper_tag`'s
  /// per-paper index for each row read.
  static let tagsSelection = """
    (SELECT json_group_array(name) FROM (SELECT t.name FROM paper_tag pt JOIN tag t ON t.id = pt.tag_id
      WHERE pt.paper_seq = p.seq ORDER BY t.key)) AS tags
    """

  static func paper(_ row: Row) -> Paper {
    let links = decodeLinks(row["links"])
    return Paper(
      id: row["id"],
      arxivID: row["arxiv_id"],
      title: inert(row["title"]),
      abstract: inert(row["abstract"]),
      authors: decodeList(row["authors"]).map { inert($0) },
      published: (row["published"] as String?).flatMap { Day($0) },
      day: Day(row["day"] as String) ?? Day(year: 1970, month: 1, day: 1)!,
      source: inert(row["source"]),
      links: links.labelled.contains { TextCleaner.needsCleaning($0.url) } ? links.cleaned : links,
      upvotes: row["upvotes"],
      categories: decodeList(row["categories"]).map { inert($0) },
      commentCount: row["comments"],
      keywords: decodeList(row["keywords"]).map { inert($0) },
      revised: (row["revised"] as String?).flatMap { Day($0) },
      huggingFace: huggingFace(row))
  }

  /// The Hugging Face columns (migration `v10-hf-fields`), text made inert.
  static func huggingFace(_ row: Row) -> HuggingFaceDetails {
    HuggingFaceDetails(
      summary: (row["hf_summary"] as String?).map { inert($0) },
      githubStars: row["github_stars"],
      organization: (row["org_name"] as String?).map {
        PaperOrganization(
          name: inert($0), fullName: (row["org_fullname"] as String?).map { inert($0) })
      },
      submittedBy: (row["submitted_by"] as String?).map { inert($0) },
      isWithdrawn: (row["withdrawn"] as Int64? ?? 0) != 0)
  }

  static func libraryPaper(_ row: Row) -> LibraryPaper {
    LibraryPaper(
      paper: paper(row),
      state: PaperState(
        readAt: row["read_at"], starredAt: row["starred_at"],
        note: (row["note"] as String?).map { inert($0, multiline: true) },
        tags: decodeList(row["tags"]).map { inert($0) },
        dismissedAt: row["dismissed_at"]),
      scholar: scholar(row))
  }

  /// Semantic Scholar's facts (migration `v13-scholar`): nil when never asked; the TL;DR
  /// made inert like every other text.
  static func scholar(_ row: Row) -> ScholarFacts? {
    guard let checkedAt = row["s2_checked_at"] as Date? else { return nil }
    return ScholarFacts(
      citations: row["s2_citations"], influentialCitations: row["s2_influential_citations"],
      tldr: (row["s2_tldr"] as String?).map { inert($0) }, checkedAt: checkedAt)
  }

  /// `text` as Folio would have stored it. Folio cleans text before storing it, but a library
  /// written by something else (a script, another tool) may hold escape sequences; cleaning
  /// on the way out too keeps them from every terminal Folio writes to.
  static func inert(_ text: String, multiline: Bool = false) -> String {
    guard TextCleaner.needsCleaning(text, multiline: multiline) else { return text }
    return multiline ? TextCleaner.cleanMultiline(text) : TextCleaner.clean(text)
  }

  /// Column values for `paper`, in the order of ``paperColumnNames``; `titleKey` when the
  /// caller has already made it.
  static func values(
    _ paper: Paper, titleKey: String? = nil
  ) -> [(any DatabaseValueConvertible)?] {
    [
      paper.id, paper.arxivID, titleKey ?? paper.titleKey, paper.title, paper.abstract,
      encodeList(paper.authors), paper.published?.description, paper.day.description,
      paper.source, encodeLinks(paper.links), paper.upvotes, encodeList(paper.categories),
      paper.commentCount, encodeList(paper.keywords), paper.revised?.description,
      paper.huggingFace.summary, paper.huggingFace.githubStars,
      paper.huggingFace.organization?.name,
      paper.huggingFace.organization?.fullName, paper.huggingFace.submittedBy,
      paper.huggingFace.isWithdrawn ? 1 : 0,
    ]
  }

  static let paperColumnNames = [
    "id", "arxiv_id", "title_key", "title", "abstract", "authors", "published", "day", "source",
    "links", "upvotes", "categories", "comments", "keywords", "revised",
    "hf_summary", "github_stars", "org_name", "org_fullname", "submitted_by", "withdrawn",
  ]

  // MARK: - JSON columns

  static func encodeList(_ items: [String]) -> String {
    "[" + items.map(quote).joined(separator: ",") + "]"
  }

  static func decodeList(_ text: String?) -> [String] {
    guard let text else { return [] }
    if let items = JSONStrings.list(text) { return items }
    guard let data = text.data(using: .utf8) else { return [] }
    return (try? JSONDecoder().decode([String].self, from: data)) ?? []
  }

  static func encodeLinks(_ links: PaperLinks) -> String {
    let pairs = [
      ("abs", links.abs), ("pdf", links.pdf), ("github", links.github), ("project", links.project),
      ("hf", links.hf),
    ]
    return "{"
      + pairs.compactMap { key, value in value.map { "\(quote(key)):\(quote($0))" } }
      .joined(separator: ",") + "}"
  }

  static func decodeLinks(_ text: String?) -> PaperLinks {
    guard let text else { return PaperLinks() }
    if let members = JSONStrings.object(text) {
      return PaperLinks(
        abs: members["abs"], pdf: members["pdf"], github: members["github"],
        project: members["project"], hf: members["hf"])
    }
    guard let data = text.data(using: .utf8) else { return PaperLinks() }
    return (try? JSONDecoder().decode(PaperLinks.self, from: data)) ?? PaperLinks()
  }

  /// A JSON string literal for `text`.
  static func quote(_ text: String) -> String {
    var out = ""
    JSONValue.quote(text, into: &out)
    return out
  }
}
