/// The keys in effect: the rows of ``ActionTable`` with the keys a preset or the user gave
/// them, resolved per context. Every key press goes through it, and the help, the palette and
/// the status hints are drawn from it, so they can never disagree with the keys.
public struct Keymap: Hashable, Sendable {
  /// The table's rows with the keys given to them (before per-context resolution), in table
  /// order.
  public private(set) var rows: [ActionRow]
  /// How each action's keys were chosen: absent for the table's defaults, higher for later
  /// choices (a preset, then the user). A key chosen later takes the key from an action that
  /// had it before, in each context where both apply.
  private var ranks: [Action: Int]
  private var contexts: [ActionContext: ContextKeys]
  /// What is wrong with the keys, one line each, naming the contexts where it is wrong.
  public private(set) var conflicts: [String]

  /// What a key press means, given the keys pressed before it.
  public enum Match: Hashable, Sendable {
    case action(Action)
    /// The start of a two-key sequence: wait for the next key.
    case pending
    case none
  }

  /// The keys of one context.
  private struct ContextKeys: Hashable, Sendable {
    var actions: [KeySequence: Action] = [:]
    /// First keys of two-key sequences.
    var prefixes: Set<Key> = []
    /// The sequences that reach each action here, in table order.
    var keys: [Action: [KeySequence]] = [:]
    var problems: [String] = []
  }

  /// A keymap of `rows`. In each context an earlier row wins a sequence bound twice (unless a
  /// later choice, by `ranks`, claims it), and a single key that starts a two-key sequence
  /// makes that sequence unreachable; ``conflicts`` reports both.
  public init(_ rows: [ActionRow], ranks: [Action: Int] = [:]) {
    self.rows = rows
    self.ranks = ranks
    var contexts: [ActionContext: ContextKeys] = [:]
    var problems: [String: [ActionContext]] = [:]
    for context in ActionContext.allCases {
      let keys = Self.resolve(rows, ranks: ranks, in: context)
      contexts[context] = keys
      for problem in keys.problems { problems[problem, default: []].append(context) }
    }
    self.contexts = contexts
    conflicts = problems.map { problem, found in
      problem + " (in " + found.map(\.rawValue).joined(separator: ", ") + ")"
    }.sorted()
  }

  /// The keys of `context`: the rows that apply there, highest rank first, each sequence to
  /// the first that claims it. A text-entry context leaves out printable keys.
  private static func resolve(
    _ rows: [ActionRow], ranks: [Action: Int], in context: ActionContext
  ) -> ContextKeys {
    func usable(_ sequence: KeySequence) -> Bool {
      !context.isTextEntry
        || !sequence.keys.contains { if case .character = $0 { true } else { false } }
    }
    let applying = rows.filter { $0.contexts.contains(context) }
    // A stable sort: rank, then table order.
    let ordered = applying.enumerated().sorted {
      let (left, right) = (ranks[$0.element.action] ?? 0, ranks[$1.element.action] ?? 0)
      return left != right ? left > right : $0.offset < $1.offset
    }.map(\.element)
    var result = ContextKeys()
    var owner: [KeySequence: (action: Action, rank: Int)] = [:]
    for row in ordered {
      let rank = ranks[row.action] ?? 0
      for sequence in row.keys where usable(sequence) {
        if let other = owner[sequence] {
          if other.action != row.action && other.rank == rank {
            result.problems.append(
              "'\(sequence)' is bound to both \(other.action.rawValue) and \(row.action.rawValue); \(other.action.rawValue) wins"
            )
          }
          continue
        }
        // A default sequence whose first key a later choice took alone gives way silently.
        if sequence.keys.count == 2, let first = owner[[sequence.keys[0]]], first.rank > rank {
          continue
        }
        owner[sequence] = (row.action, rank)
      }
    }
    for (sequence, claim) in owner where sequence.keys.count == 2 {
      if let single = owner[[sequence.keys[0]]] {
        result.problems.append(
          "'\(sequence)' (\(claim.action.rawValue)) can never be typed: '\(sequence.keys[0])' alone is \(single.action.rawValue)"
        )
        owner[sequence] = nil
      }
    }
    result.actions = owner.mapValues(\.action)
    result.prefixes = Set(owner.keys.filter { $0.keys.count == 2 }.map { $0.keys[0] })
    for row in applying {
      let kept = row.keys.filter { result.actions[$0] == row.action }
      result.keys[row.action] = kept
      let wanted = row.keys.filter(usable)
      // Reported only when a later choice took the keys: a tie is a conflict, reported above.
      if kept.isEmpty, let lost = wanted.first,
        let taker = owner[lost] ?? owner[[lost.keys[0]]],
        taker.rank > ranks[row.action] ?? 0
      {
        result.problems.append(
          "\(row.action.rawValue) has no key left: '\(lost)' is now \(taker.action.rawValue)")
      }
    }
    return result
  }

