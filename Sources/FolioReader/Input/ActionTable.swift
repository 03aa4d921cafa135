/// One row of the action table: an action, what it does, its default keys (the vim preset) and
/// the contexts where it applies. An action has at most one row per context; it may have
/// several rows when its help text or default keys differ between contexts (`accept` is
/// "apply the query" in the search line and "run the action" in the palette).
public struct ActionRow: Hashable, Sendable {
  public var action: Action
  public var help: String
  public var keys: [KeySequence]
  public var contexts: [ActionContext]

  public init(
    _ action: Action, _ help: String, _ keys: [KeySequence], _ contexts: [ActionContext]
  ) {
    self.action = action
    self.help = help
    self.keys = keys
    self.contexts = contexts
  }
}

/// The one table of actions. The keymap (per context), the `?` help, the palette, the
/// `[keys]` validation, the man page's KEYS section and docs/guide.md's key table are all made
/// from it, so none of them can disagree with the keys.
public enum ActionTable {
  /// The vim-style defaults, in help order. `j`/`k` move within what has focus (rows, or the
  /// text); `J`/`K` go to the next/previous paper from anywhere, the reading view included (as
  /// in newsboat's article view); `n`/`p` go to the next/previous unread paper; search matches
  /// are `.`/`,`, so that `N` (note) works while searching. In the text-entry contexts
  /// (``ActionContext/isTextEntry``) printable keys are text, so `j` does not move there.
  public static let rows: [ActionRow] = browsing + triageRows + prompts

  private static let browse = ActionContext.browsing
  /// Where the movement keys move or scroll something.
  private static let moving = browse + [.help, .helpFilter, .topicPicker, .searchLine]

  private static let browsing: [ActionRow] = [
    ActionRow(.moveDown, "move down / scroll down", [[.character("j")], [.down]], moving),
    ActionRow(.moveUp, "move up / scroll up", [[.character("k")], [.up]], moving),
    ActionRow(
      .halfPageDown, "half a page down", [[.control("d")]], browse + [.help, .topicPicker]),
    ActionRow(.halfPageUp, "half a page up", [[.control("u")]], browse + [.help, .topicPicker]),
    ActionRow(
      .pageDown, "page down", [[.pageDown], [.character(" ")]],
      browse + [.help, .topicPicker, .searchLine]),
    ActionRow(.pageUp, "page up", [[.pageUp]], browse + [.help, .topicPicker, .searchLine]),
    ActionRow(.top, "first paper / top", [[.character("g")], [.home]], browse + [.topicPicker]),
    ActionRow(
      .bottom, "last paper / bottom", [[.character("G")], [.end]], browse + [.topicPicker]),
    ActionRow(.toggleFocus, "focus list / detail", [[.tab]], [.list, .detail]),
    ActionRow(.nextPaper, "next paper (anywhere)", [[.character("J")]], browse),
    ActionRow(.previousPaper, "previous paper", [[.character("K")]], browse),
    ActionRow(.nextUnread, "next unread paper", [[.character("n")]], browse),
    ActionRow(.previousUnread, "previous unread paper", [[.character("p")]], browse),
    ActionRow(.scrollDetailDown, "scroll the detail down", [[.control("e")]], browse + [.help]),
    ActionRow(.scrollDetailUp, "scroll the detail up", [[.control("y")]], browse + [.help]),
    ActionRow(.openReading, "read full screen", [[.enter]], [.list, .detail]),
    ActionRow(.back, "back / clear filter", [[.escape]], browse),
    ActionRow(.toggleStar, "star / unstar", [[.character("s")]], browse),
    ActionRow(.toggleRead, "mark read / unread", [[.character("r")]], browse),
    ActionRow(.markAllRead, "mark all shown read", [[.character("A")]], browse),
    ActionRow(.toggleHideRead, "hide/show read papers", [[.character("H")]], browse),
    ActionRow(.previousDay, "previous (older) day", [[.character("[")]], browse),
    ActionRow(.nextDay, "next (newer) day", [[.character("]")]], browse),
    ActionRow(.toggleAllDays, "all days / one day", [[.character("a")]], browse),
    ActionRow(.openLink, "open link in browser", [[.character("o")]], browse),
    ActionRow(.copyLink, "copy link (OSC 52)", [[.character("y")]], browse),
    ActionRow(.search, "search as you type", [[.character("/")]], browse),
    ActionRow(.pickTopic, "pick a topic", [[.character("t")]], browse),
    ActionRow(.moreLikeThis, "papers like this one", [[.character("m")]], browse),
    ActionRow(.forYou, "For you: best first", [[.character("f")]], browse),
    ActionRow(.nextMatch, "next match in the text", [[.character(".")]], browse),
    ActionRow(.previousMatch, "previous match in text", [[.character(",")]], browse),
    ActionRow(.editNote, "edit the paper's note", [[.character("N")]], browse),
    ActionRow(.cycleTheme, "next colour theme", [[.character("T")]], browse),
    ActionRow(.fetch, "fetch today's papers", [[.character("R")]], browse),
    ActionRow(.openPDF, "open the paper's PDF", [[.character("O")]], browse),
    // Zotero (issue 20): the paper at once; the starred ones after a yes to their count (so
    // `z` typed for `Z` sends nothing unasked).
    ActionRow(.sendToZotero, "send the paper to Zotero", [[.character("Z")]], browse),
    ActionRow(.sendStarredToZotero, "send starred to Zotero", [[.character("z")]], browse),
    ActionRow(.exportStarred, "export starred papers", [[.character("e")]], browse),
    ActionRow(.exportAs, "export as (asks format)", [[.character("E")]], browse),
    // Tags and saved searches (issue 18).
    ActionRow(.tag, "tag or untag the paper", [[.character("l")]], browse),
    ActionRow(.saveTopic, "save search as a topic", [[.character("+")]], browse),
    ActionRow(.palette, "command palette", [[.control("p")], [.character(":")]], browse),
    ActionRow(.help, "this help", [[.character("?")]], browse),
    ActionRow(.quit, "quit (back when reading)", [[.character("q")]], browse),
    ActionRow(.forceQuit, "quit from anywhere", [[.control("c")]], ActionContext.allCases),
  ]

