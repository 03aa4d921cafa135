import Foundation
import XCTest

/// `folio themes --preview` of a theme that is not there, or broken, fails (issue 16 #8).
final class ThemesCommandTests: XCTestCase {
  func testPreviewOfAnUnknownNameIsAUsageErrorListingTheNames() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["themes", "--preview", "nope"])
    XCTAssertEqual(result.status, 64)
    XCTAssertEqual(result.stdout, "", "no preview of the default")
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: error: no theme named 'nope'; themes: default, "),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("solarized-dark"))
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
  }

  func testPreviewOfAMissingFileIsNoInput() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["themes", "--preview", "/nonexistent/x.theme"])
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr, "folio: error: /nonexistent/x.theme: cannot read the theme file\n")
  }

  func testPreviewOfABrokenThemeIsADataErrorWithItsProblems() throws {
    let folio = try FolioRunner(self)
    let theme = try folio.file("broken.theme", text: "header = nocolour\n")
    let result = try folio.run(["themes", "--preview", theme])
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(
      result.stderr.hasPrefix("folio: warning: \(theme):1:10: 'nocolour' is not a colour"),
      result.stderr)
  }

  func testHelpSaysTheBuiltInThemesAreInsideTheBinary() throws {
    let folio = try FolioRunner(self)
    let help = try folio.run(["themes", "--help"]).stdout
    XCTAssertFalse(help.contains("Built-in themes come from Themes/"), help)
    XCTAssertTrue(help.contains("part of the folio binary"), help)
  }
}
