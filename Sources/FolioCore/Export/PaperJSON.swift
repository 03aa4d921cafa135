/// The JSON shape of a paper in `folio list --format json` and `folio export --format json`.
///
/// Keys, in this order and always present (null when unknown): `id`, `arxiv_id`, `title`,
/// `authors` (array), `abstract`, `day`, `published`, `source`, `links` (object with `abs`,
/// `pdf`, `github`, `project`), `upvotes`, `categories` (array), `topics` (array), `starred`,
/// `read` (booleans), `note`, `dismissed` (boolean). Documented in docs/export.md; the schema only ever grows.
public enum PaperJSON {
  /// One paper as a JSON object; `topics` are the names of the topics it matches.
  public static func value(_ entry: LibraryPaper, topics: [String] = []) -> JSONValue {
    let paper = entry.paper
    return .object([
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
      ("dismissed", .bool(entry.state.isDismissed)),
    ])
  }

  /// `papers` as a JSON array document, ending in a newline.
  public static func document(_ papers: [LibraryPaper]) -> String {
    JSONValue.array(papers.map { value($0) }).rendered() + "\n"
  }
}
