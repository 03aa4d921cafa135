/// A JSON document with object keys in a fixed order, so output is stable and readable
/// (Foundation's encoder orders keys by hash on Linux).
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number that need not be whole (a for-you score); written as Swift's shortest form that
  /// reads back the same, and as null when not finite (JSON has no NaN or infinity).
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Key-value pairs in output order.
  case object([(String, JSONValue)])

  /// A string, or null for nil.
  public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  /// An integer, or null for nil.
  public static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

  /// The document as text: two-space indentation, one key or element per line, `[]`/`{}` for
  /// empty containers, non-ASCII kept as UTF-8, control characters escaped.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    return out
  }

  private func write(into out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .number(let value): out += value.isFinite ? value.description : "null"
    case .string(let value): Self.quote(value, into: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        item.write(into: &out, indent: indent + 2)
        out += index == items.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "]"
    case .object(let pairs):
      guard !pairs.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (index, (key, value)) in pairs.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        Self.quote(key, into: &out)
        out += ": "
        value.write(into: &out, indent: indent + 2)
        out += index == pairs.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "}"
    }
  }

  /// Appends `text` as a JSON string literal.
  public static func quote(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        // C1 and bidi controls are valid JSON as they are, but escaped they stay inert when
        // the JSON is read on a terminal.
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0x2028
          || scalar.value == 0x2029 || TextCleaner.isBidiControl(scalar)
        {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rendered())
  }
}