  /// The meaning of `key` after `pending` keys (empty, or the first of a sequence), in
  /// `context`.
  public func match(after pending: [Key], _ key: Key, in context: ActionContext = .list) -> Match {
    guard let keys = contexts[context] else { return .none }
    if let action = keys.actions[KeySequence(pending + [key])] { return .action(action) }
    if pending.isEmpty && keys.prefixes.contains(key) { return .pending }
    return .none
  }

  /// The action a single `key` triggers in `context`, if any.
  public func action(for key: Key, in context: ActionContext = .list) -> Action? {
    contexts[context]?.actions[[key]]
  }

  /// The sequences that reach `action` in `context`, in table order.
  public func keys(for action: Action, in context: ActionContext = .list) -> [KeySequence] {
    contexts[context]?.keys[action] ?? []
  }

  /// The rows that apply in `context`, in table order, with the keys that reach them there
  /// (empty for an action the user left without a key).
  public func rows(in context: ActionContext) -> [ActionRow] {
    rows.filter { $0.contexts.contains(context) }.map { row in
      var row = row
      row.keys = keys(for: row.action, in: context)
      return row
    }
  }

  /// This keymap with `overrides` replacing the keys of their actions (in every row of each).
  /// A key the overrides give to one action is taken from the action that had it before, in
  /// each context where both apply (the later choice wins); an action left with no key there
  /// is reported, as are conflicts among the overrides themselves.
  public func overriding(_ overrides: [Action: [KeySequence]]) -> (
    keymap: Keymap, conflicts: [String]
  ) {
    let rank = (ranks.values.max() ?? 0) + 1
    var ranks = self.ranks
    for action in overrides.keys { ranks[action] = rank }
    let merged = rows.map { row in
      var row = row
      if let keys = overrides[row.action] { row.keys = keys }
      return row
    }
    let keymap = Keymap(merged, ranks: ranks)
    return (keymap, keymap.conflicts)
  }

  public static func == (lhs: Keymap, rhs: Keymap) -> Bool {
    lhs.rows == rhs.rows && lhs.ranks == rhs.ranks
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rows)
  }
}

extension Keymap {
  /// The vim-style defaults: ``ActionTable/rows`` as they are.
  public static let standard = Keymap(ActionTable.rows)

  /// Emacs-style movement (`Ctrl-n`, `Ctrl-p`, `Ctrl-v`, `Ctrl-s`, `Ctrl-g`, `Ctrl-x Ctrl-c`);
  /// the letter commands stay. `Ctrl-p` is "up" here, so the palette keeps only `:`.
  public static let emacs = standard.overriding([
    .moveDown: [[.control("n")], [.down]],
    .moveUp: [[.control("p")], [.up]],
    .halfPageDown: [],
    .halfPageUp: [],
    .pageDown: [[.control("v")], [.pageDown], [.character(" ")]],
    .top: [[.home], [.character("<")]],
    .bottom: [[.end], [.character(">")]],
    .back: [[.control("g")], [.escape]],
    .cancel: [[.control("g")], [.escape]],
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
  /// applied; every unknown action, unreadable key name and conflict (per context) becomes a
  /// warning.
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
    guard !changes.isEmpty else { return (base, warnings) }
    let (keymap, conflicts) = base.overriding(changes)
    return (keymap, warnings + conflicts.map { "keys: \($0)" })
  }
}
