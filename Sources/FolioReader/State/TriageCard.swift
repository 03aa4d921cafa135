import FolioCore
import FolioQuery

/// Triage's card laid out as lines for a width: title, authors, day, upvotes and citations,
/// Hugging Face's summary and Semantic Scholar's TL;DR when there are, and the abstract. A
/// pure layout, like ``DetailDocument`` (whose caps per field it keeps), scrolled by the
/// state and drawn by `TriageView`.
public struct TriageCard: Sendable {
  public let lines: [DetailDocument.Line]

  public init(_ entry: LibraryPaper, width: Int, highlights: [TextTerm] = []) {
    guard width > 0 else {
      lines = []
      return
    }
    let paper = entry.paper
    var lines: [DetailDocument.Line] = DetailDocument.wrap(
      DetailDocument.capped([paper.title]), width
    ).map { DetailDocument.highlighted($0, .detailTitle, highlights) }
    let authors = DetailDocument.capped(paper.authors, separator: ", ")
    if !authors.isEmpty {
      lines += DetailDocument.wrap(authors, width).map {
        DetailDocument.highlighted($0, .detailMeta, highlights)
      }
    }
    var meta = [paper.day.description]
    if let upvotes = paper.upvotes { meta.append("▲ \(NumberText.grouped(upvotes))") }
    if entry.state.isStarred { meta.append("★ starred") }
    if entry.state.isRead { meta.append("read") }
    if let scholar = entry.scholar, scholar.isKnown {
      meta += DetailDocument.citationUnits(scholar)
    }
    lines.append([DetailDocument.Span(text: meta.joined(separator: " · "), element: .detailLabel)])
    // MARK: Hugging Face summary (filled in when the `hf` work's field is merged)
    if let summary = Self.huggingFaceSummary(of: paper) {
      lines.append([])
      lines.append([DetailDocument.Span(text: "Hugging Face's summary", element: .detailLabel)])
      lines += DetailDocument.wrap(DetailDocument.capped([summary]), width).map {
        [DetailDocument.Span(text: $0, element: .detailBody)]
      }
    }
    // Issue 20: Semantic Scholar's TL;DR, said to be theirs.
    if let tldr = entry.scholar?.tldr, !tldr.isEmpty {
      lines.append([])
      lines.append([DetailDocument.Span(text: "Semantic Scholar's TL;DR", element: .detailLabel)])
      lines += DetailDocument.wrap(DetailDocument.capped([tldr]), width).map {
        [DetailDocument.Span(text: $0, element: .detailBody)]
      }
    }
    if !paper.abstract.isEmpty {
      lines.append([])
      lines += DetailDocument.wrap(DetailDocument.capped([paper.abstract]), width).map {
        DetailDocument.highlighted($0, .detailBody, highlights)
      }
    }
    self.lines = lines
  }

  /// The AI summary Hugging Face sends with a paper, if it sent one.
  static func huggingFaceSummary(of paper: Paper) -> String? {
    paper.huggingFace.summary.flatMap { $0.isEmpty ? nil : $0 }
  }
}
