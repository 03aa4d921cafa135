import Foundation
import XCTest

@testable import FolioConfig

final class ConfigTests: XCTestCase {
  func testAGoodFile() {
    let (config, warnings) = Config.parsing(
      """
      # my settings
      theme = "solarized-dark"
      mark_read = 5
      mouse = false
      default_view = "all"
      """, file: "config.toml")
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(config.theme, "solarized-dark")
    XCTAssertEqual(config.markRead, .after(5))
    XCTAssertFalse(config.mouse)
    XCTAssertEqual(config.defaultView, .allDays)
  }

  func testMarkReadSpellings() {
    XCTAssertEqual(Config.parsing("mark_read = \"open\"", file: "c").0.markRead, .onOpen)
    XCTAssertEqual(Config.parsing("mark_read = \"never\"", file: "c").0.markRead, .never)
    XCTAssertEqual(Config.parsing("mark_read = 1.5", file: "c").0.markRead, .after(1.5))
  }

  func testUnknownKeysAndBadValuesWarnWithTheirLineAndKeepDefaults() {
    let (config, warnings) = Config.parsing(
      "theme = \"dark\"\ncolour = 3\nmouse = \"yes\"\nmark_read = -1\n", file: "/c/config.toml")
    XCTAssertEqual(config.theme, "dark")
    XCTAssertTrue(config.mouse)
    XCTAssertEqual(config.markRead, .after(2))
    XCTAssertEqual(
      warnings.map(\.description),
      [
        "/c/config.toml:2: unknown key 'colour' (ignored)",
        "/c/config.toml:3: 'mouse' must be true or false; using true",
        "/c/config.toml:4: 'mark_read' must be \"open\", \"never\" or a number of seconds; using 2",
      ])
  }

  func testBrokenTOMLWarnsAndGivesDefaults() {
    let (config, warnings) = Config.parsing("theme = \n", file: "c.toml")
    XCTAssertEqual(config, Config())
    XCTAssertEqual(warnings.first?.line, 1)
  }

  func testSettingAKeyKeepsTheRestOfTheFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "folio-config-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("folio/config.toml").path
    try Config.set("theme", to: "dark", inFileAt: path)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "theme = \"dark\"\n")

    try Data("# keep me\nmouse = false\n\n[keys]\nstar = [\"s\"]\n".utf8).write(
      to: URL(fileURLWithPath: path))
    try Config.set("theme", to: "light", inFileAt: path)
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8),
      "# keep me\nmouse = false\n\ntheme = \"light\"\n[keys]\nstar = [\"s\"]\n")
    try Config.set("theme", to: "my \"odd\" theme", inFileAt: path)
    XCTAssertEqual(Config.loading(path: path).0.theme, "my \"odd\" theme")
  }
}

final class ConfigMoreKeysTests: XCTestCase {
  func testReaderAndKeySettings() {
    let (config, warnings) = Config.parsing(
      """
      date_format = "%a %e %b"
      list_columns = ["star", "title-is-implied", "upvotes"]
      default_view = "Person re-identification"

      [keys]
      preset = "emacs"
      star = ["s", "*"]
      top = "gg"
      quit = 3
      """, file: "c.toml")
    XCTAssertEqual(config.dateFormat, "%a %e %b")
    XCTAssertEqual(
      config.listColumns, ["unread", "star", "topics", "day"], "a bad list keeps the default")
    XCTAssertEqual(config.defaultView, .topic("Person re-identification"))
    XCTAssertEqual(config.keyPreset, "emacs")
    XCTAssertEqual(config.keyBindings.map(\.action), ["star", "top"])
    XCTAssertEqual(config.keyBindings.map(\.keys), [["s", "*"], ["gg"]])
    XCTAssertEqual(config.keyBindings.first?.line, 7)
    XCTAssertEqual(
      warnings.map(\.description),
      [
        "c.toml:2: 'list_columns' must list some of unread, star, topics, day, upvotes, tags (not title-is-implied); using the default",
        "c.toml:9: keys for 'quit' must be a key name or a list of them, like [\"s\", \"*\"]",
      ])
  }

  func testTheInitTemplateIsValidAndSaysNothingWrong() {
    let (config, warnings) = Config.parsing(Config.template, file: "t")
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(config, Config())
  }
}
