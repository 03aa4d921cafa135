/// How a paper's stable id is derived, and when two titles name the same paper.
///
/// The arXiv id when known; otherwise a short hash of the title, so that a re-import of the
/// same listing finds the same papers whatever their order in the file.
public enum PaperIdentity {
  /// The stable id for a paper with `arxivID` (canonical, see ``ArxivID``) and `title`.
  ///
  /// The hash is of the title's letters and digits (``hashKey(_:)``), as it has always been,
  /// so ids stay what earlier versions made; two different papers whose titles differ only in
  /// symbols hash alike, and the store gives the second a salted hash.
  public static func stableID(arxivID: String?, title: String) -> String {
    arxivID ?? titleHash(hashKey(title))
  }

  /// The title reduced for identity: two titles are the same paper's exactly when their keys
  /// are equal (see ``TitleKey``). `"Re-Identification:  A Survey"` and
  /// `"reidentification a survey."` are; `"Learning C++"` and `"Learning C#"` are not.
  public static func titleKey(_ title: String) -> String {
    TitleKey.make(title)
  }

  /// The title's letters and digits, case-folded, words one space apart: what hash ids are
  /// made from (not identity: it drops symbols).
  public static func hashKey(_ title: String) -> String {
    title.utf8.allSatisfy { $0 < 0x80 } ? asciiHashKey(title) : unicodeHashKey(title)
  }

  /// ``hashKey(_:)`` by Unicode properties, for titles beyond ASCII.
  static func unicodeHashKey(_ title: String) -> String {
    var key = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in title.lowercased().unicodeScalars {
      let properties = scalar.properties
      if properties.isWhitespace {
        pendingSpace = !key.isEmpty
      } else if properties.isAlphabetic || properties.numericType != nil
        || properties.generalCategory == .nonspacingMark
      {
        if pendingSpace { key.append(" ") }
        pendingSpace = false
        key.append(scalar)
      }
    }
    return String(key)
  }

  /// ``hashKey(_:)`` for ASCII titles (nearly all of them), byte by byte: the same rules
  /// without Unicode property lookups.
  static func asciiHashKey(_ title: String) -> String {
    var key: [UInt8] = []
    key.reserveCapacity(title.utf8.count)
    var pendingSpace = false
    for byte in title.utf8 {
      switch byte {
      case 0x20, 0x09...0x0D:
        pendingSpace = !key.isEmpty
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "A")...UInt8(ascii: "Z"):
        if pendingSpace { key.append(0x20) }
        pendingSpace = false
        key.append(byte | (byte >= UInt8(ascii: "A") ? 0x20 : 0))
      default:
        continue
      }
    }
    return String(decoding: key, as: UTF8.self)
  }

  /// Twelve lower-case hex digits of the FNV-1a 64-bit hash of `key`'s UTF-8.
  ///
  /// An arXiv id always contains `.` or `/`, so a hash id can never be mistaken for one.
  public static func titleHash(_ key: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash >> 16, radix: 16)
    return String(repeating: "0", count: 12 - hex.count) + hex
  }
}
