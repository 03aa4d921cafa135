import FolioCore
import FolioStore

/// Zotero (issue 20): `Z` sends the selected paper at once; `z` ("send starred to Zotero", also
/// in the palette) has the app count the starred papers, then asks with their number. The app
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

  /// Asks whether to send the starred papers, saying how many, once the app has counted them
  /// in the background (the count is a pass over the library: the keys never wait for it).
  /// The question opens only over a bare screen; a prompt opened meanwhile is left alone.
  mutating func starredCountedForZotero(_ count: Int) {
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
    guard case .screen(let screen) = mode else {
      let key = settings.keymap.keys(for: .sendStarredToZotero).first?.description ?? "the key"
      status = StatusMessage(
        "\(NumberText.grouped(count)) starred: \(key) again to send them to Zotero")
      return
    }
    mode = .confirmation(.sendStarredToZotero(count: count), over: screen)
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
    case .zoteroFinished(.failure(let failure)), .zoteroStarredCounted(.failure(let failure)):
      status = StatusMessage(failure.message, isError: true)
    case .zoteroStarredCounted(.success(let count)): starredCountedForZotero(count)
    default: break
    }
  }
}
