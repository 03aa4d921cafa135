/// Recognises a file's format from its first bytes, and refuses binary data.
public enum FormatDetector {
  /// The format of `data`: `[` starts Hugging Face JSON, `{` JSON Lines (or one Hugging Face
  /// paper object), an XML root element `<rss>` RSS and `<feed>` Atom, anything else the text
  /// listing.
  ///
  /// Throws when the data is empty or binary (NUL bytes or mostly control bytes). Detection
  /// reads no more than it must and holds no copy of the file: the XML prolog (comments,
  /// processing instructions, a document type declaration) is skipped in one scan whatever
  /// its size, and a JSON object spanning lines is measured, not decoded.
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
      guard let value = JSONInput.parse(firstLine) else {
        return isOneValue(start) ? .hf : .jsonl
      }
      if let object = value as? [String: Any], object["summary"] != nil || object["paper"] != nil {
        return .hf
      }
      return .jsonl
    case UInt8(ascii: "<"):
      switch rootElementName(start) {
      case "rss": return .arxivRSS
      case "feed": return .arxivAtom
      default:
        throw ImportError(file: file, line: 1, reason: "XML, but neither an RSS nor an Atom feed")
      }
    default:
      return .text
    }
  }

  /// Whether `data` is one JSON array or object and whitespace: its brackets balance at its
  /// last non-space byte and not before.
  static func isOneValue(_ data: some Collection<UInt8>) -> Bool {
    var nesting = JSONNesting()
    var closed = false
    var result = false
    try? forEachChunk(of: data, size: 1 << 16) { chunk, _ in
      for byte in chunk {
        if closed {
          guard isSpace(byte) else {
            result = false
            throw Stop()
          }
          continue
        }
        nesting.take(byte)
        if nesting.depth <= 0, !nesting.isInString {
          closed = true
          result = nesting.depth == 0
        }
      }
    }
    return closed && result
  }

  /// The local name of the root element of the XML document `data` (`feed` for
  /// `<atom:feed ...>`), after the prolog: the XML declaration, comments, processing
  /// instructions and a document type declaration (with its internal subset), of any size.
  /// Nil when the document has no element or something else comes first.
  static func rootElementName(_ data: some Collection<UInt8>) -> String? {
    var scanner = XMLPrologScanner()
    try? forEachChunk(of: data, size: 1 << 16) { chunk, _ in
      for byte in chunk {
        scanner.take(byte)
        if scanner.isFinished { throw Stop() }
      }
    }
    return scanner.rootName
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

  /// Ends a scan early.
  private struct Stop: Error {}
}
