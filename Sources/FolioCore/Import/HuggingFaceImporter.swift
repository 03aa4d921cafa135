/// Reads Hugging Face daily papers JSON: an array of `{paper: {...}, publishedAt, ...}` items
/// (the daily list), or of flat paper objects (search results, `/api/papers/{id}`), or one
/// such object. Unknown fields are ignored; every field but the title is optional.
public struct HuggingFaceImporter: PaperImporter {
  public init() {}

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    guard let value = JSONInput.parse(data) else {
      throw ImportError(file: context.file, line: 1, reason: "not valid JSON")
    }
    let items: [Any]
    if let array = value as? [Any] {
      items = array
    } else if let object = value as? [String: Any] {
      items = [object]
    } else {
      throw ImportError(file: context.file, line: 1, reason: "expected a JSON array of papers")
    }
    for (index, item) in items.enumerated() {
      guard let object = item as? [String: Any] else {
        throw ImportError(file: context.file, reason: "item \(index + 1) is not a JSON object")
      }
      guard let paper = Self.paper(from: object, context: context) else {
        sink.skip(ImportError(file: context.file, reason: "item \(index + 1) has no title"))
        continue
      }
      try sink.add(paper)
    }
  }

  /// The paper an item describes: the `paper` object when wrapped, the item itself when flat.
  static func paper(from item: [String: Any], context: ImportContext) -> Paper? {
    let paper = item.object("paper") ?? item
    let title = paper.string("title") ?? item.string("title") ?? ""
    let summary = paper.string("summary") ?? item.string("summary") ?? ""
    let authors = (paper.array("authors") ?? []).compactMap { entry -> String? in
      guard let author = entry as? [String: Any], author["hidden"] as? Bool != true else {
        return nil
      }
      return author.string("name")
    }
    // The day the paper was featured is its listing day; the paper's own date is arXiv's.
    let wrapped = item.object("paper") != nil
    let featured =
      dayOfTimestamp(wrapped ? item.string("publishedAt") : nil)
      ?? dayOfTimestamp(paper.string("submittedOnDailyAt"))
    let published = dayOfTimestamp(paper.string("publishedAt"))
    var links = PaperLinks()
    links.github = paper.string("githubRepo")
    links.project = paper.string("projectPage")
    return Paper.fromSource(
      title: title, abstract: summary, authors: authors, arxivID: paper.string("id"),
      published: published, day: context.listingDay(featured ?? published), source: context.source,
      links: links, upvotes: paper.int("upvotes"),
      commentCount: item.int("numComments") ?? paper.int("numComments"),
      keywords: paper.strings("ai_keywords"), revised: featured)
  }
}
