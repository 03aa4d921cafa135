/// What an export holds: the papers with their topics, and how to group them.
public struct ExportDocument: Sendable {
  /// How papers are grouped in Markdown.
  public enum Grouping: String, CaseIterable, Sendable {
    /// Under their first topic, topics in topic order; papers with none last.
    case topic
    /// Under their listing day, newest first.
    case day
    /// One list.
    case none
    /// Under each of their tags (a paper with two tags is in both groups), tags by folded
    /// name; papers with none last.
    case tag
  }

  /// A paper and the names of the topics it matches (in topic order).
  public struct Entry: Sendable {
    public var paper: LibraryPaper
    public var topics: [String]

    public init(_ paper: LibraryPaper, topics: [String]) {
      self.paper = paper
      self.topics = topics
    }
  }

  /// The document's title, e.g. "Starred papers — 2026-11-27".
  public var title: String
  public var entries: [Entry]
  /// Every topic name in topic order, for grouping.
  public var topicOrder: [String]
  /// What to say when there are no papers.
  public var emptyMessage: String

  public init(title: String, entries: [Entry], topicOrder: [String], emptyMessage: String) {
    self.title = title
    self.entries = entries
    self.topicOrder = topicOrder
    self.emptyMessage = emptyMessage
  }

  /// The entries in groups: each group's heading (nil for a flat list) and its entries, in the
  /// stable order: group, then day (newest first), then title.
  public func groups(_ grouping: Grouping) -> [(heading: String?, entries: [Entry])] {
    let ordered = entries.sorted(by: Self.dayThenTitle)
    switch grouping {
    case .none:
      return ordered.isEmpty ? [] : [(nil, ordered)]
    case .day:
      let days = Set(ordered.map(\.paper.paper.day)).sorted(by: >)
      return days.map { day in (day.description, ordered.filter { $0.paper.paper.day == day }) }
    case .topic:
      var groups: [(String?, [Entry])] = []
      for topic in topicOrder {
        let members = ordered.filter { $0.topics.first == topic }
        if !members.isEmpty { groups.append((topic, members)) }
      }
      let others = ordered.filter { $0.topics.first.map { !topicOrder.contains($0) } ?? true }
      if !others.isEmpty { groups.append(("Other papers", others)) }
      return groups
    case .tag:
      return Self.tagGroups(ordered)
    }
  }

  /// `ordered` under each of their tags, in one pass: a bucket per folded tag name, headed by
  /// the spelling the first paper in it carries.
  static func tagGroups(_ ordered: [Entry]) -> [(heading: String?, entries: [Entry])] {
    var buckets: [String: (name: String, entries: [Entry])] = [:]
    var untagged: [Entry] = []
    for entry in ordered {
      if entry.paper.state.tags.isEmpty { untagged.append(entry) }
      for name in entry.paper.state.tags {
        buckets[TagName.key(name), default: (name, [])].entries.append(entry)
      }
    }
    var groups: [(heading: String?, entries: [Entry])] = buckets.sorted { $0.key < $1.key }.map {
      ($0.value.name, $0.value.entries)
    }
    if !untagged.isEmpty { groups.append(("Untagged papers", untagged)) }
    return groups
  }

  static func dayThenTitle(_ lhs: Entry, _ rhs: Entry) -> Bool {
    let (a, b) = (lhs.paper.paper, rhs.paper.paper)
    if a.day != b.day { return a.day > b.day }
    let (titleA, titleB) = (a.title.lowercased(), b.title.lowercased())
    if titleA != titleB { return titleA < titleB }
    return a.id < b.id
  }
}

extension Paper {
  /// The page a reader should land on: the arXiv abstract page, else the first project or
  /// GitHub link (whichever the abstract mentioned first among those kept), else none. Only
  /// http(s) links count.
  public var bestURL: String? {
    let candidates = [links.abs, links.project, links.github].compactMap { $0 }
    return candidates.first { url in
      let lowered = url.lowercased()
      return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://"))
        && !url.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
  }

  /// "A, B, C et al." for more than three authors.
  public var shortAuthors: String {
    guard authors.count > 3 else { return authors.joined(separator: ", ") }
    return authors.prefix(3).joined(separator: ", ") + " et al."
  }
}
