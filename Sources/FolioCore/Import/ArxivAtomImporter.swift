/// Reads arXiv Atom feeds: the export API (`/api/query`) and the new-submissions Atom feed.
///
/// Ids are canonicalised (scheme and version dropped), hard-wrapped titles and abstracts
/// collapsed, the primary category put first, abs and PDF links kept. The listing day is the
/// first version's date (`published`) unless `--day` says otherwise. Entries announced as
/// replacements only update papers already in the library.
public struct ArxivAtomImporter: PaperImporter {
  public init() {}

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    let feed = try XMLElement.parse(data, file: context.file)
    guard feed.name == "feed", feed.namespace == FeedNamespace.atom else {
      throw ImportError(
        file: context.file, line: feed.line,
        reason: "not an Atom feed (root element <\(feed.name)>)")
    }
    let entries = feed.all("entry", in: FeedNamespace.atom)
    // The export API reports errors as a feed whose only entry is titled "Error".
    if entries.count == 1,
      entries[0].text("title", in: FeedNamespace.atom)?.trimmingCharacters(
        in: .whitespacesAndNewlines) == "Error"
    {
      let message =
        entries[0].text("summary", in: FeedNamespace.atom).map(TextCleaner.clean) ?? "unknown error"
      throw ImportError(
        file: context.file, line: entries[0].line, reason: "the feed reports an error: \(message)")
    }
    for entry in entries {
      guard let paper = Self.paper(entry, context: context) else {
        sink.skip(
          ImportError(file: context.file, line: entry.line, reason: "entry without a title"))
        continue
      }
      if AnnounceType.isUpdate(entry.text("announce_type", in: FeedNamespace.arxiv)) {
        try sink.update(paper)
      } else {
        try sink.add(paper)
      }
    }
  }

  static func paper(_ entry: XMLElement, context: ImportContext) -> Paper? {
    let atom = FeedNamespace.atom
    let id = entry.text("id", in: atom).flatMap { ArxivID.normalize($0) }
    let authors = entry.all("author", in: atom).compactMap { $0.text("name", in: atom) }
    let primary = entry.first("primary_category", in: FeedNamespace.arxiv)?.attributes["term"]
    var categories = entry.all("category", in: atom).compactMap { $0.attributes["term"] }
    if let primary {
      categories.removeAll { $0 == primary }
      categories.insert(primary, at: 0)
    }
    var links = PaperLinks()
    for link in entry.all("link", in: atom) {
      guard let href = link.attributes["href"] else { continue }
      if link.attributes["title"] == "pdf" || link.attributes["type"] == "application/pdf" {
        links.pdf = href
      } else if link.attributes["rel"] == "alternate" {
        links.abs = href
      }
    }
    let published = dayOfTimestamp(
      entry.text("published", in: atom)?.trimmingCharacters(in: .whitespacesAndNewlines))
    return Paper.fromSource(
      title: entry.text("title", in: atom) ?? "", abstract: entry.text("summary", in: atom) ?? "",
      authors: authors, arxivID: id, published: published, day: context.listingDay(published),
      source: context.source, links: id == nil ? links : PaperLinks(), categories: categories,
      revised: dayOfTimestamp(
        entry.text("updated", in: atom)?.trimmingCharacters(in: .whitespacesAndNewlines)))
  }
}
