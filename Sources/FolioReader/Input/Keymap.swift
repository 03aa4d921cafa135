/// The one table that maps keys to actions. Every key press goes through it, and the help
/// overlay and status hints are drawn from it, so they can never disagree with the keys.
public struct Keymap: Hashable, Sendable {
  /// Bindings in help order: each action with the key sequences that trigger it.
  public private(set) var bindings: [(action: Action, keys: [KeySequence])]
  private var actions: [KeySequence: Action]
  /// First keys of two-key sequences.
  private var prefixes: Set<Key>

  /// What a key press means, given the keys pressed before it.
  public enum Match: Hashable, Sendable {
    case action(Action)
    /// The start of a two-key sequence: wait for the next key.
    case pending
    case none
  }

  /// A keymap of `bindings`; an earlier binding wins a sequence bound twice, and a single key
  /// that starts a two-key sequence makes that sequence unreachable. ``conflicts(in:)`` reports
  /// both.
  public init(_ bindings: [(Action, [KeySequence])]) {
    self.bindings = bindings.map { (action: $0.0, keys: $0.1) }
    var actions: [KeySequence: Action] = [:]
    for (action, sequences) in bindings {
      for sequence in sequences where actions[sequence] == nil { actions[sequence] = action }
    }
    let singles = Set(actions.keys.filter { $0.keys.count == 1 }.map { $0.keys[0] })
    for sequence in actions.keys
    where sequence.keys.count == 2 && singles.contains(sequence.keys[0]) {
      actions[sequence] = nil
    }
    self.actions = actions
    prefixes = Set(actions.keys.filter { $0.keys.count == 2 }.map { $0.keys[0] })
  }

  /// The meaning of `key` after `pending` keys (empty, or the first of a sequence).
  public func match(after pending: [Key], _ key: Key) -> Match {
    if let action = actions[KeySequence(pending + [key])] { return .action(action) }
    if pending.isEmpty && prefixes.contains(key) { return .pending }
    return .none
  }

  /// The action a single `key` triggers, if any.
  public func action(for key: Key) -> Action? { actions[[key]] }

  /// The sequences bound to `action`, in table order.
  public func keys(for action: Action) -> [KeySequence] {
    bindings.first { $0.action == action }?.keys ?? []
  }

  /// What is wrong with `bindings`: sequences bound to two actions, sequences that a bound
  /// single key makes unreachable.
  public static func conflicts(in bindings: [(Action, [KeySequence])]) -> [String] {
    var owner: [KeySequence: Action] = [:]
    var problems: [String] = []
    for (action, sequences) in bindings {
      for sequence in sequences {
        if let other = owner[sequence], other != action {
          problems.append(
            "'\(sequence)' is bound to both \(other.rawValue) and \(action.rawValue); \(other.rawValue) wins"
          )
        } else {
          owner[sequence] = action
        }
      }
    }
    for (sequence, action) in owner where sequence.keys.count == 2 {
      if let single = owner[[sequence.keys[0]]] {
        problems.append(
          "'\(sequence)' (\(action.rawValue)) can never be typed: '\(sequence.keys[0])' alone is \(single.rawValue)"
        )
      }
    }
    return problems.sorted()
  }

  /// This keymap with `overrides` replacing the keys of their actions. A key the overrides
  /// give to one action is taken from the action that had it by default (the user's choice
  /// wins over a default); an action left with no key is reported, as are conflicts among
  /// the overrides themselves.
  public func overriding(_ overrides: [Action: [KeySequence]]) -> (
    keymap: Keymap, conflicts: [String]
  ) {
    var owner: [KeySequence: Action] = [:]
    for binding in bindings {
      for sequence in overrides[binding.action] ?? [] {
        owner[sequence] = owner[sequence] ?? binding.action
      }
    }
    var notes: [String] = []
    let merged = bindings.map { binding -> (Action, [KeySequence]) in
      if let keys = overrides[binding.action] { return (binding.action, keys) }
      let kept = binding.keys.filter { sequence in
        owner[sequence] == nil && (sequence.keys.count < 2 || owner[[sequence.keys[0]]] == nil)
      }
      if kept.isEmpty, let lost = binding.keys.first,
        let taker = owner[lost] ?? owner[[lost.keys[0]]]
      {
        notes.append(
          "\(binding.action.rawValue) has no key left: '\(lost)' is now \(taker.rawValue)")
      }
      return (binding.action, kept)
    }
    return (Keymap(merged), (Self.conflicts(in: merged) + notes).sorted())
  }

  public static func == (lhs: Keymap, rhs: Keymap) -> Bool {
    lhs.actions == rhs.actions && lhs.bindings.map(\.action) == rhs.bindings.map(\.action)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(actions)
  }
}

