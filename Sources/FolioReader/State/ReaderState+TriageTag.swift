/// `l` on triage's card. MERGE: the `tags` work's tag prompt (a ``ReaderMode`` case) opens
/// here over `.triage`, for the card's paper; the action (`tag`) and its row are in place.
extension ReaderState {
  mutating func openTriageTagPrompt() -> [ReaderEffect] {
    status = StatusMessage("tagging arrives with the tag prompt")
    return []
  }
}
