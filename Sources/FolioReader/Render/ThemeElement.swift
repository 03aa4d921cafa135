/// Every styled thing the reader draws. A theme gives each a ``Style``.
public enum ThemeElement: String, CaseIterable, Hashable, Sendable {
  case header
  case listNormal = "list.normal"
  case listUnread = "list.unread"
  case listRead = "list.read"
  case listSelected = "list.selected"
  case listSelectedUnfocused = "list.selected-unfocused"
  case listStar = "list.star"
  case listTag = "list.tag"
  case listDay = "list.day"
  case listEmpty = "list.empty"
  case detailTitle = "detail.title"
  case detailLabel = "detail.label"
  case detailMeta = "detail.meta"
  case detailBody = "detail.body"
  case detailLink = "detail.link"
  case detailTopic = "detail.topic"
  case detailNote = "detail.note"
  case scrollbar
  case scrollbarThumb = "scrollbar.thumb"
  case separator
  case status
  case statusKey = "status.key"
  case statusMessage = "status.message"
  case statusError = "status.error"
  case prompt
  case help
  case helpTitle = "help.title"
  case helpKey = "help.key"
  case searchMatch = "search.match"
  case tooSmall = "too-small"
}