extension Keymap {
  /// The vim-style defaults. `j`/`k` move within what has focus (rows, or the text);
  /// `J`/`K` go to the next/previous paper from anywhere, the reading view included (as in
  /// newsboat's article view); `n`/`p` go to the next/previous unread paper; search matches
  /// are `.`/`,`, so that no key means two things and `N` (note) works while searching.
  public static let standard = Keymap([
    (.moveDown, [[.character("j")], [.down]]),
    (.moveUp, [[.character("k")], [.up]]),
    (.halfPageDown, [[.control("d")]]),
    (.halfPageUp, [[.control("u")]]),
    (.pageDown, [[.pageDown], [.character(" ")]]),
    (.pageUp, [[.pageUp]]),
    (.top, [[.character("g")], [.home]]),
    (.bottom, [[.character("G")], [.end]]),
    (.toggleFocus, [[.tab]]),
    (.nextPaper, [[.character("J")]]),
    (.previousPaper, [[.character("K")]]),
    (.nextUnread, [[.character("n")]]),
    (.previousUnread, [[.character("p")]]),
    (.scrollDetailDown, [[.control("e")]]),
    (.scrollDetailUp, [[.control("y")]]),
    (.openReading, [[.enter]]),
    (.back, [[.escape]]),
    (.toggleStar, [[.character("s")]]),
    (.toggleRead, [[.character("r")]]),
    (.markAllRead, [[.character("A")]]),
    (.toggleHideRead, [[.character("H")]]),
    (.previousDay, [[.character("[")]]),
    (.nextDay, [[.character("]")]]),
    (.toggleAllDays, [[.character("a")]]),
    (.openLink, [[.character("o")]]),
    (.copyLink, [[.character("y")]]),
    (.search, [[.character("/")]]),
    (.pickTopic, [[.character("t")]]),
    (.moreLikeThis, [[.character("m")]]),
    (.nextMatch, [[.character(".")]]),
    (.previousMatch, [[.character(",")]]),
    (.editNote, [[.character("N")]]),
    (.cycleTheme, [[.character("T")]]),
    (.fetch, [[.character("R")]]),
    (.exportStarred, [[.character("e")]]),
    (.exportAs, [[.character("E")]]),
    (.help, [[.character("?")]]),
    (.quit, [[.character("q")]]),
    (.forceQuit, [[.control("c")]]),
  ])

  /// Emacs-style movement (`Ctrl-n`, `Ctrl-p`, `Ctrl-v`, `Ctrl-s`, `Ctrl-g`, `Ctrl-x Ctrl-c`);
  /// the letter commands stay.
  public static let emacs = standard.overriding([
    .moveDown: [[.control("n")], [.down]],
    .moveUp: [[.control("p")], [.up]],
    .halfPageDown: [],
    .halfPageUp: [],
    .pageDown: [[.control("v")], [.pageDown], [.character(" ")]],
    .top: [[.home], [.character("<")]],
    .bottom: [[.end], [.character(">")]],
    .back: [[.control("g")], [.escape]],
    .search: [[.control("s")], [.character("/")]],
    .quit: [[.control("x"), .control("c")], [.character("q")]],
  ]).keymap

  /// The preset called `name` (`vim`, `emacs`), if there is one.
  public static func preset(_ name: String) -> Keymap? {
    switch name.lowercased() {
    case "vim", "default", "standard": standard
    case "emacs": emacs
    default: nil
    }
  }

  /// A keymap from config: `preset` (default vim) with `overrides` (action name to key names)
  /// applied; every unknown action, unreadable key name and conflict becomes a warning.
  public static func configured(
    preset: String?, overrides: [(action: String, keys: [String])]
  ) -> (keymap: Keymap, warnings: [String]) {
    var warnings: [String] = []
    var base = Keymap.standard
    if let preset {
      if let found = Keymap.preset(preset) {
        base = found
      } else {
        warnings.append("unknown keys preset '\(preset)' (vim or emacs); using vim")
      }
    }
    var changes: [Action: [KeySequence]] = [:]
    for (name, keyNames) in overrides {
      guard let action = Action(rawValue: name) else {
        warnings.append("unknown action '\(name)' in [keys]")
        continue
      }
      var sequences: [KeySequence] = []
      for keyName in keyNames {
        if let sequence = KeySequence(name: keyName) {
          sequences.append(sequence)
        } else {
          warnings.append("'\(keyName)' is not a key name (for \(name))")
        }
      }
      changes[action] = sequences
    }
    let (keymap, conflicts) = base.overriding(changes)
    return (keymap, warnings + conflicts.map { "keys: \($0)" })
  }
}
