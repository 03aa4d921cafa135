import Foundation
import XCTest

@testable import FolioConfig

/// The table of settings (issue 17, seam 6) is the one place a setting is described: parsing,
/// warnings, the `--init` template and docs/guide.md all follow it, and defaults come from
/// `Config()`.
final class SettingTableTests: XCTestCase {
  func testEachSettingReadsBackItsOwnDefault() {
    XCTAssertEqual(Set(Setting.all.map(\.key)).count, Setting.all.count, "one row per key")
    for setting in Setting.all {
      let written = setting.value(Config())
      let (config, warnings) = Config.parsing("\(setting.key) = \(written.toml)\n", file: "c")
      XCTAssertEqual(warnings, [], setting.key)
      XCTAssertEqual(setting.value(config), written, setting.key)
    }
  }

  /// A changed default shows in the warning, the template and the check of the guide alike,
  /// because each reads it from `Config()`: here every warning names the same default.
  func testEveryRefusedValueKeepsTheDefaultAndSaysWhichOne() {
    let expected = [
      "theme": "'theme' must be a theme name or a path in quotes; using default",
      "mark_read": "'mark_read' must be \"open\", \"never\" or a number of seconds; using 2",
      "default_view": "'default_view' must be \"today\", \"all\" or a topic name; using today",
      "list_columns":
        "'list_columns' must list some of unread, star, topics, day, upvotes, tags; using the default",
      "date_format": "'date_format' must be a pattern in quotes, like \"%d %b\"; using %Y-%m-%d",
      "mouse": "'mouse' must be true or false; using true",
      "export_path": "'export_path' must be a path in quotes; using ~/folio-starred.md",
      "arxiv_categories":
        "'arxiv_categories' must be a list of category names, like [\"cs.LG\"]; using the default",
      "hf_base_url": "'hf_base_url' must be an http(s) URL in quotes; using the default",
      "arxiv_base_url": "'arxiv_base_url' must be an http(s) URL in quotes; using the default",
      "http_max_mb":
        "'http_max_mb' must be a whole number of megabytes from 1 to 4096; using 64",
      "arxiv_pdf_base_url":
        "'arxiv_pdf_base_url' must be an http(s) URL in quotes; using the default",
      "pdf_max_mb": "'pdf_max_mb' must be a whole number of megabytes from 1 to 4096; using 200",
      "zotero_url": "'zotero_url' must be an http(s) URL in quotes; using the default",
      "s2_url": "'s2_url' must be an http(s) URL in quotes; using the default",
      "sync_dir": "'sync_dir' must be a folder's path in quotes (\"\" for none); using the default",
      "sync_interval": "'sync_interval' must be a whole number of minutes from 0 to 1440; using 0",
      "for_you_days": "'for_you_days' must be a whole number of days from 1 to 365; using 7",
    ]
    XCTAssertEqual(Set(expected.keys), Set(Setting.all.map(\.key)))
    for setting in Setting.all {
      // An inline table is no setting's type.
      let (config, warnings) = Config.parsing("\n\(setting.key) = { a = 1 }\n", file: "c.toml")
      XCTAssertEqual(config, Config(), setting.key)
      XCTAssertEqual(
        warnings.map(\.description), ["c.toml:2: " + (expected[setting.key] ?? "")], setting.key)
    }
  }

  func testTheTemplateHasEverySettingAtItsDefaultUnderItsDocLine() {
    let lines = Config.template.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    for setting in Setting.all {
      let assignment = "# \(setting.key) = \(setting.value(Config()).toml)"
      guard let index = lines.firstIndex(where: { $0 == assignment }) else {
        XCTFail("the template lacks \(assignment)")
        continue
      }
      let doc: [String] = setting.doc.split(separator: "\n").map { "# " + $0 }
      XCTAssertEqual(Array(lines[(index - doc.count)..<index]), doc, setting.key)
    }
    // Uncommenting every setting gives the defaults, with no warning. (Config keeps the
    // default theme and date format as nil; the file names them.)
    let uncommented = lines.map { line in
      Setting.all.contains { line.hasPrefix("# \($0.key) = ") } ? String(line.dropFirst(2)) : line
    }.joined(separator: "\n")
    let (config, warnings) = Config.parsing(uncommented, file: "t")
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(Setting.all.map { $0.value(config) }, Setting.all.map { $0.value(Config()) })
    XCTAssertEqual(config.keyBindings, [])
  }

  /// docs/guide.md's configuration block lists exactly the settings, at their defaults.
  func testTheGuideListsEverySettingAtItsDefault() throws {
    let guide = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/guide.md"), encoding: .utf8)
    let section = try XCTUnwrap(guide.range(of: "## Configuration\n"))
    let start = try XCTUnwrap(
      guide.range(of: "```toml\n", range: section.upperBound..<guide.endIndex))
    let end = try XCTUnwrap(guide.range(of: "\n```", range: start.upperBound..<guide.endIndex))
    let block = guide[start.upperBound..<end.lowerBound]
    let topLevel = block.split(separator: "\n").prefix { !$0.hasPrefix("[") }
      .filter { !$0.hasPrefix(" ") && !$0.isEmpty }
    XCTAssertEqual(
      topLevel.map { String($0.prefix { $0 != " " }) }, Setting.all.map(\.key),
      "the guide's keys, in the table's order")
    for (line, setting) in zip(topLevel, Setting.all) {
      let assignment = "\(setting.key) = \(setting.value(Config()).toml)"
      XCTAssertTrue(
        line == assignment || line.hasPrefix(assignment + " "), "guide.md: \(line)")
    }
    let (config, warnings) = Config.parsing(String(block), file: "guide.md")
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(config.keyPreset, "vim")
  }
}
