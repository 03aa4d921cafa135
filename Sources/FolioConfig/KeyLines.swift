import Foundation

/// Where keys are set in a config file, for warnings' `file:line`: the 1-based line of the
/// first `key =`, `"key" =` or `[key]` at the start of a line (after blanks). Found in one
/// pass over the text, then looked up per key: each key scanning every line made a file of
/// many keys quadratic (50,000 keys took hours to load).
struct KeyLines {
  private var first: [String: Int] = [:]

  init(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      for name in Self.names(setBy: String(line)) where first[name] == nil {
        first[name] = index + 1
      }
    }
  }

  /// The line where `key` is first set, if it is set at the start of one.
  func line(of key: String) -> Int? { first[key] }

  /// What a line may set: what stands before its first `=`, what a leading `"…"` quotes when
  /// `=` follows, and what a leading `[…]` encloses.
  static func names(setBy line: String) -> [String] {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    var names: [String] = []
    if let equals = trimmed.firstIndex(of: "=") {
      names.append(trimmed[..<equals].trimmingCharacters(in: .whitespaces))
    }
    let inside = trimmed.dropFirst()
    if trimmed.hasPrefix("\""), let close = inside.firstIndex(of: "\""),
      inside[close...].dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("=")
    {
      names.append(String(inside[..<close]))
    }
    if trimmed.hasPrefix("["), let close = inside.firstIndex(of: "]") {
      names.append(String(inside[..<close]))
    }
    return names
  }
}
