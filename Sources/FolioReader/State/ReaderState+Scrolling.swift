import FolioCore

/// Scrolling the detail pane and the reading view within their content.
extension ReaderState {
  /// The selected paper's document at `width`, with its topics and the search's matches.
  func document(width: Int) -> DetailDocument? {
    detail.map {
      DetailDocument(
        $0, width: width, topics: detailTopics, highlights: highlightTerms, why: forYouWhy,
        cachedPDF: selection.cachedPDF.map { ExportPath.abbreviate($0, home: settings.home) })
    }
  }

  /// Lines of the selected paper's document at the detail pane's width.
  var detailLineCount: Int { document(width: layout.detailText.width)?.lines.count ?? 0 }

  var readingLineCount: Int { document(width: layout.reading.width)?.lines.count ?? 0 }

  mutating func scrollDetail(by delta: Int) {
    let maximum = max(0, detailLineCount - layout.detail.height)
    selection.scroll = min(max(0, detailScroll + delta), maximum)
  }

  mutating func scrollReading(by delta: Int) {
    let maximum = max(0, readingLineCount - layout.reading.height)
    selection.readingScroll = min(max(0, readingScroll + delta), maximum)
  }

  /// Re-clamps scroll positions after the width changed the number of lines.
  mutating func clampScrolling() {
    scrollDetail(by: 0)
    scrollReading(by: 0)
  }
}
