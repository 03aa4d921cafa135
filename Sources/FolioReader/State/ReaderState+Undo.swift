import FolioCore
import FolioStore

/// `u`: undoing the reader's last state changes, and `x`, `S` in the list.
extension ReaderState {
  /// Records, for each change in `effects` the user made, the change that undoes it
  /// (``LibraryChange/inverse``); an undo being handed back is not recorded.
  mutating func recordUndo(_ effects: [ReaderEffect]) {
    defer { isUndoing = false }
    guard !isUndoing else { return }
    for case .library(let change) in effects {
      guard let inverse = change.inverse else { continue }
      undoLog.record(UndoLog.Entry(undo: inverse, summary: change.summary))
    }
  }

  /// Records that a note the user edited was saved, with the text it replaced: undoing it
  /// writes that text back. Called before the paper is read again.
  mutating func recordNoteSaved(_ id: String) {
    let previous: String?
    if let paper = detail, paper.id == id {
      previous = paper.state.note
    } else if let card = triage?.card, card.id == id {
      previous = card.state.note
    } else {
      return  // not the paper on screen: the text it replaced is not known
    }
    undoLog.record(
      UndoLog.Entry(undo: .setNote(id: id, note: previous), summary: "note on \(id)"))
  }

  /// `u`: hands the newest undo to the writer; in triage, its paper's card comes back.
  mutating func undoLast() -> [ReaderEffect] {
    guard let entry = undoLog.takeLast() else {
      status = StatusMessage("nothing to undo")
      return []
    }
    isUndoing = true
    undoLog.awaited = entry
    status = StatusMessage("undoing \(entry.summary)…")
    if var session = triage, let id = entry.undo.paperID {
      do {
        if try session.goBack(to: id, library) { triage = session }
      } catch {
        report(error)
      }
    }
    return [.library(entry.undo)]
  }

  /// Says on the status line what an undo undid, once its outcome is back.
  mutating func noteUndoOutcome(_ outcome: EffectOutcome) {
    guard let awaited = undoLog.awaited, awaited.undo.isAnswered(by: outcome) else { return }
    undoLog.awaited = nil
    if case .writeFailed = outcome { return }  // the failure's own message stays
    status = StatusMessage("undid \(awaited.summary)")
  }

  /// `x` in the list: dismisses the selected paper. Once the dismissal is committed the list
  /// is read again and the selection stays where it is, on the next paper.
  mutating func dismissSelected(_ key: Key) -> [ReaderEffect] {
    guard let paper = detail else {
      status = nothingHere(key)
      return []
    }
    let dismissed = pendingWrites.dismissed(paper.id) ?? paper.state.isDismissed
    return [.library(.setDismissed(id: paper.id, dismissed: !dismissed))]
  }

  /// What a committed dismissal changes on screen.
  mutating func applyDismissed(id: String, _ dismissed: Bool) {
    status = StatusMessage(dismissed ? "dismissed" : "brought back")
    if case .triage = mode.screen {
      // The list is read again when triage ends; meanwhile its counts are asked for again.
      listing.countsKnown = false
      listing.countGeneration += 1
      return
    }
    // In a for-you ranking the paper leaves it (or comes back to its place) and nothing else
    // moves; elsewhere the listing leaves it out. Either way the listing starts over, the
    // selection kept in place, so it moves on to the next paper.
    _ = applyDismissedInForYou(id: id, dismissed)
    refreshListing()
  }

  /// Reads triage's card again after a change to the library (its star, its note).
  mutating func reloadTriageCard() {
    guard var session = triage else { return }
    session.reloadCard(library)
    triage = session
  }

  /// `S`: the next listing order; the first screen of the list in it, the selected paper kept.
  mutating func cycleSort() {
    guard similar == nil else {
      status = StatusMessage("papers like one are in likeness order")
      return
    }
    guard listing.forYouView == nil else {
      status = StatusMessage("For you is in for-you order")
      return
    }
    listing.order = listing.order.next
    status = StatusMessage("sorted by \(listing.order.rawValue)")
    topics.forgetAll()
    // The for-you order is ranked here (``rankForYouOrderIfNeeded()``), the selected paper
    // kept wherever it ranks.
    restartListing(keeping: detail?.id, lookUp: listing.order == .forYou)
    if let hint = forYouStatus {
      status = StatusMessage("sorted by \(listing.order.rawValue) · \(hint.text)")
    }
  }
}

extension LibraryChange {
  /// The paper the change is about; nil for one about many.
  var paperID: String? {
    switch self {
    case .setStarred(let id, _), .setRead(let id, _, _), .setDismissed(let id, _),
      .setNote(let id, _), .setTagged(let id, _, _), .recordSignal(_, let id, _):
      id
    case .markAllRead, .unmarkRead: nil
    }
  }
}
