/// One key, or two pressed one after the other (`gg`, `Ctrl-x Ctrl-c`).
public struct KeySequence: Hashable, Sendable, ExpressibleByArrayLiteral {
  public var keys: [Key]

  public init(_ keys: [Key]) {
    self.keys = keys
  }

  public init(arrayLiteral keys: Key...) {
    self.keys = keys
  }

  /// Parses a key name as written in config.toml: a character (`s`, `*`), a name (`Enter`,
  /// `Esc`, `Tab`, `Space`, `Up`, `PgDn`, `Home`, `F1`...), Ctrl and a letter (`Ctrl-d`,
  /// `C-d`), or two of these separated by a space, or two plain characters (`gg`).
  public init?(name: String) {
    let parts = name.split(separator: " ").map(String.init)
    if parts.count == 2 {
      guard let first = Key(name: parts[0]), let second = Key(name: parts[1]) else { return nil }
      keys = [first, second]
    } else if parts.count == 1, let key = Key(name: parts[0]) {
      keys = [key]
    } else if parts.count == 1, parts[0].count == 2, parts[0].allSatisfy({ !$0.isWhitespace }) {
      keys = parts[0].map { Key.character($0) }
    } else {
      return nil
    }
  }
}

extension KeySequence: CustomStringConvertible {
  /// `gg` for two characters, `Ctrl-x Ctrl-c` otherwise.
  public var description: String {
    if keys.count == 2,
      keys.allSatisfy({ if case .character(let c) = $0 { c != " " } else { false } })
    {
      return keys.map(\.description).joined()
    }
    return keys.map(\.description).joined(separator: " ")
  }
}

extension Key {
  /// Parses one key name (see ``KeySequence/init(name:)``).
  public init?(name: String) {
    if name.count == 1, let character = name.first {
      self = .character(character)
      return
    }
    let lowered = name.lowercased()
    for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lowered.hasPrefix(prefix) {
      let rest = lowered.dropFirst(prefix.count)
      guard rest.count == 1, let letter = rest.first, ("a"..."z").contains(letter) else {
        return nil
      }
      self = .control(letter)
      return
    }
    if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
      self = .function(number)
      return
    }
    let named: [String: Key] = [
      "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
      "shift-tab": .backTab, "backtab": .backTab, "space": .character(" "), "up": .up,
      "down": .down,
      "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
      "pagedown": .pageDown, "home": .home, "end": .end, "backspace": .backspace, "delete": .delete,
      "del": .delete, "insert": .insert,
    ]
    guard let key = named[lowered] else { return nil }
    self = key
  }
}