  // MARK: - Triage, undo, sort

  /// The list's keys for triage, undo and sort, and triage's own (`i`).
  private static let triageRows: [ActionRow] = [
    ActionRow(.dismiss, "dismiss (not interested)", [[.character("x")]], browse),
    ActionRow(.undo, "undo the last change", [[.character("u")]], browse),
    ActionRow(.cycleSort, "next sort order", [[.character("S")]], browse),
    ActionRow(.triage, "triage unread papers", [[.character("i")]], browse),
    ActionRow(.toggleStar, "star and next", [[.character("s")]], [.triage]),
    ActionRow(.dismiss, "dismiss and next", [[.character("x")]], [.triage]),
    ActionRow(
      .readAndNext, "mark read and next", [[.character(" ")], [.character("j")]], [.triage]),
    ActionRow(.tag, "tag the paper", [[.character("l")]], [.triage]),
    ActionRow(.openLink, "open link in browser", [[.character("o")]], [.triage]),
    ActionRow(.sendToZotero, "send the paper to Zotero", [[.character("Z")]], [.triage]),
    ActionRow(.undo, "undo the last change", [[.character("u")]], [.triage]),
    ActionRow(
      .scrollDetailDown, "scroll the card down", [[.control("e")], [.down]], [.triage]),
    ActionRow(.scrollDetailUp, "scroll the card up", [[.control("y")], [.up]], [.triage]),
    ActionRow(.quit, "leave triage", [[.character("q")]], [.triage]),
    ActionRow(.back, "leave triage", [[.escape]], [.triage]),
    ActionRow(.help, "this help", [[.character("?")]], [.triage]),
  ]

  private static let prompts: [ActionRow] = [
    // The help.
    ActionRow(.search, "filter this help", [[.character("/")]], [.help]),
    ActionRow(.cancel, "close the help", [[.escape]], [.help]),
    ActionRow(.accept, "keep the filter", [[.enter]], [.helpFilter]),
    ActionRow(.cancel, "clear the filter", [[.escape]], [.helpFilter]),
    // The search line.
    ActionRow(.accept, "apply the query", [[.enter]], [.searchLine]),
    ActionRow(.cancel, "undo the search", [[.escape]], [.searchLine]),
    // The topic picker.
    ActionRow(.accept, "apply the topic", [[.enter]], [.topicPicker]),
    ActionRow(.cancel, "close the picker", [[.escape]], [.topicPicker]),
    // The export prompt.
    ActionRow(
      .exportMarkdown, "as Markdown", [[.character("m")], [.character("M")]], [.exportFormat]),
    ActionRow(.exportBibTeX, "as BibTeX", [[.character("b")], [.character("B")]], [.exportFormat]),
    ActionRow(.exportJSON, "as JSON", [[.character("j")], [.character("J")]], [.exportFormat]),
    ActionRow(.exportRIS, "as RIS", [[.character("r")], [.character("R")]], [.exportFormat]),
    ActionRow(
      .exportCSLJSON, "as CSL-JSON", [[.character("c")], [.character("C")]], [.exportFormat]),
    ActionRow(.accept, "as Markdown", [[.enter]], [.exportFormat]),
    ActionRow(.accept, "export to this file", [[.enter]], [.exportPath]),
    ActionRow(.cancel, "cancel the export", [[.escape]], [.exportFormat, .exportPath]),
    // The tag prompt and the topic name prompt (issue 18).
    ActionRow(.accept, "add the tag (-name: remove it)", [[.enter]], [.tagPrompt]),
    ActionRow(.complete, "complete the tag name", [[.tab]], [.tagPrompt]),
    ActionRow(.cancel, "close the tag prompt", [[.escape]], [.tagPrompt]),
    ActionRow(.accept, "save the topic", [[.enter]], [.topicName]),
    ActionRow(.cancel, "do not save", [[.escape]], [.topicName]),
    // A yes/no question.
    ActionRow(.confirm, "yes", [[.character("y")], [.character("Y")]], [.confirmation]),
    ActionRow(.cancel, "no (so does any other key)", [[.escape]], [.confirmation]),
    // The palette.
    ActionRow(.moveDown, "next action", [[.down], [.control("n")]], [.palette]),
    ActionRow(.moveUp, "previous action", [[.up], [.control("p")]], [.palette]),
    ActionRow(.accept, "run the action", [[.enter]], [.palette]),
    ActionRow(.cancel, "close the palette", [[.escape]], [.palette]),
    // Editing the text of the search line, the file name, the palette and the help's filter.
    ActionRow(
      .deleteCharacter, "delete a character", [[.backspace]],
      [.searchLine, .exportPath, .palette, .helpFilter, .tagPrompt, .topicName]),
    ActionRow(
      .deleteWord, "delete a word", [[.control("w")]], [.searchLine, .palette, .helpFilter]),
    ActionRow(
      .clearLine, "clear the line", [[.control("u")]],
      [.searchLine, .exportPath, .palette, .helpFilter, .tagPrompt, .topicName]),
  ]
}
