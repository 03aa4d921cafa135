import FolioCore
import FolioStore

/// The selected paper in full, and how far its text is scrolled in the detail pane and in
/// the reading view (each from the top of the paper's ``DetailDocument`` at that width).
public struct SelectedPaper: Hashable, Sendable {
  /// The paper, once loaded; nil when the listing is empty.
  public internal(set) var paper: LibraryPaper?
  /// The first line shown in the detail pane.
  public internal(set) var scroll = 0
  /// The first line shown in the reading view.
  public internal(set) var readingScroll = 0
  /// Why the paper scores as it does under the for-you model, while a for-you ranking is
  /// shown (the "why" line).
  public internal(set) var explanation: Explanation?
  /// The path of the paper's PDF when it is in the cache: one `stat` when the selection
  /// changes to another paper and when a download (`O`) finishes, never per row or frame.
  public internal(set) var cachedPDF: String?

  /// A paper's for-you explanation, with the paper it is of.
  public struct Explanation: Hashable, Sendable {
    public var id: String
    public var value: ForYouExplanation
  }
}
