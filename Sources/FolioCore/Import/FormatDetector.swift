/// Recognises a file's format from its first bytes, and refuses binary data.
public enum FormatDetector {
  /// The format of `data`: `[` starts Hugging Face JSON, `{` JSON Lines (or one Hugging Face
  /// paper object), `<rss` RSS, `<feed` Atom, anything else the text listing.
  ///
  /// Throws when the data is empty or binary (NUL bytes or mostly control bytes).
  public static func detect(_ data: some Collection<UInt8>, file: String) throws -> ImportFormat {
    try rejectBinary(data, file: file)
    let start = data.drop { isSpace($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
    guard let first = start.first else {
      throw ImportError(file: file, line: 1, reason: "empty file: no papers in it")
    }
    switch first {
    case UInt8(ascii: "["):
      return .hf
    case UInt8(ascii: "{"):
      // One object that spans lines is a single Hugging Face paper; JSON Lines has one object
      // per line.
      let firstLine = start.prefix { $0 != UInt8(ascii: "\n") }
      if JSONInput.parse(firstLine) == nil, JSONInput.parse(start) is [String: Any] { return .hf }
      if let object = JSONInput.parse(firstLine) as? [String: Any],
        object["summary"] != nil
          || object["paper"] != nil
      {
        return .hf
      }
      return .jsonl
    case UInt8(ascii: "<"):
      let head = String(decoding: start.prefix(4096), as: UTF8.self)
      if head.contains("<rss") { return .arxivRSS }
      if head.contains("<feed") { return .arxivAtom }
      throw ImportError(file: file, line: 1, reason: "XML, but neither an RSS nor an Atom feed")
    default:
      return .text
    }
  }

  /// Throws when `data` looks binary: a NUL byte, or more than one control byte in ten in the
  /// first 4 KiB.
  public static func rejectBinary(_ data: some Collection<UInt8>, file: String) throws {
    var line = 1
    var controls = 0
    var scanned = 0
    for byte in data.prefix(64 * 1024) {
      scanned += 1
      if byte == 0 {
        throw ImportError(
          file: file, line: line, reason: "binary data (NUL byte), not a paper listing")
      }
      if byte == UInt8(ascii: "\n") {
        line += 1
      } else if scanned <= 4096, byte < 0x20, !isSpace(byte), byte != 0x1B {
        controls += 1
      }
    }
    if controls * 10 > min(scanned, 4096) {
      throw ImportError(file: file, line: 1, reason: "binary data, not a paper listing")
    }
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
}
