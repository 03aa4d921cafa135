/// The character encodings of XML feeds, as their XML declaration names them.
///
/// Folio decodes the document itself and hands libxml2 UTF-8 without the declaration, so the
/// passes that run before libxml2 (entities, instruction padding) see the bytes libxml2 sees.
/// A byte order mark means UTF-8 whatever the declaration says; no declared encoding means
/// UTF-8 (XML's default). Invalid UTF-8 is replaced by U+FFFD, not fatal.
enum XMLEncoding {
  /// How the document's bytes become characters.
  enum Kind: Equatable {
    case utf8
    /// ISO-8859-1: each byte is the code point of the same value.
    case latin1
    /// windows-1252: latin-1 with printable characters in 0x80-0x9F (what "ISO-8859-1"
    /// documents written on Windows usually are).
    case windows1252
    /// ISO-8859-15 (latin-9): latin-1 with the euro sign and eight other letters.
    case latin9
  }

  /// The document as UTF-8, decoded by the encoding its declaration names, all at once.
  ///
  /// Throws as ``kind(of:file:)`` does.
  static func utf8(_ bytes: some Collection<UInt8>, file: String) throws -> [UInt8] {
    var decoder = Decoder(try kind(of: bytes, file: file))
    var output: [UInt8] = []
    decoder.decode(Array(bytes), into: &output)
    decoder.finish(into: &output)
    return output
  }

  /// How the document's bytes are to be decoded: UTF-8 after a byte order mark, else what the
  /// XML declaration names, else UTF-8.
  ///
  /// Throws ``ImportError`` (line 1) when the declared encoding is not one Folio reads:
  /// UTF-8, US-ASCII, ISO-8859-1 (latin-1), ISO-8859-15 (latin-9) or windows-1252.
  static func kind(of bytes: some Collection<UInt8>, file: String) throws -> Kind {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
    guard let name = declaredName(bytes) else { return .utf8 }
    guard let known = Self.kind(named: name) else {
      let shown = name.utf8.count <= 40 && name.allSatisfy(\.isEncodingNameCharacter)
      throw ImportError(
        file: file, line: 1,
        reason: "unsupported encoding\(shown ? " '\(name)'" : "") in the XML declaration "
          + "(Folio reads UTF-8, ISO-8859-1, ISO-8859-15 and windows-1252)")
    }
    return known
  }

  /// Decodes a document piece by piece into UTF-8, with invalid UTF-8 replaced by U+FFFD as
  /// decoding it whole would: a character split between pieces is held (at most three bytes)
  /// until the next piece completes it.
  struct Decoder {
    let kind: Kind
    /// The start of a UTF-8 sequence that the last piece ended in the middle of.
    private var carry: [UInt8] = []

    init(_ kind: Kind) { self.kind = kind }

    /// Appends `piece`, decoded, to `output`.
    mutating func decode(_ piece: some Collection<UInt8>, into output: inout [UInt8]) {
      switch kind {
      case .utf8:
        var bytes = carry
        carry = []
        bytes += piece
        let held = Self.incompleteSuffix(bytes)
        if held > 0 {
          carry = Array(bytes[(bytes.count - held)...])
          bytes.removeLast(held)
        }
        output += String(decoding: bytes, as: UTF8.self).utf8
      case .latin1, .windows1252, .latin9:
        for byte in piece {
          guard byte >= 0x80 else {
            output.append(byte)
            continue
          }
          var value = UInt32(byte)
          if kind == .windows1252, byte <= 0x9F {
            value = windows1252High[Int(byte) - 0x80]
          } else if kind == .latin9, let letter = latin9Differences[byte] {
            value = letter
          }
          UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { output.append($0) }
        }
      }
    }

    /// Appends what is held (an unfinished character, replaced) at the end of the document.
    mutating func finish(into output: inout [UInt8]) {
      guard !carry.isEmpty else { return }
      output += String(decoding: carry, as: UTF8.self).utf8
      carry = []
    }

    /// How many bytes at the end of `bytes` begin a UTF-8 sequence they do not finish.
    static func incompleteSuffix(_ bytes: [UInt8]) -> Int {
      var back = 1
      while back <= min(3, bytes.count) {
        let byte = bytes[bytes.count - back]
        if byte & 0xC0 != 0x80 {
          let length: Int
          switch byte {
          case 0xC2...0xDF: length = 2
          case 0xE0...0xEF: length = 3
          case 0xF0...0xF4: length = 4
          default: length = 1
          }
          return length > back ? back : 0
        }
        back += 1
      }
      return 0
    }
  }

  /// The encoding a (lower-cased) name stands for, or nil when Folio does not read it.
  static func kind(named name: String) -> Kind? {
    switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
    case "utf-8", "utf8", "us-ascii", "ascii", "ansi-x3.4-1968": .utf8
    // A declaration that can be read as ASCII is not in UTF-16, whatever it says (a real
    // UTF-16 document has NUL bytes and is refused as binary before it gets here).
    case "utf-16", "utf-16le", "utf-16be", "ucs-2": .utf8
    case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819",
      "iso-8859-1:1987":
      .latin1
    case "windows-1252", "cp1252", "x-cp1252": .windows1252
    case "iso-8859-15", "iso8859-15", "latin9", "latin-9", "l9": .latin9
    default: nil
    }
  }

  /// The `encoding` of a leading XML declaration (`<?xml version="1.0" encoding="..."?>`),
  /// if the document has one that names an encoding. Looks only at the declaration.
  static func declaredName(_ bytes: some Collection<UInt8>) -> String? {
    guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
    // A declaration is short; 1 KiB is plenty and keeps the look bounded.
    let head = Array(bytes.prefix(1024))
    guard head.count > 5, FormatDetector.isSpace(head[5]),
      let end = (5..<head.count).first(where: { head[$0] == UInt8(ascii: "?") })
    else { return nil }
    let declaration = String(decoding: head[5..<end], as: UTF8.self)
    guard let key = declaration.range(of: "encoding") else { return nil }
    var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    rest = rest.dropFirst()
    guard let close = rest.firstIndex(of: quote) else { return nil }
    return String(rest[..<close])
  }

  /// Where ISO-8859-15 differs from latin-1.
  static let latin9Differences: [UInt8: UInt32] = [
    0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152,
    0xBD: 0x0153, 0xBE: 0x0178,
  ]

  /// windows-1252's characters for bytes 0x80-0x9F; the five bytes it leaves undefined
  /// become U+FFFD.
  static let windows1252High: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]
}

extension Character {
  /// A character an encoding name may hold (so an error message can quote it inertly).
  fileprivate var isEncodingNameCharacter: Bool {
    isASCII && (isLetter || isNumber || "-_.:".contains(self))
  }
}
