/// Which context keys are read in, and the two overlays made from the action table: the `?`
/// help (filtered with `/`) and the command palette.
extension ReaderState {
  /// The context the next key is read in: what is in front, and in the list whether the
  /// detail pane has focus.
  public var actionContext: ActionContext {
    switch mode {
    case .screen(.reading): .reading
    case .screen(.triage): .triage
    case .screen(.list): focus == .detail ? .detail : .list
    case .help(let help, _): help.isTypingFilter ? .helpFilter : .help
    case .search: .searchLine
    case .topicPicker: .topicPicker
    case .exportPrompt(let prompt, _):
      if case .format = prompt.stage { .exportFormat } else { .exportPath }
    case .confirmation: .confirmation
    case .palette: .palette
    case .tagPrompt: .tagPrompt
    case .topicNamePrompt: .topicName
    }
  }

  /// The help's state, while it is open.
  public var help: HelpState? {
    if case .help(let help, _) = mode { help } else { nil }
  }

  /// The command palette, while open.
  public var palette: CommandPalette? {
    if case .palette(let palette, _) = mode { palette } else { nil }
  }

  // MARK: - Help

  /// Opens the help on the actions of `context`.
  mutating func openHelp(from context: ActionContext) {
    mode = .help(HelpState(context: context), over: mode.screen)
  }

  /// A key in the help: movement scrolls it, `/` starts a filter, typing edits the filter,
  /// Esc clears a filter (or closes), and any other key closes it.
  mutating func handleHelp(_ key: Key, action: Action?) {
    guard case .help(var help, let under) = mode else { return }
    if help.isTypingFilter {
      switch action {
      case .accept?: help.isTypingFilter = false
      case .cancel?:
        help.filter = ""
        help.isTypingFilter = false
      case .deleteCharacter?:
        if help.filter.isEmpty {
          help.isTypingFilter = false
        } else {
          help.filter.removeLast()
        }
      case .clearLine?: help.filter = ""
      case .deleteWord?: help.filter = Self.deletingWord(help.filter)
      case .moveDown?: help.scroll += 1
      case .moveUp?: help.scroll -= 1
      default:
        guard case .character(let character) = key else { break }
        if help.filter.count < FuzzyMatch.maxQueryLength { help.filter.append(character) }
        help.scroll = 0
      }
    } else {
      switch action {
      case .moveDown?, .scrollDetailDown?: help.scroll += 1
      case .moveUp?, .scrollDetailUp?: help.scroll -= 1
      case .pageDown?, .halfPageDown?: help.scroll += 5
      case .pageUp?, .halfPageUp?: help.scroll -= 5
      case .search?:
        help.isTypingFilter = true
      case .cancel? where !help.filter.isEmpty:
        help.filter = ""
        help.scroll = 0
      default:
        mode = .screen(under)
        return
      }
    }
    let page = HelpPage(
      settings.keymap, context: help.context, filter: help.filter,
      isTypingFilter: help.isTypingFilter)
    help.scroll = min(max(0, help.scroll), page.maxScroll(size: size))
    mode = .help(help, over: under)
  }

  // MARK: - Palette

  /// Opens the palette on the actions of `context`.
  mutating func openPalette(from context: ActionContext) {
    mode = .palette(CommandPalette(context: context), over: mode.screen)
  }

  /// A key in the palette: typing filters, Up/Down move, Enter closes the palette and runs the
  /// selected action exactly as its key would, Esc closes it.
  mutating func handlePalette(_ key: Key, action: Action?) -> [ReaderEffect] {
    guard case .palette(var open, let under) = mode else { return [] }
    switch action {
    case .accept?:
      mode = .screen(under)
      let entries = open.entries(settings.keymap)
      guard entries.indices.contains(open.selected) else {
        status = StatusMessage("no action matches '\(open.text)'")
        return []
      }
      let entry = entries[open.selected]
      // The key that names the action in "nothing here" messages: its own, or Enter.
      return run(entry.action, key: entry.keys.first?.keys.last ?? .enter)
    case .cancel?:
      mode = .screen(under)
      return []
    case .moveDown?: open.selected += 1
    case .moveUp?: open.selected -= 1
    default:
      // Backspace on an empty line keeps the palette open.
      guard
        LineEdit.apply(action, key: key, to: &open.text, limit: FuzzyMatch.maxQueryLength)
          != .notAnEdit
      else { return [] }
      open.selected = 0
    }
    let shown = open.entries(settings.keymap).count
    open.selected = min(max(0, open.selected), max(0, shown - 1))
    mode = .palette(open, over: under)
    return []
  }

  /// `text` without its last word (Ctrl-w): trailing spaces, then the non-spaces before them.
  static func deletingWord(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    while let last = text.last, last != " " { text.removeLast() }
    return text
  }
}
