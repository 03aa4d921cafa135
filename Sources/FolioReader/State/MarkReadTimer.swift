/// The mark-as-read timer's memory: it runs only while the user reads a paper they went to,
/// and asks once per paper.
struct MarkReadTimer: Sendable {
  /// When the current paper was selected (or the user came back to reading it in the list).
  var selectedSince: Double
  /// The paper the timer already asked to mark read (or the user marked themselves).
  var autoReadRequested: String?
  /// Whether a key (or the mouse) moved the selection onto the current paper: the timer
  /// runs only for a paper the user went to, never for the one a new listing starts on.
  var selectionChosen = false
}
