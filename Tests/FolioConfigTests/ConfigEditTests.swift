import Foundation
import XCTest

@testable import FolioConfig

/// `T` saves the theme by changing one value of config.toml: whatever the key's spelling,
/// never a second `theme`, never a key of a table, and through the user's dotfile link.
final class ConfigEditTests: XCTestCase {
  func set(_ text: String, to value: String = "dark") throws -> String {
    try Config.setting("theme", to: value, in: text, file: "config.toml")
  }

  /// Every spelling of the top-level key is that key: its value changes, nothing is added.
  func testEverySpellingOfTheKeyIsReplacedInPlace() throws {
    let spellings = [
      "theme = \"light\"\n": "theme = \"dark\"\n",
      "\"theme\" = \"light\"\n": "\"theme\" = \"dark\"\n",
      "'theme' = 'light'\n": "'theme' = \"dark\"\n",
      "  theme=\"light\"   # my pick\n": "  theme=\"dark\"   # my pick\n",
      "\t\"theme\"\t =\t'''light'''\n": "\t\"theme\"\t =\t\"dark\"\n",
      "\"th\\u0065me\" = \"light\"\n": "\"th\\u0065me\" = \"dark\"\n",
      "mouse = false\r\ntheme = \"light\"\r\n": "mouse = false\r\ntheme = \"dark\"\r\n",
    ]
    for (before, after) in spellings {
      let updated = try set(before)
      XCTAssertEqual(updated, after, before)
      let (config, warnings) = Config.parsing(updated, file: "config.toml")
      XCTAssertEqual(warnings, [], before)
      XCTAssertEqual(config.theme, "dark", before)
    }
  }

  /// A `theme` inside a table, an inline table, a dotted key or a multi-line string is not
  /// the top-level key: the top-level one is added before the first table, the rest kept.
  func testKeysOfTablesAndTextInStringsAreNotTheTopLevelKey() throws {
    let text = """
      export_path = \"\"\"
      theme = "not a key"
      \"\"\"
      other.theme = "dotted"
      inline = { theme = "inline" }
      list = [
        "theme = x", # theme = y
      ]

      [keys]
      theme = "in a table"

      """
    let updated = try set(text)
    XCTAssertEqual(
      updated, text.replacingOccurrences(of: "\n[keys]\n", with: "\ntheme = \"dark\"\n[keys]\n"))
    XCTAssertEqual(Config.parsing(updated, file: "c").0.theme, "dark")
  }

  func testAQuotedKeyIsNeverDuplicated() throws {
    // The file of the report: a valid quoted key, which the old code did not recognise.
    let updated = try set("\"theme\" = \"dark\"\nmouse = true\n", to: "light")
    XCTAssertEqual(updated, "\"theme\" = \"light\"\nmouse = true\n")
  }

  func testAFileWithoutAFinalNewlineGetsTheKeyOnItsOwnLine() throws {
    XCTAssertEqual(try set("mouse = false"), "mouse = false\ntheme = \"dark\"\n")
    XCTAssertEqual(try set(""), "theme = \"dark\"\n")
  }

  /// What cannot be changed safely is refused and the file left as it was.
  func testInvalidTOMLOrATableNamedThemeIsRefused() {
    for text in ["theme = \n", "[theme]\nname = \"x\"\n", "theme.name = \"x\"\n"] {
      XCTAssertThrowsError(try set(text), text)
    }
  }

  func testControlCharactersInTheValueAreEscaped() throws {
    let updated = try set("", to: "odd\u{1B}]2;x\u{07}name")
    XCTAssertEqual(updated, "theme = \"odd\\u001b]2;x\\u0007name\"\n")
    XCTAssertEqual(Config.parsing(updated, file: "c").0.theme, "odd\u{1B}]2;x\u{07}name")
  }

  /// A config.toml kept with the dotfiles and linked in: edited through the link, which stays
  /// a link, and the file keeps its mode.
  func testTheFileIsEditedThroughItsLinkAndKeepsItsMode() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "folio-config-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let dotfiles = directory.appendingPathComponent("dotfiles")
    try FileManager.default.createDirectory(at: dotfiles, withIntermediateDirectories: true)
    let real = dotfiles.appendingPathComponent("folio.toml").path
    try Data("\"theme\" = \"light\"\n".utf8).write(to: URL(fileURLWithPath: real))
    XCTAssertEqual(chmod(real, 0o600), 0)
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("folio"), withIntermediateDirectories: true)
    let link = directory.appendingPathComponent("folio/config.toml").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)

    try Config.set("theme", to: "dark", inFileAt: link)
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), real)
    XCTAssertEqual(try String(contentsOfFile: real, encoding: .utf8), "\"theme\" = \"dark\"\n")
    var info = stat()
    XCTAssertEqual(stat(real, &info), 0)
    XCTAssertEqual(info.st_mode & 0o7777, 0o600)
  }

  /// A FIFO at config.toml is neither read (which would block) nor replaced.
  func testAFIFOIsRefusedWithoutBlocking() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "folio-config-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("config.toml").path
    XCTAssertEqual(mkfifo(path, 0o600), 0)
    XCTAssertThrowsError(try Config.set("theme", to: "dark", inFileAt: path)) {
      XCTAssertEqual(
        ($0 as? Config.EditError)?.reason, "it is a FIFO, not a regular file; left as it was")
    }
    var info = stat()
    XCTAssertEqual(lstat(path, &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
  }
}
