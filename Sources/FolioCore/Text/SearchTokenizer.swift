import Foundation

/// Splits text into search tokens the way SQLite's FTS5 `unicode61 remove_diacritics 2`
/// tokenizer does, so the in-memory evaluator, highlighting and the full-text index agree on
/// what a word is.
///
/// Letters, digits and private-use characters (Unicode categories L*, N*, Co) make tokens;
/// everything else separates them. Tokens are lower-cased and stripped of diacritics.
public enum SearchTokenizer {
  /// A token and where it sits in the original text.
  public struct Token: Hashable, Sendable {
    public var text: String
    /// The token's span in the original string's unicode scalars.
    public var range: Range<String.UnicodeScalarView.Index>
  }

  /// The folded tokens of `text`, in order.
  public static func tokens(_ text: String) -> [String] {
    asciiTokens(text) ?? spans(text).map(\.text)
  }

  /// The tokens of an all-ASCII `text` straight from its bytes (abstracts mostly are), or nil
  /// when `text` has other characters.
  static func asciiTokens(_ text: String) -> [String]? {
    var tokens: [String] = []
    tokens.reserveCapacity(text.utf8.count / 6)
    var current: [UInt8] = []
    current.reserveCapacity(32)
    for byte in text.utf8 {
      switch byte {
      case 0x30...0x39, 0x61...0x7A: current.append(byte)
      case 0x41...0x5A: current.append(byte + 0x20)
      case 0x80...: return nil
      default:
        if !current.isEmpty {
          tokens.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
      }
    }
    if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
    return tokens
  }

  /// The tokens of `text` with their positions.
  public static func spans(_ text: String) -> [Token] {
    var tokens: [Token] = []
    let scalars = text.unicodeScalars
    var start: String.UnicodeScalarView.Index? = nil
    var index = scalars.startIndex
    while index != scalars.endIndex {
      if isTokenCharacter(scalars[index]) {
        if start == nil { start = index }
      } else if let begin = start {
        tokens.append(Token(text: fold(scalars[begin..<index]), range: begin..<index))
        start = nil
      }
      index = scalars.index(after: index)
    }
    if let begin = start {
      tokens.append(
        Token(text: fold(scalars[begin..<scalars.endIndex]), range: begin..<scalars.endIndex))
    }
    return tokens
  }

  static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .privateUse:
      return true
    default:
      return false
    }
  }

  /// Lower-cased, diacritics removed: `Müller` -> `muller`.
  ///
  /// Like FTS5's `remove_diacritics 2`, only letters that are an ASCII letter plus accents
  /// lose them (`é`, `ǅ`, `ẞ` stays); other scripts keep their marks (`デ` is not `テ`).
  static func fold(_ scalars: Substring.UnicodeScalarView) -> String {
    let lowered = String(String.UnicodeScalarView(scalars)).lowercased()
    if lowered.utf8.allSatisfy({ $0 < 0x80 }) { return lowered }
    var result = String.UnicodeScalarView()
    for scalar in lowered.unicodeScalars {
      if scalar.isASCII {
        result.append(scalar)
      } else if (0x0300...0x036F).contains(scalar.value) {
        continue  // a combining accent on its own
      } else {
        let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = parts.first, base.isASCII,
          parts.dropFirst().allSatisfy({ (0x0300...0x036F).contains($0.value) })
        {
          result.append(base)
        } else {
          result.append(scalar)
        }
      }
    }
    return String(result)
  }
}
