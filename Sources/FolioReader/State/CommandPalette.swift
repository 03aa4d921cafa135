/// The command palette while it is open: every action of the context it was opened from,
/// narrowed by what the user types (fuzzy, by name or help text); Enter runs the selected one
/// as its key would.
public struct CommandPalette: Hashable, Sendable {
  /// One action on offer, with the keys that reach it in that context.
  public struct Entry: Hashable, Sendable {
    public var action: Action
    public var help: String
    public var keys: [KeySequence]
  }

  /// The context the palette was opened from: its actions are offered and run there.
  public var context: ActionContext
  /// What the user typed, at most ``FuzzyMatch/maxQueryLength`` characters.
  public var text = ""
  /// The selected entry, an index into ``entries(_:)``.
  public var selected = 0

  public init(context: ActionContext) {
    self.context = context
  }

  /// The actions matching the text, best first; with no text, all of them in table order. The
  /// palette itself is not offered.
  public func entries(_ keymap: Keymap) -> [Entry] {
    let all = keymap.rows(in: context).filter { $0.action != .palette }.map {
      Entry(action: $0.action, help: $0.help, keys: $0.keys)
    }
    guard !text.isEmpty else { return all }
    return FuzzyMatch.rank(text, all.map { [$0.action.rawValue, $0.help] }).map { all[$0] }
  }
}
