/// Reads arXiv Atom feeds: the export API (`/api/query`) and the new-submissions Atom feed.
///
/// Ids are canonicalised (scheme and version dropped), hard-wrapped titles and abstracts
/// collapsed, the primary category put first, abs and PDF links kept. The listing day is the
/// first version's date (`published`) unless `--day` says otherwise. Entries announced as
/// replacements only update papers already in the library.
///
/// The feed is read entry by entry as it is parsed, so memory holds one entry, not the feed.
public struct ArxivAtomImporter: PaperImporter {
  public init() {}

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    var root: XMLTreeElement?
    var isFeed = false
    // The export API reports errors as a feed whose only entry is titled "Error", so the first
    // entry waits until a second one (or the end) shows it is not such a report.
    var first: XMLTreeElement?
    var entries = 0
    func hand(_ entry: XMLTreeElement) throws {
      guard let paper = Self.paper(entry, context: context) else {
        sink.skip(
          ImportError(file: context.file, line: entry.line, reason: "entry without a title"))
        return
      }
      if AnnounceType.isUpdate(entry.text("announce_type", in: FeedNamespace.arxiv)) {
        try sink.update(paper)
      } else {
        try sink.add(paper)
      }
    }
    // Entries are read one at a time (the children of the root, depth 2) and dropped once
    // handed on: memory holds one entry, however large the feed.
    try XMLTreeElement.stream(data, file: context.file, treeDepth: 2) { event in
      switch event {
      case .open(let element, depth: 1):
        root = element
        isFeed = element.name == "feed" && element.namespace == FeedNamespace.atom
      case .element(let entry, _)
      where isFeed && entry.name == "entry" && entry.namespace == FeedNamespace.atom:
        entries += 1
        if entries == 1 {
          first = entry
          return
        }
        if let waiting = first {
          first = nil
          try hand(waiting)
        }
        try hand(entry)
      case .progress(let bytesRead):
        sink.progress(bytesRead: bytesRead)
      default:
        break
      }
    }
    guard isFeed else {
      throw ImportError(
        file: context.file, line: root?.line ?? 1,
        reason: "not an Atom feed (root element <\(root?.name ?? "")>)")
    }
    guard let first else { return }
    if first.text("title", in: FeedNamespace.atom)?.trimmingCharacters(
      in: .whitespacesAndNewlines) == "Error"
    {
      let message =
        first.text("summary", in: FeedNamespace.atom).map(TextCleaner.clean) ?? "unknown error"
      throw ImportError(
        file: context.file, line: first.line, reason: "the feed reports an error: \(message)")
    }
    try hand(first)
  }

  static func paper(_ entry: XMLTreeElement, context: ImportContext) -> Paper? {
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
