import FolioCore
import XCTest

@testable import FolioConfig

/// Warnings' line numbers come from one pass over the file (``KeyLines``), not one scan of
/// every line per key.
final class KeyLinesTests: XCTestCase {
  /// 50,000 unknown keys: each key used to scan the file, and sorting the keys by line asked
  /// again for every comparison (hours); now each line is read once.
  func testAFileOfManyKeysWarnsAtEachKeysLineInOnePass() {
    let count = 50_000
    let text = (1...count).map { "k\($0) = \($0)" }.joined(separator: "\n")
    let (config, warnings) = Config.parsing(text, file: "c.toml")
    XCTAssertEqual(config, Config())
    XCTAssertEqual(warnings.count, count)
    XCTAssertEqual(warnings.map(\.line), Array(1...count), "in file order, each at its line")
    XCTAssertEqual(warnings.last?.description, "c.toml:50000: unknown key 'k50000' (ignored)")
  }

  /// Lines made of the pieces a config file has, in a seeded random mix: the one pass finds
  /// the same line for every key as the scan it replaces.
  func testTheOnePassAgreesWithTheScanItReplaced() {
    var random = SplitMix64(seed: 17)
    let pieces = [
      "theme", "\"theme\"", "keys", "[keys]", "[", "]", "\"", "=", " ", "\t", "star", "1",
      "'x'", "mark_read", "#", ".", "é", "e\u{301}",
    ]
    let keys = ["theme", "keys", "star", "mark_read", "x", "é", "1"]
    for _ in 0..<300 {
      let lines = (0..<Int.random(in: 1...12, using: &random)).map { _ in
        (0..<Int.random(in: 0...6, using: &random)).map { _ in
          pieces.randomElement(using: &random) ?? ""
        }.joined()
      }
      let found = KeyLines(lines.joined(separator: "\n"))
      for key in keys {
        XCTAssertEqual(found.line(of: key), Self.scan(key, in: lines), "\(key) in \(lines)")
      }
    }
  }

  /// The per-key scan as it was before (kept here as the reference).
  static func scan(_ key: String, in lines: [String]) -> Int? {
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      for spelling in [key, "\"\(key)\"", "[\(key)]"] where trimmed.hasPrefix(spelling) {
        let rest = trimmed.dropFirst(spelling.count).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("=") || spelling.hasPrefix("[") { return index + 1 }
      }
    }
    return nil
  }
}
