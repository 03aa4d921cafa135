import XCTest

@testable import FolioConfig

/// `Config.quoted` writes what TOML reads back as the same text (issue 17, hygiene).
final class ConfigQuotingTests: XCTestCase {
  func testEveryControlCharacterAndEveryEscapeReadsBack() {
    let values =
      (0...0x7F).map { String(UnicodeScalar(UInt8($0))) } + [
        "\"\u{301}", "\\\u{301}", "a\r\nb", "tab\there", "\u{1B}]2;title\u{07}", "ünï — 漢字 🙂",
        "\\u0041", "\u{85}\u{2028}",
      ]
    for value in values {
      let quoted = Config.quoted(value)
      XCTAssertFalse(
        quoted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
        "no raw control in \(quoted.debugDescription)")
      // TOMLKit hands strings over as C strings, so a NUL (written correctly as \u0000)
      // cannot be read back through it.
      guard value != "\0" else { continue }
      let (config, warnings) = Config.parsing("date_format = \(quoted)\n", file: "c")
      XCTAssertEqual(warnings, [], quoted.debugDescription)
      XCTAssertEqual(config.dateFormat, value, quoted.debugDescription)
    }
    XCTAssertEqual(Config.quoted("a\u{0}\u{1}\u{7F}\"\\\n"), #""a\u0000\u0001\u007f\"\\\n""#)
  }

  /// A theme name whose quote carries a combining mark was once written raw,
  /// so `T` refused to save it ("cannot change 'theme' safely").
  func testAThemeNameWithAMarkedQuoteIsSaved() throws {
    let name = "odd\"\u{301}name\\\u{301}"
    let updated = try Config.setting("theme", to: name, in: "mouse = true\n", file: "c")
    XCTAssertEqual(Config.parsing(updated, file: "c").0.theme, name)
  }
}
