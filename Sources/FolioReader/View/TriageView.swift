import FolioCore

/// Triage's card, full width under the header: the progress on its first line, then the
/// card's text (``TriageCard``) in the reading view's column.
enum TriageView {
  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    guard let triage = state.triage else { return }
    let layout = state.layout
    let theme = state.settings.theme
    let rect = layout.reading
    var progress = "Triage \(triage.progress)"
    if state.listing.order != .listing { progress += " · by \(state.listing.order.rawValue)" }
    grid.write(progress, x: rect.x, y: rect.y, width: rect.width, style: theme[.detailLabel])
    let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 2))
    guard let card = triage.card else {
      grid.write(
        "Every unread paper here has been seen.", x: body.x, y: body.y, width: body.width,
        style: theme[.listEmpty])
      return
    }
    let lines = TriageCard(card, width: body.width, highlights: state.highlightTerms).lines
    DetailView.drawLines(lines, from: triage.scroll, in: body, into: &grid, theme: theme)
    ReaderView.drawScrollbar(
      into: &grid, x: layout.size.width - 1, y: body.y, height: body.height, total: lines.count,
      visible: body.height, offset: triage.scroll, theme: theme)
  }
}
