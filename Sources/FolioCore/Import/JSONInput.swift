import Foundation

/// Reading JSON from untrusted files: invalid UTF-8 and lone surrogate escapes (`"\ud800"`),
/// which strict parsers reject, are replaced by U+FFFD first, so one bad character does not
/// cost the whole file.
enum JSONInput {
  /// The JSON value in `bytes`, or nil when it is not JSON even after repair.
  static func parse(_ bytes: some Collection<UInt8>) -> Any? {
    let data = Data(bytes)
    if let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
      return value
    }
    let repaired = Data(repairingSurrogates(String(decoding: data, as: UTF8.self)).utf8)
    return try? JSONSerialization.jsonObject(with: repaired, options: [.fragmentsAllowed])
  }

  /// `text` with `\uD800`-`\uDFFF` escapes that do not form a valid pair replaced by `\uFFFD`.
  static func repairingSurrogates(_ text: String) -> String {
    guard text.contains("\\u") else { return text }
    var out = ""
    var characters = Array(text.unicodeScalars)[...]
    func hexValue(_ slice: ArraySlice<Unicode.Scalar>) -> UInt32? {
      guard slice.count == 4 else { return nil }
      return UInt32(String(String.UnicodeScalarView(slice)), radix: 16)
    }
    while let scalar = characters.first {
      characters = characters.dropFirst()
      guard scalar == "\\", let next = characters.first else {
        out.unicodeScalars.append(scalar)
        continue
      }
      guard next == "u", let value = hexValue(characters.dropFirst().prefix(4)) else {
        // Any other escape passes through whole, so `\\u` stays an escaped backslash.
        out.unicodeScalars.append(scalar)
        out.unicodeScalars.append(next)
        characters = characters.dropFirst()
        continue
      }
      let escape = characters.prefix(5)
      characters = characters.dropFirst(5)
      if (0xD800...0xDBFF).contains(value), characters.first == "\\",
        characters.dropFirst().first == "u",
        let low = hexValue(characters.dropFirst(2).prefix(4)), (0xDC00...0xDFFF).contains(low)
      {
        out += "\\" + String(String.UnicodeScalarView(escape)) + "\\u" + String(low, radix: 16)
        characters = characters.dropFirst(6)
      } else if (0xD800...0xDFFF).contains(value) {
        out += "\\uFFFD"
      } else {
        out += "\\" + String(String.UnicodeScalarView(escape))
      }
    }
    return out
  }
}

/// Typed access to loosely shaped JSON objects: a wrong type reads as missing.
extension Dictionary where Key == String, Value == Any {
  func string(_ key: String) -> String? {
    if let text = self[key] as? String { return text }
    if let number = self[key] as? NSNumber, !ClampedCount.isJSONBoolean(number) {
      return number.stringValue
    }
    return nil
  }

  /// A count (see ``ClampedCount``): clamped, never wrapped.
  func int(_ key: String) -> Int? {
    ClampedCount.from(self[key])
  }

  func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }

  func array(_ key: String) -> [Any]? { self[key] as? [Any] }

  func strings(_ key: String) -> [String] {
    (self[key] as? [Any])?.compactMap { $0 as? String } ?? []
  }
}

/// The day at the start of an ISO 8601 timestamp (`2024-07-18T09:21:13.000Z`).
func dayOfTimestamp(_ text: String?) -> Day? {
  guard let text, text.count >= 10 else { return nil }
  return Day(text.prefix(10))
}

/// The day of an RFC 822 date (`Mon, 15 Jan 2024 00:00:00 -0500`), as written.
func dayOfRFC822(_ text: String?) -> Day? {
  guard let text else { return nil }
  let parts = text.split(separator: " ").filter { !$0.hasSuffix(",") }
  guard parts.count >= 3, let day = Int(parts[0]), let year = Int(parts[2]) else { return nil }
  let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  guard let month = months.firstIndex(of: parts[1].prefix(3).lowercased()) else { return nil }
  return Day(year: year, month: month + 1, day: day)
}
