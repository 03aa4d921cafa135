/// A tag's name: the user's own pile ("read-this-week", "survey/llm"), as the CLI, the reader's
/// tag prompt and the query language (`tag:NAME`) accept it.
///
/// Names are letters, digits, `-`, `_`, `/` and `.`, at most ``maximumLength`` characters.
/// Two spellings that differ only in case are one tag (``key``); the store keeps the spelling
/// the tag was first written with.
public struct TagName: Hashable, Sendable, CustomStringConvertible {
  /// The name as written.
  public let name: String

  /// The longest name accepted, in characters: a tag is a short label, and the cap keeps the
  /// tag table, the prompt's completion and the list column small.
  public static let maximumLength = 64

  /// The name, or nil when `text` is empty, too long or holds a character a name cannot.
  public init?(_ text: String) {
    guard !text.isEmpty, text.count <= Self.maximumLength,
      text.allSatisfy(Self.isAllowed)
    else { return nil }
    name = text
  }

  /// The case-folded form two spellings of one tag share: what the store keys tags by.
  public var key: String { Self.key(name) }

  /// The case-folded form of `text` (see ``key``).
  public static func key(_ text: String) -> String { text.lowercased() }

  public var description: String { name }

  /// Letters and digits (any script), `-`, `_`, `/`, `.`.
  static func isAllowed(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || "-_/.".contains(character)
  }

  /// The one-line reason `text` is not a tag name, for error messages; `text` is quoted
  /// inert by the caller.
  public static let rule =
    "a tag name is 1 to \(maximumLength) letters, digits, '-', '_', '/' or '.'"
}
