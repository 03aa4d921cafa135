/// Reads arXiv's RSS feeds of new submissions (`/rss/cs.LG`).
///
/// The id comes from the item's link or guid, the abstract from the description after
/// "Abstract:", authors from `dc:creator` (commas inside parentheses, as in affiliations, do
/// not separate authors; affiliations are dropped), the listing day from `pubDate`.
/// Replacement announcements update papers already in the library; they are not new papers.
public struct ArxivRSSImporter: PaperImporter {
  public init() {}

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    let rss = try XMLElement.parse(data, file: context.file)
    guard rss.name == "rss", let channel = rss.first("channel", in: "") else {
      throw ImportError(
        file: context.file, line: rss.line, reason: "not an RSS feed (root element <\(rss.name)>)")
    }
    let channelDay = dayOfRFC822(
      channel.text("pubDate", in: "") ?? channel.text("lastBuildDate", in: ""))
    for item in channel.all("item", in: "") {
      guard let paper = Self.paper(item, channelDay: channelDay, context: context) else {
        sink.skip(ImportError(file: context.file, line: item.line, reason: "item without a title"))
        continue
      }
      if AnnounceType.isUpdate(item.text("announce_type", in: FeedNamespace.arxiv)) {
        try sink.update(paper)
      } else {
        try sink.add(paper)
      }
    }
  }

  static func paper(_ item: XMLElement, channelDay: Day?, context: ImportContext) -> Paper? {
    let id = [item.text("link", in: ""), item.text("guid", in: "")].compactMap { $0 }
      .lazy.compactMap { ArxivID.normalize($0) }.first
    var abstract = item.text("description", in: "") ?? ""
    if let range = abstract.range(of: "Abstract:") {
      abstract = String(abstract[range.upperBound...])
    }
    let categories = item.all("category", in: "").map(\.text)
    let day = dayOfRFC822(item.text("pubDate", in: "")) ?? channelDay
    return Paper.fromSource(
      title: item.text("title", in: "") ?? "", abstract: abstract,
      authors: authors(item.text("creator", in: FeedNamespace.dublinCore) ?? ""), arxivID: id,
      day: context.listingDay(day), source: context.source, categories: categories)
  }

  /// `dc:creator` split into names: at commas and a final "and", but not inside parentheses;
  /// parenthesised affiliations are dropped.
  static func authors(_ creator: String) -> [String] {
    var names: [String] = []
    var current = ""
    var depth = 0
    for character in creator {
      switch character {
      case "(":
        depth += 1
      case ")":
        depth = max(0, depth - 1)
      case "," where depth == 0, ";" where depth == 0:
        names.append(current)
        current = ""
      default:
        if depth == 0 { current.append(character) }
      }
    }
    names.append(current)
    return names.flatMap { name -> [String] in
      let trimmed = TextCleaner.clean(name)
      if let range = trimmed.range(of: " and ") {
        return [String(trimmed[..<range.lowerBound]), String(trimmed[range.upperBound...])]
      }
      return [trimmed.hasPrefix("and ") ? String(trimmed.dropFirst(4)) : trimmed]
    }.map(TextCleaner.clean).filter { !$0.isEmpty }
  }
}
