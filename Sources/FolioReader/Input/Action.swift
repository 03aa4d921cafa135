/// What a key asks the reader to do. Movement actions apply to the focused pane: the list, the
/// detail pane, or the full-screen reading view. The raw value is the action's name in
/// config.toml's `[keys]`; the help text, default keys and contexts of each are in
/// ``ActionTable``.
public enum Action: String, CaseIterable, Hashable, Sendable {
  case moveDown = "down"
  case moveUp = "up"
  case halfPageDown = "half-page-down"
  case halfPageUp = "half-page-up"
  case pageDown = "page-down"
  case pageUp = "page-up"
  case top
  case bottom
  case toggleFocus = "toggle-focus"
  case scrollDetailDown = "scroll-detail-down"
  case scrollDetailUp = "scroll-detail-up"
  case nextPaper = "next-paper"
  case previousPaper = "previous-paper"
  case nextUnread = "next-unread"
  case previousUnread = "previous-unread"
  case openReading = "open"
  case back
  case toggleStar = "star"
  case toggleRead = "read"
  case markAllRead = "mark-all-read"
  case toggleHideRead = "hide-read"
  case previousDay = "previous-day"
  case nextDay = "next-day"
  case toggleAllDays = "all-days"
  case openLink = "open-link"
  case copyLink = "copy-link"
  case search
  case pickTopic = "topics"
  case moreLikeThis = "more-like-this"
  case nextMatch = "next-match"
  case previousMatch = "previous-match"
  case editNote = "note"
  case cycleTheme = "next-theme"
  case fetch
  /// `O`: download the selected paper's PDF into the cache (in the background) and open it.
  case openPDF = "open-pdf"
  /// `Z`: send the selected paper to the Zotero desktop app (in the background).
  case sendToZotero = "zotero"
  /// `z`: the starred papers to Zotero, asked first with their count.
  case sendStarredToZotero = "zotero-starred"
  case exportStarred = "export"
  case exportAs = "export-as"
  /// `l`: the tag prompt for the selected paper.
  case tag
  /// `+`: save the current search as a named topic.
  case saveTopic = "save-topic"
  case palette
  case help
  case quit
  case forceQuit = "force-quit"
  // MARK: Triage, undo, sort
  case dismiss
  case undo
  case cycleSort = "sort"
  case triage
  /// Space or `j` in triage: mark the card read and show the next.
  case readAndNext = "read-next"
  /// `f`: the For you view (issue 19).
  case forYou = "for-you"
  // Keys inside prompts, pickers and overlays.
  /// Enter: apply the search, the topic, the file name; run the palette's action.
  case accept
  /// Esc: close the prompt, picker or overlay without doing anything.
  case cancel
  /// `y` in a yes/no question.
  case confirm
  case deleteCharacter = "delete-char"
  case deleteWord = "delete-word"
  case clearLine = "clear-line"
  case exportMarkdown = "export-markdown"
  case exportBibTeX = "export-bibtex"
  case exportJSON = "export-json"
  case exportRIS = "export-ris"
  case exportCSLJSON = "export-csljson"
  /// Tab in the tag prompt: complete the name.
  case complete

  /// One line for the help: the help text of the action's first row in ``ActionTable``.
  public var summary: String {
    ActionTable.rows.first { $0.action == self }?.help ?? rawValue
  }
}
