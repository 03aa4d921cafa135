/// Reads arXiv's RSS feeds of new submissions (`/rss/cs.LG`).
///
/// The id comes from the item's link or guid, the abstract from the description after
/// "Abstract:", authors from `dc:creator` (commas inside parentheses, as in affiliations, do
/// not separate authors; affiliations are dropped), the listing day from `pubDate`.
/// Replacement announcements update papers already in the library; they are not new papers.
///
/// The feed is read item by item as it is parsed, so memory holds one item, not the feed.
public struct ArxivRSSImporter: PaperImporter {
  public init() {}

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    var handed = 0
    do {
      try read(data, context: context, channelDay: nil, into: &sink, handed: &handed)
    } catch is ChannelDayNeeded {
      // An item without a date of its own came before the channel's date: find that date,
      // then read on after the items already handed on.
      let day = try Self.channelDay(data, file: context.file)
      try read(data, context: context, channelDay: .some(day), into: &sink, handed: &handed)
    }
  }

  /// Reads the feed, handing on the items after the first `handed` and counting them in
  /// `handed`. `channelDay` is the listing day for items without a date of their own when it
  /// is known in advance (`.some`); otherwise it is taken from the channel's `pubDate` (else
  /// `lastBuildDate`) as they pass, and an item that needs it before the channel's `pubDate`
  /// was read throws ``ChannelDayNeeded``. So the feed is read once, unless such an item comes
  /// first (then twice more, each time in bounded memory).
  private func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, channelDay known: Day??,
    into sink: inout Sink, handed: inout Int
  ) throws {
    var channelDay = known ?? nil
    var published: String?
    var built: String?
    var root: XMLTreeElement?
    var channels = 0
    var inFirstChannel = false
    var items = 0
    // Items are read one at a time (the children of the channel, depth 3) and dropped once
    // handed on: memory holds one item, however large the feed.
    try XMLTreeElement.stream(data, file: context.file, treeDepth: 3) { event in
      switch event {
      case .open(let element, depth: 1):
        root = element
      case .open(let element, depth: 2) where element.name == "channel" && element.namespace == "":
        channels += 1
        inFirstChannel = channels == 1 && root?.name == "rss"
      case .close(depth: 2):
        inFirstChannel = false
      case .element(let element, _) where inFirstChannel && element.namespace == "":
        switch element.name {
        case "pubDate" where published == nil:
          published = element.text
        case "lastBuildDate" where built == nil:
          built = element.text
        case "item":
          items += 1
          guard items > handed else { return }
          if known == nil { channelDay = dayOfRFC822(published ?? built) }
          let needsChannelDay =
            !context.dayIsExplicit && dayOfRFC822(element.text("pubDate", in: "")) == nil
          if known == nil, published == nil, needsChannelDay { throw ChannelDayNeeded() }
          handed = items
          try hand(element, channelDay: channelDay, context: context, into: &sink)
        default:
          break
        }
      case .progress(let bytesRead):
        sink.progress(bytesRead: bytesRead)
      default:
        break
      }
    }
    guard let root, root.name == "rss", channels > 0 else {
      throw ImportError(
        file: context.file, line: root?.line ?? 1,
        reason: "not an RSS feed (root element <\(root?.name ?? "")>)")
    }
  }

  private func hand<Sink: PaperSink>(
    _ item: XMLTreeElement, channelDay: Day?, context: ImportContext, into sink: inout Sink
  ) throws {
    guard let paper = Self.paper(item, channelDay: channelDay, context: context) else {
      sink.skip(ImportError(file: context.file, line: item.line, reason: "item without a title"))
      return
    }
    if AnnounceType.isUpdate(item.text("announce_type", in: FeedNamespace.arxiv)) {
      try sink.update(paper)
    } else {
      try sink.add(paper)
    }
  }

  /// The day of the first channel's `pubDate`, else of its `lastBuildDate`: the listing day of
  /// items that give none. Read in a pass that stops at the channel's `pubDate` and holds one
  /// child of the channel at a time; errors are left to the reading of the items.
  static func channelDay(_ data: some Collection<UInt8>, file: String) throws -> Day? {
    var channels = 0
    var inFirstChannel = false
    var published: String?
    var built: String?
    do {
      try XMLTreeElement.stream(data, file: file, treeDepth: 3) { event in
        switch event {
        case .open(let element, depth: 2)
        where element.name == "channel" && element.namespace == "":
          channels += 1
          inFirstChannel = channels == 1
        case .close(depth: 2):
          inFirstChannel = false
        case .element(let element, _) where inFirstChannel && element.namespace == "":
          if element.name == "pubDate", published == nil {
            published = element.text
            throw ChannelDayFound()
          }
          if element.name == "lastBuildDate", built == nil { built = element.text }
        default:
          break
        }
      }
    } catch is ChannelDayFound {
    } catch is ImportError {
    }
    return dayOfRFC822(published ?? built)
  }

  static func paper(_ item: XMLTreeElement, channelDay: Day?, context: ImportContext) -> Paper? {
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

/// Ends the pass that looks for the channel's date once it has it.
private struct ChannelDayFound: Error {}

/// Ends a reading of the items that met an item needing the channel's date before it.
private struct ChannelDayNeeded: Error {}
