/// The statements of a TOML document, read just far enough to edit one value in place: each
/// key/value pair with its decoded dotted key and where its value is, and each table header.
///
/// Keys are decoded whatever their spelling (bare, `"quoted"` with escapes, `'literal'`,
/// dotted with spaces around the dots); values are skipped over without being read, across
/// lines when they are multi-line strings or arrays. One pass, no recursion, so any document
/// costs time linear in its size. The editor checks its result with a real TOML parser, so a
/// document this reads wrongly is refused, never damaged.
struct TOMLStatements {
  /// A `key = value` line.
  struct Assignment {
    /// The dotted key, decoded: `a."b.c"` is `["a", "b.c"]`.
    var key: [String]
    /// The UTF-8 offsets of the value, without the comment or spaces after it.
    var value: Range<Int>
    /// Whether it comes before every table header (so it is a key of the root table).
    var isTopLevel: Bool
    /// The key of the `[table]` header it comes under; nil at the top level.
    var table: [String]? = nil
    /// The UTF-8 offsets of its lines, from the start of the key's line through the line
    /// break after the value (comment included): what removing it removes.
    var lines: Range<Int> = 0..<0
  }

  /// A `[table]` header line.
  struct Header {
    var key: [String]
    var isArray: Bool
    /// The UTF-8 offset just after its line (after the line break, or the end).
    var lineEnd: Int
  }

  /// Every header, in order.
  var headerLines: [Header] = []

  var assignments: [Assignment] = []
  /// The keys of the `[table]` and `[[array]]` headers.
  var headers: [[String]] = []
  /// The UTF-8 offset of the line of the first table header, if any.
  var firstHeaderLine: Int?

  /// Reads `bytes` (a UTF-8 document); nil when it is not TOML this can follow.
  init?(_ bytes: [UInt8]) {
    var reader = Reader(bytes: bytes)
    while let byte = reader.skipBlanks() {
      switch byte {
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        reader.index += 1
      case UInt8(ascii: "#"):
        reader.skipComment()
      case UInt8(ascii: "["):
        let lineStart = reader.lineStart
        let isArray = reader.peek(1) == UInt8(ascii: "[")
        reader.index += isArray ? 2 : 1
        guard let key = reader.key(), reader.skipBlanks() == UInt8(ascii: "]") else { return nil }
        reader.index += 1
        if isArray {
          guard reader.peek(0) == UInt8(ascii: "]") else { return nil }
          reader.index += 1
        }
        guard reader.endOfLine() else { return nil }
        headers.append(key)
        headerLines.append(Header(key: key, isArray: isArray, lineEnd: reader.index))
        if firstHeaderLine == nil { firstHeaderLine = lineStart }
      default:
        let lineStart = reader.lineStart
        guard let key = reader.key(), reader.skipBlanks() == UInt8(ascii: "=") else { return nil }
        reader.index += 1
        _ = reader.skipBlanks()
        guard let value = reader.value(), reader.endOfLine() else { return nil }
        let table = headerLines.last.flatMap { $0.isArray ? nil : $0.key }
        assignments.append(
          Assignment(
            key: key, value: value, isTopLevel: firstHeaderLine == nil,
            table: firstHeaderLine == nil ? nil : table, lines: lineStart..<reader.index))
      }
    }
  }

  /// A cursor over the document.
  private struct Reader {
    let bytes: [UInt8]
    var index = 0

    func peek(_ offset: Int) -> UInt8? {
      index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// The offset where the current line begins.
    var lineStart: Int {
      var start = index
      while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
      return start
    }

    /// Skips spaces and tabs; the byte after them, or nil at the end.
    mutating func skipBlanks() -> UInt8? {
      while let byte = peek(0), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
        index += 1
      }
      return peek(0)
    }

    mutating func skipComment() {
      while let byte = peek(0), byte != UInt8(ascii: "\n") { index += 1 }
    }

