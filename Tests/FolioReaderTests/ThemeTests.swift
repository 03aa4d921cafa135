import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

final class ThemeTests: XCTestCase {
  static let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes")

  func themeFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(
      at: Self.themesDirectory, includingPropertiesForKeys: nil
    )
    .filter { $0.pathExtension == "theme" }.sorted { $0.path < $1.path }
  }

  func testEveryShippedThemeParsesAndDefinesEveryElement() throws {
    let files = try themeFiles()
    XCTAssertGreaterThanOrEqual(files.count, 7)
    for file in files {
      let name = file.deletingPathExtension().lastPathComponent
      let (theme, warnings) = ThemeCatalog.builtIn.theme(name)
      XCTAssertEqual(warnings, [], name)
      XCTAssertEqual(theme.name, name)
      XCTAssertEqual(Set(theme.elements.keys), Set(ThemeElement.allCases), name)
    }
    for required in [
      "default", "dark", "light", "solarized-dark", "high-contrast", "monochrome", "okabe-ito",
    ] {
      XCTAssertTrue(files.contains { $0.lastPathComponent == "\(required).theme" }, required)
    }
  }

  func testTheCompiledInThemesAreTheFilesInThemes() throws {
    let files = try themeFiles()
    XCTAssertEqual(
      BuiltinThemes.sources.map(\.name), files.map { $0.deletingPathExtension().lastPathComponent })
    for (source, file) in zip(BuiltinThemes.sources, files) {
      XCTAssertEqual(
        source.text, try String(contentsOf: file, encoding: .utf8), "run scripts/embed-resources.sh"
      )
    }
  }

  func testColoursAreFittedToTheTerminal() {
    XCTAssertEqual(Palette.fit(.rgb(255, 0, 0), to: .palette256).0, .indexed(196))
    XCTAssertEqual(Palette.fit(.rgb(255, 0, 0), to: .eight).0, .red)
    XCTAssertEqual(Palette.fit(.rgb(255, 0, 0), to: .trueColor).0, .rgb(255, 0, 0))
    XCTAssertEqual(Palette.fit(.rgb(128, 128, 128), to: .palette256).0, .indexed(244))
    XCTAssertEqual(Palette.fit(.indexed(196), to: .eight).0, .red)
    XCTAssertTrue(Palette.fit(.ansi(11), to: .eight) == (.yellow, .bold))
    XCTAssertTrue(Palette.fit(.ansi(8), to: .eight) == (.default, .dim))
    XCTAssertEqual(Palette.fit(.ansi(11), to: .palette256).0, .ansi(11))
  }

  func testColoursThatCollapseTogetherStayReadable() {
    let separator = Style(foreground: .rgb(0x4c, 0x56, 0x6a), background: .rgb(0x1c, 0x1f, 0x26))
    let fitted = Palette.fit(separator, to: .eight)
    XCTAssertEqual(fitted.background, .black)
    XCTAssertEqual(fitted.foreground, .white)
    XCTAssertEqual(
      Palette.fit(Style(foreground: .black, background: .black), to: .eight).foreground, .black)
  }

  func testColourDepthDetection() {
    XCTAssertEqual(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": ""]), ColorDepth.none)
    XCTAssertEqual(
      ColorDepth.detect(colors: 256, environment: ["COLORTERM": "truecolor"]), .palette256)
    XCTAssertEqual(
      ColorDepth.detect(colors: 16_777_216, environment: ["COLORTERM": "24bit"]), .trueColor)
    XCTAssertEqual(ColorDepth.detect(colors: 16_777_216, environment: [:]), .palette256)
    XCTAssertEqual(ColorDepth.detect(colors: 8, environment: [:]), .eight)
    XCTAssertEqual(ColorDepth.detect(colors: 0, environment: [:]), ColorDepth.none)
  }

  func testNoColorLeavesOnlyBoldReverseAndUnderline() throws {
    for name in ThemeCatalog.builtIn.names {
      let theme = ThemeCatalog.builtIn.theme(name).theme.monochrome
      for element in ThemeElement.allCases {
        let style = Palette.fit(theme[element], to: .none)
        XCTAssertEqual(style.foreground, .default)
        XCTAssertEqual(style.background, .default)
        XCTAssertTrue(
          style.attributes.isSubset(of: [.bold, .reverse, .underline]), "\(name) \(element)")
      }
      XCTAssertEqual(theme.name, name)
    }
  }

  func testEveryThemeStaysUnderSixtyFourColourPairsOnEveryScreen() throws {
    let store = try makeLibrary()
    for name in ThemeCatalog.builtIn.names {
      let theme = ThemeCatalog.builtIn.theme(name).theme
      var styles: Set<Style> = []
      for keys in ["", "jjjjj", "?", "/learning\n", "t", "\t", "\n", "A"] {
        var harness = ReaderHarness(
          store: store, settings: ReaderSettings(theme: theme, libraryName: "x"))
        harness.type(keys)
        styles.formUnion(harness.grid.cells.map(\.style))
      }
      for depth in [ColorDepth.trueColor, .palette256, .sixteen, .eight] {
        let pairs = Set(
          styles.map { style -> [Color] in
            let fitted = Palette.fit(style, to: depth)
            return [fitted.foreground, fitted.background]
          })
        XCTAssertLessThanOrEqual(pairs.count, 64, "\(name) at \(depth)")
      }
    }
  }

  func testStyledSnapshotsOfTwoThemes() throws {
    let store = try makeLibrary()
    for name in ["solarized-dark", "okabe-ito"] {
      let theme = ThemeCatalog.builtIn.theme(name).theme
      var harness = ReaderHarness(
        store: store, width: 80, height: 24,
        settings: ReaderSettings(theme: theme, libraryName: "x"))
      harness.type("jjjjj")
      assertSnapshot(harness.grid, named: "theme-\(name)-80x24")
    }
  }

  func testThemesExtendAndInheritColoursWithADash() throws {
    let catalog = ThemeCatalog(
      sources: ThemeCatalog.builtIn.sources.values.map { $0 } + [
        .init(
          name: "base", text: "extends = default\nlist.star = #ff0000 #000000 bold\n",
          file: "base.theme", isBuiltIn: false),
        .init(
          name: "child", text: "extends = base\nbackground = 17\nlist.star = - 226 underline\n",
          file: "child.theme", isBuiltIn: false),
      ])
    let (child, warnings) = catalog.theme("child")
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(
      child[.listStar],
      Style(foreground: .rgb(255, 0, 0), background: .indexed(226), attributes: .underline))
    XCTAssertEqual(
      child[.listNormal].background, .indexed(17), "`default` colours are the theme's own")
    XCTAssertEqual(
      child[.header],
      Style(foreground: .default, background: .indexed(17), attributes: [.bold, .reverse]))
  }

  func testBrokenThemesWarnWithLineAndColumnAndFallBackToDefault() {
    let cases: [(String, String)] = [
      ("list.selcted = red\n", "broken.theme:1:1: unknown element 'list.selcted'"),
      (
        "# fine\nheader = blu default\n",
        "broken.theme:2:10: 'blu' is not a colour (default, a colour name, 0-255 or #rrggbb) or an attribute"
      ),
      (
        "header = red blue bold wobbly\n",
        "broken.theme:1:24: 'wobbly' is not an attribute (bold, dim, italic, underline, reverse)"
      ),
      (
        "header red\n",
        "broken.theme:1:1: expected 'element = foreground [background] [attributes]'"
      ),
      (
        "header = #12345\n",
        "broken.theme:1:10: '#12345' is not a colour (default, a colour name, 0-255 or #rrggbb) or an attribute"
      ),
      ("extends = nowhere\n", "broken.theme: extends an unknown theme 'nowhere'"),
      (
        "background = 300\n",
        "broken.theme:1:14: '300' is not a colour (default, a colour name, 0-255 or #rrggbb)"
      ),
    ]
    for (text, expected) in cases {
      let catalog = ThemeCatalog(
        sources: ThemeCatalog.builtIn.sources.values.map { $0 } + [
          .init(name: "broken", text: text, file: "broken.theme", isBuiltIn: false)
        ])
      let (theme, warnings) = catalog.theme("broken")
      XCTAssertEqual(theme, Theme.standard, text)
      XCTAssertEqual(warnings.first?.description, expected, text)
      XCTAssertEqual(warnings.last?.description, "broken.theme: using the default theme instead")
    }
  }

  func testAThemeExtendingItselfIsACycle() {
    let catalog = ThemeCatalog(
      sources: ThemeCatalog.builtIn.sources.values.map { $0 } + [
        .init(name: "a", text: "extends = b\n", file: "a.theme", isBuiltIn: false),
        .init(name: "b", text: "extends = a\n", file: "b.theme", isBuiltIn: false),
      ])
    let (theme, warnings) = catalog.theme("a")
    XCTAssertEqual(theme, Theme.standard)
    XCTAssertTrue(warnings.contains { $0.message.contains("makes a cycle") }, "\(warnings)")
  }

  func testUserThemesReplaceBuiltInOnesAndUnknownNamesFallBack() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "folio-themes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("extends = default\nlist.star = #00ff00\n".utf8).write(
      to: directory.appendingPathComponent("dark.theme"))
    try Data("list.star = 1\n".utf8).write(to: directory.appendingPathComponent("mine.theme"))
    let catalog = ThemeCatalog.loading(userDirectory: directory.path)
    XCTAssertTrue(catalog.names.contains("mine"))
    XCTAssertEqual(catalog.sources["dark"]?.isBuiltIn, false)
    XCTAssertEqual(catalog.theme("dark").theme[.listStar].foreground, .rgb(0, 255, 0))
    XCTAssertEqual(
      catalog.theme(directory.appendingPathComponent("mine.theme").path).theme[.listStar]
        .foreground, .indexed(1))
    let (fallback, warnings) = catalog.theme("nope")
    XCTAssertEqual(fallback, .standard)
    XCTAssertTrue(warnings[0].message.hasPrefix("no theme named 'nope'"))
  }

  func testShiftTCyclesThemesAndAsksToSaveTheChoice() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("T")
    XCTAssertEqual(harness.state.settings.theme.name, "dark")
    XCTAssertEqual(harness.external, [.saveTheme("dark")])
    harness.send(.completed(.savedTheme("dark")))
    XCTAssertEqual(harness.state.status?.text, "theme: dark (saved)")
    for _ in 0..<6 { harness.type("T") }
    XCTAssertEqual(harness.state.settings.theme.name, "default", "the cycle comes round")
  }

  func testANSIRenderingUsesTheDepthsCodes() {
    var grid = CellGrid(width: 3, height: 1)
    grid.write(
      "abc", x: 0, y: 0,
      style: Style(foreground: .rgb(255, 0, 0), background: .ansi(12), attributes: .bold))
    XCTAssertEqual(grid.ansiText(depth: .trueColor), "\u{1B}[0;1;38;2;255;0;0;104mabc\u{1B}[0m\n")
    XCTAssertEqual(grid.ansiText(depth: .palette256), "\u{1B}[0;1;38;5;196;104mabc\u{1B}[0m\n")
    XCTAssertEqual(grid.ansiText(depth: .eight), "\u{1B}[0;1;31;44mabc\u{1B}[0m\n")
    XCTAssertEqual(grid.ansiText(depth: .none), "\u{1B}[0;1mabc\u{1B}[0m\n")
  }
}
