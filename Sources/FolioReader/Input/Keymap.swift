/// The one table that maps keys to actions. Every key press goes through it, and the help
/// overlay is drawn from it, so the help can never disagree with the keys.
public struct Keymap: Hashable, Sendable {
  /// Bindings in help order: each action with the keys that trigger it.
  public private(set) var bindings: [(action: Action, keys: [Key])]
  private var actionsByKey: [Key: Action]

  public init(_ bindings: [(Action, [Key])]) {
    self.bindings = bindings.map { (action: $0.0, keys: $0.1) }
    var actions: [Key: Action] = [:]
    for (action, keys) in bindings {
      for key in keys where actions[key] == nil { actions[key] = action }
    }
    actionsByKey = actions
  }

  /// The action `key` triggers, if any.
  public func action(for key: Key) -> Action? { actionsByKey[key] }

  /// The keys bound to `action`, in table order.
  public func keys(for action: Action) -> [Key] {
    bindings.first { $0.action == action }?.keys ?? []
  }

  /// The vim-style defaults.
  public static let standard = Keymap([
    (.moveDown, [.character("j"), .down]),
    (.moveUp, [.character("k"), .up]),
    (.halfPageDown, [.control("d")]),
    (.halfPageUp, [.control("u")]),
    (.pageDown, [.pageDown, .character(" ")]),
    (.pageUp, [.pageUp]),
    (.top, [.character("g"), .home]),
    (.bottom, [.character("G"), .end]),
    (.toggleFocus, [.tab]),
    (.scrollDetailDown, [.character("J")]),
    (.scrollDetailUp, [.character("K")]),
    (.openReading, [.enter]),
    (.back, [.escape]),
    (.toggleStar, [.character("s")]),
    (.toggleRead, [.character("r")]),
    (.markAllRead, [.character("A")]),
    (.previousDay, [.character("[")]),
    (.nextDay, [.character("]")]),
    (.toggleAllDays, [.character("a")]),
    (.openLink, [.character("o")]),
    (.copyLink, [.character("y")]),
    (.search, [.character("/")]),
    (.pickTopic, [.character("t")]),
    (.moreLikeThis, [.character("m")]),
    (.nextMatch, [.character("n")]),
    (.previousMatch, [.character("N")]),
    (.cycleTheme, [.character("T")]),
    (.fetch, [.character("R")]),
    (.exportStarred, [.character("e")]),
    (.exportAs, [.character("E")]),
    (.help, [.character("?")]),
    (.quit, [.character("q")]),
    (.forceQuit, [.control("c")]),
  ])

  public static func == (lhs: Keymap, rhs: Keymap) -> Bool {
    lhs.actionsByKey == rhs.actionsByKey && lhs.bindings.map(\.action) == rhs.bindings.map(\.action)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(actionsByKey)
  }
}
