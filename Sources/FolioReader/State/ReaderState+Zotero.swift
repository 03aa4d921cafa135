import FolioCore
import FolioStore

/// Zotero (issue 20): `Z` sends the selected paper at once; `z` ("send starred to Zotero", also
/// in the palette) first asks with the number of starred papers. The app
/// sends in the background; what it did comes back as events and is said on the status line.
extension ReaderState {
  /// `Z` on `paper` (the selection, or triage's card).
  mutating func sendToZotero(_ paper: LibraryPaper?, key: Key) -> [ReaderEffect] {
    guard let paper else {
      status = nothingHere(key)
      return []
    }
    return [.app(.sendToZotero(.paper(id: paper.id)))]
  }

  /// Asks whether to send the starred papers, saying how many: one count of the starred
  /// papers (an index of its own), made because the user asked, as `A` counts the unread.
  mutating func askToSendStarredToZotero() {
    let count: Int
    do {
      count = try library.counts(PaperFilter(state: .starred)).total
    } catch {
      report(error)
      return
    }
    guard count > 0 else {
      status = StatusMessage("nothing is starred yet")
      return
    }
    guard count <= ZoteroRequest.starredLimit else {
      status = StatusMessage(
        "\(NumberText.grouped(count)) starred papers are more than the "
          + "\(NumberText.grouped(ZoteroRequest.starredLimit)) sent at a time: send a part with "
          + "folio zotero --starred --filter QUERY",
        isError: true)
      return
    }
    mode = .confirmation(.sendStarredToZotero(count: count), over: mode.screen)
  }

  /// The status line while a send starts.
  mutating func zoteroStarted(_ request: ZoteroRequest) {
    switch request {
    case .paper(let id): status = StatusMessage("Zotero: sending \(id)…")
    case .starred(let count):
      status = StatusMessage(
        "Zotero: sending \(NumberText.grouped(count)) starred paper\(count == 1 ? "" : "s")…")
    }
  }

  /// A send's progress or end, on the status line (the texts are the app's, drawn inert).
  mutating func zoteroEvent(_ event: ReaderEvent) {
    switch event {
    case .zoteroProgress(let text): status = StatusMessage("Zotero: \(text)")
    case .zoteroFinished(.success(let summary)): status = StatusMessage(summary)
    case .zoteroFinished(.failure(let failure)):
      status = StatusMessage(failure.message, isError: true)
    default: break
    }
  }
}
