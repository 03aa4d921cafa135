import FolioCore
import FolioStore
import Foundation

/// Triage (`i`): the view's unread papers one card at a time. Every step is a library change
/// like any other (durable at once, pending until committed, undone by `u`).
extension ReaderState {
  /// `i`: triage of the view's unread papers, in the view's order, from its first.
  mutating func startTriage() {
    guard listing.rankedIDs == nil else {
      status = StatusMessage("triage works on a day, a search or a topic")
      return
    }
    var unread = filter
    unread.state = .unread
    unread.keepsPaper = nil
    // The total when it is known or cheap (a day); otherwise the progress shows `12/…`
    // rather than making the reader wait for a count over a million papers.
    let total: Int? =
      countsKnown && !hidesRead
      ? counts.unread : listing.isCheapToCount ? try? library.counts(unread).total : nil
    var session = Triage(filter: filter, total: total)
    do {
      try session.advance(library)
    } catch {
      report(error)
      return
    }
    guard session.card != nil else {
      status = StatusMessage("nothing unread here")
      return
    }
    triage = session
    mode = .screen(.triage)
  }

  /// A key on triage's card.
  mutating func handleTriage(_ action: Action?, key: Key) -> [ReaderEffect] {
    guard let action, var session = triage else {
      status = nothingHere(key)
      return []
    }
    let card = session.card
    var effects: [ReaderEffect] = []
    switch action {
    case .toggleStar, .dismiss, .readAndNext:
      guard let card else {
        status = StatusMessage("every unread paper here is done: q to leave")
        return []
      }
      effects = stepEffects(action, card)
      do {
        try session.advance(library)
      } catch {
        report(error)
      }
      triage = session
    case .tag: return openTriageTagPrompt()
    case .openLink:
      guard let url = card?.paper.links.main else {
        status = StatusMessage("this paper has no link", isError: true)
        return []
      }
      guard WebLink.isSafe(url) else {
        status = StatusMessage("not an http(s) link: \(url)", isError: true)
        return []
      }
      guard let id = card?.id else { return [.openURL(url)] }
      return [.openURL(url), .library(.recordSignal(.opened, id: id, at: Date()))]
    case .sendToZotero: return sendToZotero(card, key: key)
    case .undo: return undoLast()
    case .scrollDetailDown, .scrollDetailUp:
      let lines = card.map { TriageCard($0, width: layout.reading.width).lines.count } ?? 0
      session.scroll(
        by: action == .scrollDetailDown ? 1 : -1, maximum: lines - layout.reading.height + 2)
      triage = session
    case .quit, .back: leaveTriage()
    case .help: openHelp(from: .triage)
    default: status = nothingHere(key)
    }
    return effects
  }

  /// What a step asks of the library: nothing when the card already is so (starring a
  /// starred paper), so that undoing it cannot take back what the user did before.
  private func stepEffects(_ action: Action, _ card: LibraryPaper) -> [ReaderEffect] {
    let id = card.id
    switch action {
    case .toggleStar:
      let starred = pendingWrites.starred(id) ?? card.state.isStarred
      return starred ? [] : [.setStarred(id: id, starred: true)]
    case .dismiss:
      let dismissed = pendingWrites.dismissed(id) ?? card.state.isDismissed
      return dismissed ? [] : [.library(.setDismissed(id: id, dismissed: true))]
    default:
      let read = pendingWrites.read(id) ?? card.state.isRead
      return read ? [] : [.setRead(id: id, read: true, announce: true)]
    }
  }

  /// `q`/Esc: back to the list, read again (its papers' stars, reads and dismissals changed).
  mutating func leaveTriage() {
    triage = nil
    mode = .list
    refreshListing()
  }
}
