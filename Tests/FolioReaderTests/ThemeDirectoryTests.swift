import Foundation
import XCTest

@testable import FolioReader

/// Issue 17: where installed theme files are found (`/usr/share/folio/themes` from the Debian
/// package, `~/.local/share/folio/themes` from `make install PREFIX=~/.local`).
final class ThemeDirectoryTests: XCTestCase {
  func testDataDirectoriesFollowXDGLowestPrecedenceFirst() {
    XCTAssertEqual(
      ThemeCatalog.dataDirectories(environment: ["HOME": "/home/ada"]),
      [
        "/usr/share/folio/themes", "/usr/local/share/folio/themes",
        "/home/ada/.local/share/folio/themes",
      ])
    XCTAssertEqual(
      ThemeCatalog.dataDirectories(environment: [
        "HOME": "/home/ada", "XDG_DATA_DIRS": "/opt/a:relative:/opt/b:", "XDG_DATA_HOME": "/data",
      ]),
      ["/opt/b/folio/themes", "/opt/a/folio/themes", "/data/folio/themes"],
      "relative entries are ignored; the first listed wins, XDG_DATA_HOME over them all")
    XCTAssertEqual(
      ThemeCatalog.dataDirectories(environment: ["HOME": "/h", "XDG_DATA_HOME": "rel"]).last,
      "/h/.local/share/folio/themes")
    let many = (0..<100).map { "/d\($0)" }.joined(separator: ":")
    XCTAssertEqual(
      ThemeCatalog.dataDirectories(environment: ["HOME": "/h", "XDG_DATA_DIRS": many]).count,
      ThemeCatalog.maxDataDirectories + 1)
  }

  func testInstalledThemesAddThemesTheUsersReplaceThemAndBuiltInOnesStay() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "folio-theme-dirs-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    func write(_ directory: String, _ file: String, _ text: String) throws {
      let url = root.appendingPathComponent(directory)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url.appendingPathComponent(file))
    }
    try write("low", "paper.theme", "list.star = 1\n")
    try write("low", "only-low.theme", "list.star = 3\n")
    try write("high", "paper.theme", "list.star = 2\n")
    // A stale installed copy of a built-in theme must not replace the compiled-in one.
    try write("high", "dark.theme", "list.star = 4\n")
    try write("user", "only-low.theme", "list.star = 5\n")
    let data = ["low", "high"].map { root.appendingPathComponent($0).path }
    let catalog = ThemeCatalog.loading(
      userDirectory: root.appendingPathComponent("user").path, dataDirectories: data)
    XCTAssertEqual(catalog.theme("paper").theme[.listStar].foreground, .indexed(2))
    XCTAssertEqual(catalog.sources["paper"]?.file, data[1] + "/paper.theme")
    XCTAssertEqual(catalog.sources["dark"]?.isBuiltIn, true)
    XCTAssertEqual(catalog.theme("dark").theme, ThemeCatalog.builtIn.theme("dark").theme)
    XCTAssertEqual(catalog.theme("only-low").theme[.listStar].foreground, .indexed(5))
    XCTAssertEqual(
      Set(catalog.names), Set(ThemeCatalog.builtIn.names + ["paper", "only-low"]))
  }
}
