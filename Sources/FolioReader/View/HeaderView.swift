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
    if let view = state.listing.forYouView {
      // The view replaces the listing's scope; a ranking that is not every paper (cut at the
      // cap, or narrowed to candidates) says how many it holds.
      scope = "For you"
      if view.isColdStart { scope += " (not learnt yet)" }
      if !view.isExact { scope += " · top \(NumberText.grouped(view.ids.count))" }
    }
    if state.isReading { scope += " › reading" }
    if state.mode.screen == .triage { scope += " › triage" }
    // The order in force, when it is not the listing's own (`S`).
    if state.listing.order != .listing, state.listing.forYouView == nil {
      scope += " · by \(state.listing.order.rawValue)"
      if state.listing.order == .forYou, let ranked = state.listing.forYou {
        if ranked.isColdStart { scope += " (topics, upvotes)" }
        if !ranked.isExact { scope += " · top \(NumberText.grouped(ranked.ids.count))" }
      }
    }
    let counts = state.counts
    // Until the exact counts come (on an idle tick), the total is the rows seen so far.
    let total = NumberText.grouped(counts.total) + (state.countsKnown ? "" : "+")
    let unread = state.countsKnown ? NumberText.grouped(counts.unread) : "…"
    let starred = state.countsKnown ? NumberText.grouped(counts.starred) : "…"
    var filter = ""
    if let similar = state.similar {
      filter = " │ like: \(similar.title)"
    } else if let query = state.query {
      filter = " │ / \(query.text)"
    }
    if let fetching = state.fetchStatus { filter += " │ ⟳ fetching: \(fetching)" }
    // Hiding read papers changes what "shown" counts; the full header says so for as long as
    // it lasts (the compact one keeps its room for the counts).
    let hidden = state.hidesRead ? " · unread only" : ""
    let full = " folio │ \(scope)\(hidden) │ \(total) shown · \(unread) unread · \(starred) ★"
    let compact = " \(scope) │ \(total) · \(unread) unread · \(starred) ★"
    let library = state.settings.libraryName + " "
    // The same header with or without a filter: the filter is cut to its room, keeping at
    // least its label and a few characters; when even that does not fit, the library's name
    // goes first (counts matter more), then `folio` and "shown".
    let filterWidth = DisplayWidth.of(filter)
    let filterMinimum = min(filterWidth, 20)
    for (left, right) in [(full, library), (full, ""), (compact, "")] {
      let rightWidth = right.isEmpty ? 0 : DisplayWidth.of(right) + 1
      let room = rect.width - DisplayWidth.of(left) - rightWidth
      guard room >= filterMinimum else { continue }
      let x = grid.write(left, x: rect.x, y: rect.y, style: style)
      grid.write(
        DisplayWidth.truncate(filter, to: room), x: rect.x + x, y: rect.y, width: room,
        style: style)
      if !right.isEmpty { grid.writeRightAligned(right, maxX: rect.maxX, y: rect.y, style: style) }
      return
    }
    grid.write(
      DisplayWidth.truncate(compact + filter, to: rect.width), x: rect.x, y: rect.y, style: style)
  }
}
