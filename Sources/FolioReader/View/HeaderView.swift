import FolioCore

/// The top line: what is shown, how many, and which library.
enum HeaderView {
  static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

  static func draw(_ state: ReaderState, into grid: inout CellGrid) {
    let rect = state.layout.header
    let style = state.settings.theme[.header]
    grid.fill(rect, style: style)
    var scope: String
    switch state.scope {
    case .day(let day):
      let format = state.settings.dateFormat
      scope =
        format == .iso
        ? "\(weekdays[((day.ordinal % 7) + 7) % 7]) \(day)" : format.string(from: day)
    case .allDays:
      scope = "all days"
    }
    if state.isReading { scope += " › reading" }
    let counts = state.counts
    // Until the exact counts come (on an idle tick), the total is the rows seen so far.
    let total = ReaderView.grouped(counts.total) + (state.countsKnown ? "" : "+")
    let unread = state.countsKnown ? ReaderView.grouped(counts.unread) : "…"
    let starred = state.countsKnown ? ReaderView.grouped(counts.starred) : "…"
    var filter = ""
    if let similar = state.similar {
      filter = " │ like: \(similar.title)"
    } else if let query = state.query {
      filter = " │ / \(query.text)"
    }
    if let fetching = state.fetchStatus { filter += " │ ⟳ fetching: \(fetching)" }
    let full = " folio │ \(scope) │ \(total) shown · \(unread) unread · \(starred) ★" + filter
    let compact = " \(scope) │ \(total) · \(unread) unread · \(starred) ★" + filter
    let library = state.settings.libraryName + " "
    // Counts matter more than the library's name: the name goes first when room is short.
    if DisplayWidth.of(full) + DisplayWidth.of(library) + 1 <= rect.width {
      grid.write(full, x: rect.x, y: rect.y, style: style)
      grid.writeRightAligned(library, maxX: rect.maxX, y: rect.y, style: style)
    } else {
      let left = DisplayWidth.of(full) <= rect.width ? full : compact
      grid.write(DisplayWidth.truncate(left, to: rect.width), x: rect.x, y: rect.y, style: style)
    }
  }
}
