import FolioCore
import FolioQuery

/// A paper laid out as lines of styled text for a given width: the detail pane's and the
/// reading view's content.
///
/// A pure layout, not a view: the state scrolls through it and finds the lines with matches
/// in it (``ReaderState``'s `jumpToMatch`), and ``DetailView`` and ``ReadingView`` draw it.
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

  /// The most code points of one field (title, authors, a link, the note, the abstract…) a
  /// document shows; a longer field is cut there and ends in "…". Real abstracts are under
  /// 2,000; this keeps a hostile 10 MB title from costing more than a long abstract does.
  public static let fieldScalarLimit = 50_000

  /// The most lines one field wraps to (the note's paragraphs together count as one field).
  /// Only matters at very narrow widths: 50,000 code points at 80 cells are about 650 lines.
  public static let fieldLineLimit = 2_000

  /// The document for `entry` wrapped to `width` cells, listing `topics`, with the words
  /// `highlights` match marked in the title, authors and abstract; `cachedPDF` is the path of
  /// its PDF when the cache has it (the `PDF` line).
  public init(
    _ entry: LibraryPaper, width: Int, topics: [String] = [], highlights: [TextTerm] = [],
    dateFormat: DayFormat = .iso, why: String? = nil, cachedPDF: String? = nil
  ) {
    guard width > 0 else {
      lines = []
      return
    }
    let paper = entry.paper
    var lines: [Line] = Self.wrap(Self.capped([paper.title]), width).map {
      Self.highlighted($0, .detailTitle, highlights)
    }
    lines.append([])

    let valueWidth = max(1, width - Self.labelWidth)
    @discardableResult
    func field(
      _ label: String, _ value: String, _ element: ThemeElement = .detailMeta,
      matching: Bool = false, maxLines: Int = Self.fieldLineLimit
    ) -> Int {
      let wrapped = TextWrapper.wrap(value, width: valueWidth, maxLines: maxLines)
      for (index, text) in wrapped.enumerated() {
        let label = Span(
          text: Self.pad(index == 0 ? label : "", Self.labelWidth), element: .detailLabel)
        lines.append(
          [label]
            + (matching
              ? Self.highlighted(text, element, highlights) : [Span(text: text, element: element)]))
      }
      return wrapped.count
    }
    if !paper.authors.isEmpty {
      field("Authors", Self.capped(paper.authors, separator: ", "), matching: true)
    }
    if let arxivID = paper.arxivID {
      field("arXiv", arxivID)
    } else {
      field("ID", Self.capped([paper.id]))
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
    if paper.huggingFace.isWithdrawn { state.insert("withdrawn", at: 0) }
    units("State", state)
    // For you (issue 19): the score and what raised and lowered it, near the top where the
    // pane shows it without scrolling.
    if let why { field("Why", Self.capped([why]), .detailTopic) }
    // --- hf (issue 18): the organisation and Hugging Face's AI summary, said to be theirs ---
    if let organization = paper.huggingFace.organization {
      field("Org", Self.capped([organization.displayName]))
    }
    if let summary = paper.huggingFace.summary {
      field("Summary", "Hugging Face AI: " + Self.capped([summary]), .detailBody)
    }
    // --- end hf ---
    // Issue 20: what Semantic Scholar said when last asked (`folio enrich`), its TL;DR said to
    // be theirs as Hugging Face's summary is; nothing for a paper never asked about.
    if let scholar = entry.scholar {
      units("Scholar", Self.citationUnits(scholar))
      if let tldr = scholar.tldr, !tldr.isEmpty {
        field("TL;DR", "Semantic Scholar: " + Self.capped([tldr]), .detailBody)
      }
    }
    let urlWidth = max(1, valueWidth - 8)
    for (index, link) in paper.links.labelled.enumerated() {
      // GitHub stars go after the repository's link, on its last line when it fits there.
      let stars = link.label == "code" ? paper.huggingFace.githubStars.map { "★ \($0)" } : nil
      let wrapped = Self.wrap(Self.capped([link.url]), urlWidth)
      for (lineIndex, url) in wrapped.enumerated() {
        var line = [
          Span(
            text: Self.pad(index == 0 && lineIndex == 0 ? "Links" : "", Self.labelWidth),
            element: .detailLabel),
          Span(text: Self.pad(lineIndex == 0 ? link.label : "", 8), element: .detailMeta),
          Span(text: url, element: .detailLink),
        ]
        if let stars, lineIndex == wrapped.count - 1,
          DisplayWidth.of(url) + 1 + DisplayWidth.of(stars) <= urlWidth
        {
          line.append(Span(text: " " + stars, element: .detailMeta))
        }
        lines.append(line)
      }
      if let stars, let last = wrapped.last,
        DisplayWidth.of(last) + 1 + DisplayWidth.of(stars) > urlWidth
      {
        lines.append([
          Span(text: Self.pad("", Self.labelWidth + 8), element: .detailLabel),
          Span(text: stars, element: .detailMeta),
        ])
      }
    }
    // Issue 20: where `O` (and `folio pdf`) find the paper's PDF without downloading it.
    if let cachedPDF { field("PDF", "cached: " + Self.capped([cachedPDF])) }
    if !topics.isEmpty { field("Topics", Self.capped(topics, separator: " · "), .detailTopic) }
    if !entry.state.tags.isEmpty {
      field("Tags", Self.capped(entry.state.tags, separator: " · "), .detailTopic)
    }
    if !paper.categories.isEmpty {
      field("Category", Self.capped(paper.categories, separator: " "))
    }
    if !paper.keywords.isEmpty { field("Keywords", Self.capped(paper.keywords, separator: ", ")) }
    if let note = entry.state.note {
      var first = true
      var noteLines = 0
      for paragraph in Self.capped([note]).split(separator: "\n", omittingEmptySubsequences: false)
      where noteLines < Self.fieldLineLimit {
        noteLines += field(
          first ? "Note" : "", paragraph.isEmpty ? " " : String(paragraph), .detailNote,
          maxLines: Self.fieldLineLimit - noteLines)
        first = false
      }
    }
    if !paper.abstract.isEmpty {
      lines.append([])
      lines += Self.wrap(Self.capped([paper.abstract]), width).map {
        Self.highlighted($0, .detailBody, highlights)
      }
    }
    self.lines = lines
  }

  /// Semantic Scholar's counts as units of one line (`cited by 1,234`, `56 influential`), or
  /// that it does not know the paper (it answered null: unknown, never "0 citations").
  static func citationUnits(_ facts: ScholarFacts) -> [String] {
    guard let citations = facts.citations else { return ["not known to Semantic Scholar"] }
    var units = ["cited by \(NumberText.grouped(citations))"]
    if let influential = facts.influentialCitations {
      units.append("\(NumberText.grouped(influential)) influential")
    }
    return units
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

  /// `text` wrapped to `width`, at most ``fieldLineLimit`` lines.
  static func wrap(_ text: String, _ width: Int) -> [String] {
    TextWrapper.wrap(text, width: width, maxLines: fieldLineLimit)
  }

  /// `parts` joined by `separator`, cut after ``fieldScalarLimit`` code points with "…".
  /// Looks at no more than that many code points of `parts`, however long they are.
  static func capped(_ parts: [String], separator: String = "") -> String {
    var text = String.UnicodeScalarView()
    var left = fieldScalarLimit
    func append(_ piece: String) -> Bool {
      for scalar in piece.unicodeScalars {
        guard left > 0 else { return false }
        text.append(scalar)
        left -= 1
      }
      return true
    }
    for (index, part) in parts.enumerated() {
      guard index == 0 || append(separator), append(part) else { return String(text) + "…" }
    }
    return String(text)
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
