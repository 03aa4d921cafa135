/// Cleans untrusted text from feeds and files before it is stored.
///
/// Terminal escape sequences are removed whole (CSI, OSC, DCS, SOS, PM, APC and two-byte ESC
/// sequences, in their 7-bit and 8-bit forms), so a hostile title cannot move the cursor, set the
/// clipboard (OSC 52) or plant hyperlinks (OSC 8). Remaining C0/C1 controls and bidirectional
/// overrides are dropped; the text around them is kept.
public enum TextCleaner {
  /// `raw` with escape sequences and controls removed and every whitespace run collapsed to one
  /// space, trimmed at both ends. Use for titles, abstracts, author names.
  public static func clean(_ raw: String) -> String {
    if isAlreadyClean(raw) { return raw }
    if let collapsed = collapsingPlainASCII(raw) { return collapsed }
    return collapse(stripControls(raw, keepNewlines: false))
  }

  /// `raw` with whitespace collapsed, if it is ASCII with no controls but whitespace (such as
  /// an arXiv abstract, wrapped at 80 columns); nil for anything else.
  static func collapsingPlainASCII(_ raw: String) -> String? {
    var output: [UInt8] = []
    output.reserveCapacity(raw.utf8.count)
    var pendingSpace = false
    for byte in raw.utf8 {
      switch byte {
      case 0x21...0x7E:
        if pendingSpace { output.append(0x20) }
        pendingSpace = false
        output.append(byte)
      case 0x20, 0x09...0x0D:
        pendingSpace = !output.isEmpty
      default:
        return nil
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Whether `raw` is printable ASCII with single spaces between words: most titles and
  /// abstracts, which a million-paper import then does not copy twice.
  static func isAlreadyClean(_ raw: String) -> Bool {
    var previous: UInt8 = 0x20
    for byte in raw.utf8 {
      switch byte {
      case 0x21...0x7E: break
      case 0x20 where previous != 0x20: break
      default: return false
      }
      previous = byte
    }
    return previous != 0x20
  }

  /// Like ``clean(_:)`` but keeps line breaks (runs of blank lines become one blank line), for
  /// multi-line text such as notes.
  public static func cleanMultiline(_ raw: String) -> String {
    let stripped = stripControls(raw, keepNewlines: true)
    var lines: [String] = []
    var previousBlank = true
    for line in stripped.split(separator: "\n", omittingEmptySubsequences: false) {
      let cleaned = collapse(String(line))
      if cleaned.isEmpty {
        if !previousBlank { lines.append("") }
        previousBlank = true
      } else {
        lines.append(cleaned)
        previousBlank = false
      }
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// Whether `text` holds anything ``clean(_:)`` would remove: a control character (other
  /// than a line feed, where `multiline`), DEL, a C1 control or a bidi control. Cheap, so text
  /// read back from a library can be checked on every read and cleaned only when needed.
  public static func needsCleaning(_ text: String, multiline: Bool = false) -> Bool {
    // Every such scalar is a byte below 0x20 or 0x7F, or is encoded starting with 0xC2 (C1),
    // 0xD8 (U+061C) or 0xE2 (the other bidi controls): text with none of these bytes, nearly
    // all of it, is clean without decoding a scalar.
    let suspect = text.utf8.contains { byte in
      byte < 0x20
        ? !(multiline && byte == 0x0A)
        : byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }
    guard suspect else { return false }
    return text.unicodeScalars.contains { scalar in
      let value = scalar.value
      if value < 0x20 { return !(multiline && value == 0x0A) }
      return (0x7F..<0xA0).contains(value) || isBidiControl(scalar)
    }
  }

  /// Whether `scalar` changes text direction invisibly (LRE, RLE, PDF, LRO, RLO, isolates, marks).
  public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  // MARK: - Internals

  private static let escape: UInt32 = 0x1B

  /// Drops escape sequences and controls. Whitespace controls become spaces (or stay newlines;
  /// tabs stay tabs with `keepTabs`).
  static func stripControls(_ raw: String, keepNewlines: Bool, keepTabs: Bool = false) -> String {
    var output = UTF8Buffer(capacity: raw.utf8.count)
    var scalars = raw.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return scalars.next()
    }
    while let scalar = next() {
      let value = scalar.value
      switch value {
      case 0x0A, 0x0B, 0x0C:
        output.append(keepNewlines && value == 0x0A ? "\n" : " ")
      case 0x0D:
        // CR LF is one line break; a lone CR is one too.
        let following = scalars.next()
        if following?.value != 0x0A { pending = following }
        output.append(keepNewlines ? "\n" : " ")
      case 0x09:
        output.append(keepTabs ? "\t" : " ")
      case escape:
        pending = skipEscapeSequence(&scalars)
      case 0x9B:  // 8-bit CSI
        pending = skipControlSequenceBody(&scalars)
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // 8-bit DCS, SOS, OSC, PM, APC
        pending = skipStringBody(&scalars)
      case 0x00..<0x20, 0x7F, 0x80..<0xA0:
        continue
      default:
        if isBidiControl(scalar) { continue }
        output.append(scalar)
      }
    }
    return output.string
  }

  /// After ESC: consumes the rest of the sequence. Returns a scalar read past its end, if any.
  private static func skipEscapeSequence(
    _ scalars: inout String.UnicodeScalarView.Iterator
  ) -> Unicode.Scalar? {
    guard let introducer = scalars.next() else { return nil }
    switch introducer {
    case "[": return skipControlSequenceBody(&scalars)
    case "]", "P", "X", "^", "_": return skipStringBody(&scalars)
    default:
      // nF sequences: intermediates 0x20-0x2F then one final byte.
      var current = introducer
      while (0x20...0x2F).contains(current.value) {
        guard let following = scalars.next() else { return nil }
        current = following
      }
      // A final byte outside 0x30-0x7E means the ESC was stray: keep what follows it.
      return (0x30...0x7E).contains(current.value) ? nil : current
    }
  }

  /// CSI parameters and intermediates (0x20-0x3F), ended by a final byte (0x40-0x7E).
  private static func skipControlSequenceBody(
    _ scalars: inout String.UnicodeScalarView.Iterator
  ) -> Unicode.Scalar? {
    while let scalar = scalars.next() {
      let value = scalar.value
      if (0x40...0x7E).contains(value) { return nil }
      if !(0x20...0x3F).contains(value) { return scalar }  // malformed: stop, keep the text
    }
    return nil
  }

  /// OSC/DCS/SOS/PM/APC payload, ended by BEL, ST (ESC \) or 8-bit ST. An unterminated string
  /// swallows the rest of the text, as a terminal would.
  private static func skipStringBody(
    _ scalars: inout String.UnicodeScalarView.Iterator
  ) -> Unicode.Scalar? {
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x07, 0x9C: return nil
      case escape:
        guard let following = scalars.next() else { return nil }
        if following == "\\" { return nil }
      default: continue
      }
    }
    return nil
  }

  /// Collapses whitespace runs to one space and trims the ends.
  static func collapse(_ text: String) -> String {
    var output = UTF8Buffer(capacity: text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if isWhitespace(scalar) {
        pendingSpace = !output.isEmpty
      } else {
        if pendingSpace { output.append(" ") }
        pendingSpace = false
        output.append(scalar)
      }
    }
    return output.string
  }

  /// `scalar.properties.isWhitespace`, without the Unicode table lookup for ASCII.
  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
    return scalar.properties.isWhitespace
  }
}

/// Output text built as UTF-8 bytes: appending to a `String.UnicodeScalarView` one scalar at a
/// time costs several times more.
private struct UTF8Buffer {
  private var bytes: [UInt8] = []

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  var isEmpty: Bool { bytes.isEmpty }

  mutating func append(_ scalar: Unicode.Scalar) {
    if scalar.isASCII {
      bytes.append(UInt8(scalar.value))
    } else {
      UTF8.encode(scalar) { bytes.append($0) }
    }
  }

  var string: String { String(decoding: bytes, as: UTF8.self) }
}
