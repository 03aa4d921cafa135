import FolioCore

/// Title identity (``FolioCore/PaperIdentity/titleKey(_:)``): two titles made from the input
/// have the same key exactly when they are the same paper by Folio's rules.
///
/// The input's bytes choose a title of letters, digits, symbols, spaces and punctuation, then
/// a restyling of it (case, whitespace, quote and dash styles, trailing punctuation, TeX
/// markup and TeX spellings of `α` and `é`), which must keep the key, and one change of a
/// letter, digit or symbol (replaced, removed or added), which must change it. The raw input
/// as a title must not crash either.
enum TitleKeyTarget {
  static func findings(_ data: [UInt8]) -> [String] {
    _ = PaperIdentity.titleKey(String(decoding: data, as: UTF8.self))
    var choices = Choices(data)
    var units: [Unit] = (0..<min(data.count, 40)).map { _ in choices.pick(Unit.alphabet) }
    if !units.contains(where: \.isSignificant) { units.append(Unit.alphabet[0]) }
    let title = units.map(\.plain).joined()
    let key = PaperIdentity.titleKey(title)
    var findings: [String] = []

    let restyled = restyle(units, &choices)
    let restyledKey = PaperIdentity.titleKey(restyled)
    if restyledKey != key {
      findings.append(
        "same paper, different keys: \(title.debugDescription) -> \(key.debugDescription), "
          + "\(restyled.debugDescription) -> \(restyledKey.debugDescription)")
    }

    let changed = change(units, &choices).map(\.plain).joined()
    let changedKey = PaperIdentity.titleKey(changed)
    if changedKey == key {
      findings.append(
        "different papers, one key: \(title.debugDescription) and \(changed.debugDescription) "
          + "-> \(key.debugDescription)")
    }
    return findings
  }

  /// A piece of a generated title: how it is written plainly, how else it may be written
  /// for the same paper, and what it is for identity (nil when it does not count).
  struct Unit {
    var plain: String
    /// The same letter in the other case, or TeX spellings.
    var variants: [String] = []
    var identity: String?

    var isSignificant: Bool { identity != nil }

    static func letter(_ lower: String, _ upper: String, tex: [String] = []) -> Unit {
      Unit(plain: lower, variants: [upper] + tex, identity: lower)
    }

    static func symbol(_ text: String) -> Unit { Unit(plain: text, identity: text) }

    static func filler(_ text: String) -> Unit { Unit(plain: text) }

    static let significant: [Unit] =
      zip("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ").map {
        letter(String($0), String($1))
      } + "0123456789".map { symbol(String($0)) }
      + ["+", "#", "*", "&", "@", "%", "=", "<", ">", "|", "~", "🚀", "🔥", "∑", "∫", "∂", "漢"].map(
        symbol)
      + [
        letter("α", "Α", tex: ["$\\alpha$", "{\\alpha}"]),
        letter("é", "É", tex: ["\\'e", "\\'{e}", "{\\'e}"]), letter("ж", "Ж"),
      ]

    static let alphabet: [Unit] =
      significant + significant.prefix(36)
      + [" ", " ", " ", " ", ":", ",", ".", "(", ")", "/", "!", "?"].map(filler)
  }

  static let spaces = [" ", "  ", "\t", "\n", "\u{A0}", "\u{2009}"]
  static let quotes = ["'", "\"", "‘", "’", "“", "”", "«", "»", "`", "``", "''"]
  static let dashes = ["-", "‐", "–", "—", "−", "--", "---"]
  static let trailing = [".", "?", "!", "…", ":", ";", "...", "?!"]
  static let wrappers = [("\\textbf{", "}"), ("\\emph{", "}"), ("{", "}"), ("$", "$")]

  /// `units` written another way that Folio must read as the same title.
  static func restyle(_ units: [Unit], _ choices: inout Choices) -> String {
    var out = ""
    var open: String?
    for unit in units {
      switch choices.next() % 6 {
      case 0: out += choices.pick(spaces)
      case 1: out += choices.pick(quotes)
      case 2: out += choices.pick(dashes)
      case 3 where open == nil:
        let (start, end) = choices.pick(wrappers)
        out += start
        open = end
      case 4 where open != nil:
        out += open!
        open = nil
      default: break
      }
      if unit.plain == " " {
        out += choices.pick(spaces)
      } else if !unit.variants.isEmpty, choices.next() % 2 == 0 {
        out += choices.pick(unit.variants)
      } else {
        out += unit.plain
      }
    }
    if let open { out += open }
    if choices.next() % 2 == 0 { out += choices.pick(trailing) }
    return out
  }

  /// `units` with one letter, digit or symbol replaced by another, removed, or one added.
  static func change(_ units: [Unit], _ choices: inout Choices) -> [Unit] {
    var changed = units
    let positions = units.indices.filter { units[$0].isSignificant }
    let position = choices.pick(positions)
    switch choices.next() % 3 {
    case 0:
      let others = Unit.significant.filter { $0.identity != units[position].identity }
      changed[position] = choices.pick(others)
    case 1:
      changed.remove(at: position)
    default:
      changed.insert(choices.pick(Unit.significant), at: choices.next() % (units.count + 1))
    }
    return changed
  }

  /// The input's bytes as a stream of choices; zeros once they run out.
  struct Choices {
    private var bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Int {
      defer { index += 1 }
      return index < bytes.count ? Int(bytes[index]) : 0
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next() % items.count] }
  }
}
