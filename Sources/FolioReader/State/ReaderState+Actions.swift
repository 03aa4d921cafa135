/// Which context keys are read in, and the two overlays made from the action table: the `?`
/// help (filtered with `/`) and the command palette.
extension ReaderState {
  /// The context the next key is read in: what is in front, in the order `handle(_ key:)`
  /// has always checked it.
  public var actionContext: ActionContext {
    if palette != nil { return .palette }
    if searchLine != nil { return .searchLine }
    if topicPicker != nil { return .topicPicker }
    if let prompt = exportPrompt {
      if case .format = prompt.stage { return .exportFormat }
      return .exportPath
    }
    if let help { return help.isTypingFilter ? .helpFilter : .help }
    if confirmation != nil { return .confirmation }
    if isReading { return .reading }
    return focus == .detail ? .detail : .list
  }

  // MARK: - Help

  /// Whether the help is open.
  public var isShowingHelp: Bool { help != nil }

  /// How far the help is scrolled (0 when closed).
  public var helpScroll: Int { help?.scroll ?? 0 }

  /// Opens the help on the actions of `context`.
  mutating func openHelp(from context: ActionContext) {
    help = HelpScreen(context: context)
  }

  /// A key in the help: movement scrolls it, `/` starts a filter, typing edits the filter,
  /// Esc clears a filter (or closes), and any other key closes it.
  mutating func handleHelp(_ key: Key, action: Action?) {
    guard var screen = help else { return }
    if screen.isTypingFilter {
      switch action {
      case .accept?: screen.isTypingFilter = false
      case .cancel?:
        screen.filter = ""
        screen.isTypingFilter = false
      case .deleteCharacter?:
        if screen.filter.isEmpty {
          screen.isTypingFilter = false
        } else {
          screen.filter.removeLast()
        }
      case .clearLine?: screen.filter = ""
      case .deleteWord?: screen.filter = Self.deletingWord(screen.filter)
      case .moveDown?: screen.scroll += 1
      case .moveUp?: screen.scroll -= 1
      default:
        guard case .character(let character) = key else { break }
        if screen.filter.count < FuzzyMatch.maxQueryLength { screen.filter.append(character) }
        screen.scroll = 0
      }
    } else {
      switch action {
      case .moveDown?, .scrollDetailDown?: screen.scroll += 1
      case .moveUp?, .scrollDetailUp?: screen.scroll -= 1
      case .pageDown?, .halfPageDown?: screen.scroll += 5
      case .pageUp?, .halfPageUp?: screen.scroll -= 5
      case .search?:
        screen.isTypingFilter = true
      case .cancel? where !screen.filter.isEmpty:
        screen.filter = ""
        screen.scroll = 0
      default:
        help = nil
        return
      }
    }
    let page = HelpPage(
      settings.keymap, context: screen.context, filter: screen.filter,
      isTypingFilter: screen.isTypingFilter)
    screen.scroll = min(max(0, screen.scroll), page.maxScroll(size: size))
    help = screen
  }

  // MARK: - Palette

  /// Opens the palette on the actions of `context`.
  mutating func openPalette(from context: ActionContext) {
    palette = CommandPalette(context: context)
  }

  /// A key in the palette: typing filters, Up/Down move, Enter closes the palette and runs the
  /// selected action exactly as its key would, Esc closes it.
  mutating func handlePalette(_ key: Key, action: Action?) -> [ReaderEffect] {
    guard var open = palette else { return [] }
    let count = open.entries(settings.keymap).count
    switch action {
    case .accept?:
      palette = nil
      let entries = open.entries(settings.keymap)
      guard entries.indices.contains(open.selected) else {
        status = StatusMessage("no action matches '\(open.text)'")
        return []
      }
      let entry = entries[open.selected]
      // The key that names the action in "nothing here" messages: its own, or Enter.
      return run(entry.action, key: entry.keys.first?.keys.last ?? .enter)
    case .cancel?:
      palette = nil
      return []
    case .moveDown?: open.selected += 1
    case .moveUp?: open.selected -= 1
    case .deleteCharacter?:
      if !open.text.isEmpty { open.text.removeLast() }
      open.selected = 0
    case .clearLine?:
      open.text = ""
      open.selected = 0
    case .deleteWord?:
      open.text = Self.deletingWord(open.text)
      open.selected = 0
    default:
      guard case .character(let character) = key else { return [] }
      if open.text.count < FuzzyMatch.maxQueryLength { open.text.append(character) }
      open.selected = 0
    }
    let shown =
      action == .moveDown || action == .moveUp ? count : open.entries(settings.keymap).count
    open.selected = min(max(0, open.selected), max(0, shown - 1))
    palette = open
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
