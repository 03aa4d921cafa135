/// `l` on triage's card: the tag prompt (``ReaderMode/tagPrompt(_:over:)``) opens over the
/// triage screen for the card's paper; closing it returns to the same card.
extension ReaderState {
  mutating func openTriageTagPrompt() -> [ReaderEffect] {
    guard let card = triage?.card else {
      status = StatusMessage("no paper to tag")
      return []
    }
    openTagPrompt(for: card)
    return []
  }
}
