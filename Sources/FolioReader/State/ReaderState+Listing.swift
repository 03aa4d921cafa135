import FolioCore
import FolioStore

/// Moving through the listing and keeping the rows, counts and detail in step with it.
extension ReaderState {
  var listHeight: Int { max(1, layout.list.height) }

  /// Moves the selection by `delta` rows, scrolling by `scroll` rows too (for page moves).
  mutating func moveSelection(by delta: Int, scrolling scroll: Int = 0) {
    guard counts.total > 0 else { return }
    top += scroll
    select(selected + delta)
  }

  /// Selects listing position `position` (clamped) and brings it into view.
  mutating func select(_ position: Int) {
    selected = min(max(0, position), max(0, counts.total - 1))
    syncView()
  }

  /// Clamps the scroll position, loads the rows on screen, and the selected paper's detail.
  mutating func syncView() {
    let height = listHeight
    if selected < top { top = selected }
    if selected >= top + height { top = selected - height + 1 }
    top = min(max(0, top), max(0, counts.total - height))
    loadRows()
    loadDetail()
  }

  /// Reloads days, counts and rows after the library changed, keeping the selected paper
  /// selected when it is still listed (`keeping` is its id).
  mutating func reloadListing(keeping id: String?) {
    do {
      counts = try store.counts(filter)
    } catch {
      report(error)
      return
    }
    window = ListWindow()
    if let id, let position = try? store.position(of: id, in: filter) {
      selected = position
    }
    selected = min(selected, max(0, counts.total - 1))
    syncView()
  }

  mutating func reloadDays() {
    do {
      days = try store.days()
    } catch {
      report(error)
    }
  }

  /// Shows `newScope`, keeping the selected paper selected if it is listed there.
  mutating func changeScope(to newScope: Scope) {
    let id = detail?.id
    scope = newScope
    selected = 0
    top = 0
    reloadListing(keeping: id)
  }

  /// Loads the rows on screen if the window does not hold them, with a screenful either side
  /// so that scrolling rarely waits for the store.
  private mutating func loadRows() {
    let height = listHeight
    guard !window.covers(top..<(top + height), total: counts.total) else { return }
    let start = max(0, top - height)
    do {
      window = ListWindow(
        offset: start, rows: try store.summaries(filter, limit: height * 3, offset: start))
    } catch {
      report(error)
    }
  }

  /// Loads the selected paper in full when the selection moved to another paper.
  mutating func loadDetail(force: Bool = false) {
    guard let summary = window[selected] else {
      detail = nil
      return
    }
    guard force || detail?.id != summary.id else { return }
    let isNewPaper = detail?.id != summary.id
    do {
      detail = try store.paper(id: summary.id)
    } catch {
      report(error)
    }
    if isNewPaper {
      detailScroll = 0
      readingScroll = 0
      selectedSince = now
    }
  }

  /// Rereads rows, counts and the detail after this reader's own write.
  mutating func refreshAfterWrite() {
    let id = detail?.id
    reloadListing(keeping: id)
    loadDetail(force: true)
  }

  mutating func report(_ error: any Error) {
    let message = (error as? StoreError)?.message ?? "\(error)"
    status = StatusMessage(message, isError: true)
  }

  /// Goes one listing day older (`step` 1) or newer (`step` -1).
  mutating func changeDay(by step: Int) {
    switch scope {
    case .allDays:
      if let day = detail?.paper.day ?? days.first { changeScope(to: .day(day)) }
    case .day(let day):
      guard let index = days.firstIndex(of: day), days.indices.contains(index + step) else {
        status = StatusMessage(step > 0 ? "no earlier day" : "no later day")
        return
      }
      changeScope(to: .day(days[index + step]))
    }
  }
}