    /// After a statement: blanks, an optional comment, then a line break or the end.
    mutating func endOfLine() -> Bool {
      if skipBlanks() == UInt8(ascii: "#") { skipComment() }
      if peek(0) == UInt8(ascii: "\r") { index += 1 }
      guard let byte = peek(0) else { return true }
      guard byte == UInt8(ascii: "\n") else { return false }
      index += 1
      return true
    }

    /// A dotted key: simple keys separated by dots, blanks allowed around them.
    mutating func key() -> [String]? {
      var parts: [String] = []
      while true {
        guard let byte = skipBlanks() else { return nil }
        if byte == UInt8(ascii: "\"") {
          guard let part = basicString() else { return nil }
          parts.append(part)
        } else if byte == UInt8(ascii: "'") {
          guard let part = literalString() else { return nil }
          parts.append(part)
        } else {
          let start = index
          while let byte = peek(0), Self.isBare(byte) { index += 1 }
          guard index > start else { return nil }
          parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        guard skipBlanks() == UInt8(ascii: ".") else { return parts }
        index += 1
      }
    }

    static func isBare(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
        true
      default: false
      }
    }

    /// A one-line `"..."` string at the cursor, decoded.
    mutating func basicString() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var start = index
      func flush(_ end: Int) {
        scalars.append(
          contentsOf: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
      }
      while let byte = peek(0) {
        switch byte {
        case UInt8(ascii: "\""):
          flush(index)
          index += 1
          return String(scalars)
        case UInt8(ascii: "\n"): return nil
        case UInt8(ascii: "\\"):
          flush(index)
          guard let escape = peek(1) else { return nil }
          index += 2
          let simple: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "b"): "\u{08}", UInt8(ascii: "t"): "\t", UInt8(ascii: "n"): "\n",
            UInt8(ascii: "f"): "\u{0C}", UInt8(ascii: "r"): "\r", UInt8(ascii: "e"): "\u{1B}",
            UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\",
          ]
          if let scalar = simple[escape] {
            scalars.append(scalar)
          } else {
            let digits: Int
            switch escape {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: return nil
            }
            guard index + digits <= bytes.count,
              let value = UInt32(
                String(decoding: bytes[index..<index + digits], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(value)
            else { return nil }
            scalars.append(scalar)
            index += digits
          }
          start = index
        default: index += 1
        }
      }
      return nil
    }

    /// A one-line `'...'` string at the cursor.
    mutating func literalString() -> String? {
      index += 1
      let start = index
      while let byte = peek(0), byte != UInt8(ascii: "'") {
        if byte == UInt8(ascii: "\n") { return nil }
        index += 1
      }
      guard peek(0) != nil else { return nil }
      defer { index += 1 }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Skips a value of any kind; its range without trailing blanks.
    mutating func value() -> Range<Int>? {
      let start = index
      var depth = 0
      var end = index
      scanning: while let byte = peek(0) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
          guard skipString(quote: byte) else { return nil }
          end = index
          continue
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          depth -= 1
          guard depth >= 0 else { return nil }
        case UInt8(ascii: "#"):
          guard depth > 0 else { break scanning }
          skipComment()
          continue
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
          if depth == 0 { break scanning }
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
          index += 1
          continue
        default: break
        }
        index += 1
        end = index
      }
      guard depth == 0, end > start else { return nil }
      return start..<end
    }

    /// Skips a string of any of the four kinds starting at the cursor.
    mutating func skipString(quote: UInt8) -> Bool {
      let multiline = peek(1) == quote && peek(2) == quote
      index += multiline ? 3 : 1
      while let byte = peek(0) {
        if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
          index += 2
          continue
        }
        if byte == UInt8(ascii: "\n") && !multiline { return false }
        index += 1
        guard byte == quote else { continue }
        if !multiline { return true }
        if peek(0) == quote && peek(1) == quote {
          index += 2
          // Up to two quotes may end the string's content just before the closing three.
          for _ in 0..<2 where peek(0) == quote { index += 1 }
          return true
        }
      }
      return false
    }
  }
}
