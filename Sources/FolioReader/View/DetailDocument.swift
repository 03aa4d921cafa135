import FolioCore
import FolioQuery

/// A paper laid out as lines of styled text for a given width: the detail pane's and the
/// reading view's content.
public struct DetailDocument: Sendable {
  /// A run of text in one style.
  public struct Span: Hashable, Sendable {
    public var text: String
    public var element: ThemeElement
    /// Part of a search match: drawn in the match style over `element`'s.
    public var isMatch = false
  }

  public typealias Line = [Span]

  public let lines: [Line]

  /// Indexes of the lines with a search match, in order.
  public var matchLines: [Int] {
    lines.indices.filter { lines[$0].contains(where: \.isMatch) }
  }

  static let labelWidth = 9

  /// The document for `entry` wrapped to `width` cells, listing `topics`, with the words
  /// `highlights` match marked in the title, authors and abstract.
  public init(
    _ entry: LibraryPaper, width: Int, topics: [String] = [], highlights: [TextTerm] = [],
    dateFormat: DayFormat = .iso
  ) {
    guard width > 0 else {
      lines = []
      return
    }
    let paper = entry.paper
    var lines: [Line] = TextWrapper.wrap(paper.title, width: width).map {
      Self.highlighted($0, .detailTitle, highlights)
    }
    lines.append([])

    let valueWidth = max(1, width - Self.labelWidth)
    func field(
      _ label: String, _ value: String, _ element: ThemeElement = .detailMeta,
      matching: Bool = false
    ) {
      for (index, text) in TextWrapper.wrap(value, width: valueWidth).enumerated() {
        let label = Span(
          text: Self.pad(index == 0 ? label : "", Self.labelWidth), element: .detailLabel)
        lines.append(
          [label]
            + (matching
              ? Self.highlighted(text, element, highlights) : [Span(text: text, element: element)]))
      }
    }
    if !paper.authors.isEmpty {
      field("Authors", paper.authors.joined(separator: ", "), matching: true)
    }
    if let arxivID = paper.arxivID {
      field("arXiv", arxivID)
    } else {
      field("ID", paper.id)
    }
    // Each unit ("▲ 99", "3 comments") stays on one line: the line breaks between units.
    func units(_ label: String, _ units: [String]) {
      for (index, line) in Self.joinedUnits(units, width: valueWidth).enumerated() {
        field(index == 0 ? label : "", line)
      }
    }
    var day = ["listed \(dateFormat.string(from: paper.day))"]
    if let published = paper.published {
      day.append("published \(dateFormat.string(from: published))")
    }
    if let upvotes = paper.upvotes { day.append("▲ \(upvotes)") }
    if let comments = paper.commentCount {
      day.append("\(comments) comment\(comments == 1 ? "" : "s")")
    }
    units("Day", day)
    var state = [entry.state.isRead ? "read" : "unread"]
    if entry.state.isStarred { state.insert("★ starred", at: 0) }
    units("State", state)
    let urlWidth = max(1, valueWidth - 8)
    for (index, link) in paper.links.labelled.enumerated() {
      for (lineIndex, url) in TextWrapper.wrap(link.url, width: urlWidth).enumerated() {
        lines.append([
          Span(
            text: Self.pad(index == 0 && lineIndex == 0 ? "Links" : "", Self.labelWidth),
            element: .detailLabel),
          Span(text: Self.pad(lineIndex == 0 ? link.label : "", 8), element: .detailMeta),
          Span(text: url, element: .detailLink),
        ])
      }
    }
    if !topics.isEmpty { field("Topics", topics.joined(separator: " · "), .detailTopic) }
    if !paper.categories.isEmpty { field("Category", paper.categories.joined(separator: " ")) }
    if !paper.keywords.isEmpty { field("Keywords", paper.keywords.joined(separator: ", ")) }
    if let note = entry.state.note {
      var first = true
      for paragraph in note.split(separator: "\n", omittingEmptySubsequences: false) {
        field(first ? "Note" : "", paragraph.isEmpty ? " " : String(paragraph), .detailNote)
        first = false
      }
    }
    if !paper.abstract.isEmpty {
      lines.append([])
      lines += TextWrapper.wrap(paper.abstract, width: width).map {
        Self.highlighted($0, .detailBody, highlights)
      }
    }
    self.lines = lines
  }

  /// `units` joined with " · " into lines of at most `width` cells, breaking only between
  /// units (a unit wider than `width` gets a line of its own, which the field then wraps).
  static func joinedUnits(_ units: [String], width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for unit in units {
      if current.isEmpty {
        current = unit
      } else if DisplayWidth.of(current) + 3 + DisplayWidth.of(unit) <= width {
        current += " · " + unit
      } else {
        lines.append(current)
        current = unit
      }
    }
    lines.append(current)
    return lines
  }

  /// `text` as spans of `element`, the words `terms` match marked.
  static func highlighted(_ text: String, _ element: ThemeElement, _ terms: [TextTerm]) -> Line {
    MatchHighlighter.segments(text, terms: terms).map {
      Span(text: $0.text, element: element, isMatch: $0.isMatch)
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
  }
}
