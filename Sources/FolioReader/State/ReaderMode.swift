/// The full-screen view under whatever the reader shows in front of it.
///
/// A new view of the whole screen (a "for you" view, triage) is one more case here; every
/// overlay of ``ReaderMode`` can then open over it without further change.
public enum ReaderScreen: Hashable, Sendable {
  /// The list with the detail pane beside or under it (``ReaderState/focus`` says which of
  /// the two has the movement keys).
  case list
  /// The selected paper full screen.
  case reading
  /// Triage (`i`): the view's unread papers one card at a time (``ReaderState/triage``).
  case triage
}

/// What is in front of the reader, and so what reads the keys: the one place that says so.
///
/// A screen (``ReaderScreen``) is always there; at most one overlay, prompt or dialogue sits
/// on top of it. Each such case carries the screen it was opened `over`, which is what the
/// reader goes back to when it closes (help opened in the reading view returns to the
/// reading view; the search line typed over the list returns to the list). A single level is
/// enough and is all the type allows: none of these opens another of them, so "help over the
/// search line" or "a prompt over a prompt" cannot be written, and there is no stack to keep
/// bounded.
///
/// To add a mode (a tag prompt): add a case `over: ReaderScreen` here with its payload type,
/// and the compiler asks for the rest, since every `switch` on the mode is exhaustive:
/// ``screen``, its ``ActionContext`` (the keys it reads, rows in ``ActionTable``) in
/// ``ReaderState/actionContext``, who reads the keys in ``ReaderState/handle(_:now:)``, and what
/// ``ReaderView`` draws on top. A new full-screen view is a case of ``ReaderScreen`` instead.
public enum ReaderMode: Hashable, Sendable {
  /// Only the screen: its own keys act on it.
  case screen(ReaderScreen)
  /// The `?` overlay.
  case help(HelpState, over: ReaderScreen)
  /// The `/` line, while the user types in it.
  case search(SearchLine, over: ReaderScreen)
  /// The `t` overlay.
  case topicPicker(TopicPicker, over: ReaderScreen)
  /// The `E` dialogue on the status line.
  case exportPrompt(ExportPrompt, over: ReaderScreen)
  /// A yes/no question on the status line.
  case confirmation(Confirmation, over: ReaderScreen)
  /// The command palette (`Ctrl-p`, `:`).
  case palette(CommandPalette, over: ReaderScreen)
  /// The `l` tag prompt on the status line (issue 18: tags).
  case tagPrompt(TagPrompt, over: ReaderScreen)
  /// The `+` prompt for the name to save the current search under as a topic (issue 18).
  case topicNamePrompt(TopicNamePrompt, over: ReaderScreen)

  /// The reader on the list, nothing in front of it.
  public static let list = ReaderMode.screen(.list)

  /// The screen under whatever is in front (the screen itself when nothing is).
  public var screen: ReaderScreen {
    switch self {
    case .screen(let screen): screen
    case .help(_, let screen), .search(_, let screen), .topicPicker(_, let screen),
      .exportPrompt(_, let screen), .confirmation(_, let screen), .palette(_, let screen),
      .tagPrompt(_, let screen), .topicNamePrompt(_, let screen):
      screen
    }
  }
}

/// The help overlay's own state: which context's keys it lists, the filter typed after `/`,
/// and how far it is scrolled. ``HelpPage`` makes its content.
public struct HelpState: Hashable, Sendable {
  /// The context the help was opened from: it lists that context's actions.
  public var context: ActionContext
  /// The filter typed after `/` (fuzzy, as the palette's).
  public var filter = ""
  /// Whether keys go into the filter (after `/`, until Enter or Esc).
  public var isTypingFilter = false
  /// The first help line shown.
  public var scroll = 0

  public init(context: ActionContext = .list, scroll: Int = 0) {
    self.context = context
    self.scroll = scroll
  }
}
