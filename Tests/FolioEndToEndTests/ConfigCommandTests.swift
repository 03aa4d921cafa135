import Foundation
import XCTest

/// `folio config` checks what the reader checks (issue 16 #4): a file the reader would warn
/// about is never "ok".
final class ConfigCommandTests: XCTestCase {
  /// Writes config.toml (and topics.toml) and runs `folio config`.
  func check(
    _ folio: FolioRunner, _ text: String, topics: String? = nil
  ) throws -> (CommandResult, String) {
    let directory = folio.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("config.toml").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    if let topics {
      try Data(topics.utf8).write(to: directory.appendingPathComponent("topics.toml"))
    }
    return (try folio.run(["config"]), path)
  }

  func testAnUnknownThemeIsADataErrorWithItsLine() throws {
    let folio = try FolioRunner(self)
    let (result, path) = try check(folio, "# mine\nmouse = true\ntheme = \"solarised-dark\"\n")
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(
      result.stderr.hasPrefix(
        "folio: warning: \(path):3: theme: solarised-dark: no theme named 'solarised-dark'"),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("solarized-dark"), "the names are listed")
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
  }

  func testAKeyConflictIsADataErrorAtTheBindingsLine() throws {
    let folio = try FolioRunner(self)
    let (result, path) = try check(folio, "theme = \"dark\"\n\n[keys]\nquit = \"s\"\n")
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(
      result.stderr,
      "folio: warning: \(path):4: keys: star has no key left: 's' is now quit (in list, detail, reading, triage)\n"
    )
  }

  /// Conflicts are per context and name their contexts; the warning stays on the line of the
  /// binding that caused it, even when a context shares its name with an action (palette).
  func testAPerContextConflictIsReportedAtItsBindingsLine() throws {
    let folio = try FolioRunner(self)
    let (result, path) = try check(folio, "[keys]\npalette = \":\"\naccept = \"Ctrl-w\"\n")
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(
      result.stderr,
      "folio: warning: \(path):3: keys: delete-word has no key left: 'Ctrl-w' is now accept (in help-filter, search-line, palette)\n"
    )
  }

  func testUnknownActionsKeysAndDateFormatsAreReported() throws {
    let folio = try FolioRunner(self)
    let (result, path) = try check(
      folio, "date_format = \"%Q\"\n[keys]\nfly = \"f\"\nstar = \"Hyper-x\"\n")
    XCTAssertEqual(result.status, 65)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 3, result.stderr)
    XCTAssertTrue(lines.contains("folio: warning: \(path):3: unknown action 'fly' in [keys]"))
    XCTAssertTrue(
      lines.contains("folio: warning: \(path):4: 'Hyper-x' is not a key name (for star)"),
      result.stderr)
    XCTAssertTrue(lines.contains { $0.hasPrefix("folio: warning: \(path):1: date_format '%Q'") })
  }

  func testABrokenTopicsFileAndAnUnknownDefaultViewTopicAreReported() throws {
    let folio = try FolioRunner(self)
    let (result, path) = try check(
      folio, "default_view = \"cooking\"\n", topics: "[topics]\nBad = '(unclosed'\n")
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(
      result.stderr.contains("folio: warning: \(path):1: default_view: no topic named 'cooking'"),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("topics.toml:2:"), result.stderr)
  }

  func testAGoodFileIsOk() throws {
    let folio = try FolioRunner(self)
    let (result, path) = try check(
      folio, "theme = \"solarized-dark\"\ndefault_view = \"llms\"\n[keys]\nquit = [\"q\", \"Q\"]\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "\(path): ok\n")
    XCTAssertEqual(result.stderr, "")
  }
}
