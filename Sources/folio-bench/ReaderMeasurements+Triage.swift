import FolioReader

/// Triage's measures: the next card, and undoing a step, each with its durable commit.
extension ReaderMeasurements {
  /// Opens triage on all days and marks `times` cards read one after another (`j`: the read
  /// mark committed, the next card loaded and drawn), then undoes every step (`u`: the read
  /// mark taken back, committed, the card brought back), so the library ends as it began.
  func triageSteps(_ times: Int) -> (nextCard: [Double], undo: [Double]) {
    var state = reader()
    press(.character("i"), on: &state)
    let next = (0..<times).map { _ in timedPress(.character("j"), on: &state) }
    let undo = (0..<times).map { _ in timedPress(.character("u"), on: &state) }
    press(.character("q"), on: &state)
    return (next, undo)
  }
}
