/// Reads the small JSON values Folio stores in its own columns (an array of strings, an object
/// of strings) without a general JSON decoder: the reader decodes several per row it loads,
/// and a decoder per value cost more than the query.
///
/// Anything beyond that shape gives nil, and the caller falls back to a full decoder.
enum JSONStrings {
  /// The strings of a JSON array of strings.
  static func list(_ text: String) -> [String]? {
    var reader = Reader(text)
    return reader.list()
  }

  /// The members of a JSON object whose values are strings (or null, left out).
  static func object(_ text: String) -> [String: String]? {
    var reader = Reader(text)
    return reader.object()
  }

  private struct Reader {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func list() -> [String]? {
      guard take(UInt8(ascii: "[")) else { return nil }
      var items: [String] = []
      if take(UInt8(ascii: "]")) { return atEnd ? items : nil }
      repeat {
        guard let item = string() else { return nil }
        items.append(item)
      } while take(UInt8(ascii: ","))
      return take(UInt8(ascii: "]")) && atEnd ? items : nil
    }

    mutating func object() -> [String: String]? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var members: [String: String] = [:]
      if take(UInt8(ascii: "}")) { return atEnd ? members : nil }
      repeat {
        guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
        if takeNull() { continue }
        guard let value = string() else { return nil }
        members[key] = value
      } while take(UInt8(ascii: ","))
      return take(UInt8(ascii: "}")) && atEnd ? members : nil
    }

    var atEnd: Bool {
      mutating get {
        skipSpace()
        return index == bytes.count
      }
    }

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    mutating func takeNull() -> Bool {
      skipSpace()
      guard bytes[index...].starts(with: "null".utf8) else { return false }
      index += 4
      return true
    }

    mutating func string() -> String? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      var out: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""):
          return String(validating: out, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard index < bytes.count else { return nil }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
          case UInt8(ascii: "b"): out.append(0x08)
          case UInt8(ascii: "f"): out.append(0x0C)
          case UInt8(ascii: "n"): out.append(0x0A)
          case UInt8(ascii: "r"): out.append(0x0D)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "u"):
            guard let scalar = unicodeEscape() else { return nil }
            UTF8.encode(scalar) { out.append($0) }
          default: return nil
          }
        case 0x00..<0x20:
          return nil
        default:
          out.append(byte)
        }
      }
      return nil
    }

    /// After `\u`: four hex digits, or a surrogate pair of two escapes.
    mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let high = hex4() else { return nil }
      guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
      guard take(UInt8(ascii: "\\")), index < bytes.count, bytes[index] == UInt8(ascii: "u")
      else { return nil }
      index += 1
      guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
      return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    mutating func hex4() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for byte in bytes[index..<(index + 4)] {
        guard let digit = hexDigit(byte) else { return nil }
        value = value * 16 + digit
      }
      index += 4
      return value
    }

    func hexDigit(_ byte: UInt8) -> UInt32? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
      default: nil
      }
    }
  }
}
