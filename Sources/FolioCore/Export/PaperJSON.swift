/// The JSON shape of a paper in `folio list --format json` and `folio export --format json`.
///
/// Keys, in this order and always present (null when unknown): `id`, `arxiv_id`, `title`,
/// `authors` (array), `abstract`, `day`, `published`, `source`, `links` (object with `abs`,
/// `pdf`, `github`, `project`, `hf`), `upvotes`, `categories` (array), `comments`, `keywords`
/// (array), `topics` (array), `starred`, `read` (booleans), `note`, `tags` (array of tag names),
/// `dismissed` (boolean), then Hugging Face's `summary`, `github_stars`, `organization`
/// (`{name, fullname}`), `withdrawn`, then Semantic Scholar's `citations`,
/// `influential_citations`, `tldr` (null when never asked or unknown to it). Documented in
/// docs/export.md; the schema only ever grows.
public enum PaperJSON {
  /// One paper as a JSON object; `topics` are the names of the topics it matches.
  public static func value(_ entry: LibraryPaper, topics: [String] = []) -> JSONValue {
    let paper = entry.paper
    return .object(
      [
        ("id", .string(paper.id)),
        ("arxiv_id", .string(paper.arxivID)),
        ("title", .string(paper.title)),
        ("authors", .array(paper.authors.map(JSONValue.string))),
        ("abstract", .string(paper.abstract)),
        ("day", .string(paper.day.description)),
        ("published", .string(paper.published?.description)),
        ("source", .string(paper.source)),
        (
          "links",
          .object([
            ("abs", .string(paper.links.abs)),
            ("pdf", .string(paper.links.pdf)),
            ("github", .string(paper.links.github)),
            ("project", .string(paper.links.project)),
            ("hf", .string(paper.links.hf)),
          ])
        ),
        ("upvotes", .int(paper.upvotes)),
        ("categories", .array(paper.categories.map(JSONValue.string))),
        ("comments", .int(paper.commentCount)),
        ("keywords", .array(paper.keywords.map(JSONValue.string))),
        ("topics", .array(topics.map(JSONValue.string))),
        ("starred", .bool(entry.state.isStarred)),
        ("read", .bool(entry.state.isRead)),
        ("note", .string(entry.state.note)),
        ("tags", .array(entry.state.tags.map(JSONValue.string))),
        ("dismissed", .bool(entry.state.isDismissed)),
      ] + huggingFace(paper.huggingFace) + scholar(entry.scholar))
  }

  /// The Semantic Scholar keys (issue 20): `citations`, `influential_citations` (integers) and
  /// `tldr` (string), each null when Folio never asked or Semantic Scholar does not know the
  /// paper (null, never 0, for unknown).
  static func scholar(_ facts: ScholarFacts?) -> [(String, JSONValue)] {
    [
      ("citations", .int(facts?.citations)),
      ("influential_citations", .int(facts?.influentialCitations)),
      ("tldr", .string(facts?.tldr)),
    ]
  }

  /// The Hugging Face keys (hf, issue 18): `summary` (string or null), `github_stars`,
  /// `organization` (object with `name` and `fullname`, or null), `withdrawn` (boolean).
  static func huggingFace(_ details: HuggingFaceDetails) -> [(String, JSONValue)] {
    [
      ("summary", .string(details.summary)),
      ("github_stars", .int(details.githubStars)),
      (
        "organization",
        details.organization.map {
          .object([("name", .string($0.name)), ("fullname", .string($0.fullName))])
        } ?? .null
      ),
      ("withdrawn", .bool(details.isWithdrawn)),
    ]
  }

  /// `papers` as a JSON array document, ending in a newline.
  public static func document(_ papers: [LibraryPaper]) -> String {
    JSONValue.array(papers.map { value($0) }).rendered() + "\n"
  }
}
