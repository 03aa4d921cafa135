/// What a key asks the reader to do. Movement actions apply to the focused pane: the list, the
/// detail pane, or the full-screen reading view.
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
  case exportStarred = "export"
  case exportAs = "export-as"
  case help
  case quit
  case forceQuit = "force-quit"

  /// One line for the help overlay.
  public var summary: String {
    switch self {
    case .moveDown: "move down / scroll down"
    case .moveUp: "move up / scroll up"
    case .halfPageDown: "half a page down"
    case .halfPageUp: "half a page up"
    case .pageDown: "page down"
    case .pageUp: "page up"
    case .top: "first paper / top"
    case .bottom: "last paper / bottom"
    case .toggleFocus: "focus list / detail"
    case .scrollDetailDown: "scroll the detail down"
    case .scrollDetailUp: "scroll the detail up"
    case .nextPaper: "next paper (anywhere)"
    case .previousPaper: "previous paper"
    case .nextUnread: "next unread paper"
    case .previousUnread: "previous unread paper"
    case .openReading: "read full screen"
    case .back: "back / clear filter"
    case .toggleStar: "star / unstar"
    case .toggleRead: "mark read / unread"
    case .markAllRead: "mark all shown read"
    case .toggleHideRead: "hide/show read papers"
    case .previousDay: "previous (older) day"
    case .nextDay: "next (newer) day"
    case .toggleAllDays: "all days / one day"
    case .openLink: "open link in browser"
    case .copyLink: "copy link (OSC 52)"
    case .search: "search as you type"
    case .pickTopic: "pick a topic"
    case .moreLikeThis: "papers like this one"
    case .nextMatch: "next match in the text"
    case .previousMatch: "previous match in text"
    case .editNote: "edit the paper's note"
    case .cycleTheme: "next colour theme"
    case .fetch: "fetch today's papers"
    case .exportStarred: "export starred papers"
    case .exportAs: "export as (asks format)"
    case .help: "this help"
    case .quit: "quit (back when reading)"
    case .forceQuit: "quit from anywhere"
    }
  }
}
