import Foundation
import XCTest

/// Themes in the real reader, in tmux, on different terminals.
final class ThemeEndToEndTests: XCTestCase {
  func startReader(
    _ folio: FolioRunner, term: String, _ arguments: [String] = [], extra: [String] = []
  ) throws
    -> TmuxSession
  {
    try TmuxSession(
      ["/usr/bin/env", "TERM=\(term)"] + extra + [FolioRunner.binary.path] + arguments,
      environment: folio.environment, testCase: self)
  }

  /// The parameters of every SGR sequence on the screen.
  static func sgrParameters(_ screen: String) -> [String] {
    var parameters: [String] = []
    var rest = Substring(screen)
    while let start = rest.range(of: "\u{1B}[") {
      let tail = rest[start.upperBound...]
      guard let end = tail.firstIndex(where: { $0.isLetter }) else { break }
      if tail[end] == "m" { parameters.append(String(tail[..<end])) }
      rest = tail[tail.index(after: end)...]
    }
    return parameters
  }

  static func usesColour(_ parameters: [String]) -> Bool {
    parameters.contains { sequence in
      sequence.split(separator: ";").contains { code in
        guard let number = Int(code) else { return false }
        return (30...38).contains(number) || (40...48).contains(number)
          || (90...107).contains(number)
      }
    }
  }

  func testA256ColourTerminalGetsThePalette() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio, term: "xterm-256color", ["--theme", "dark"])
    try tmux.waitFor("Need is All You Need")
    let parameters = Self.sgrParameters(try tmux.capture(escapes: true))
    XCTAssertTrue(parameters.contains { $0.contains("38;5;") }, "\(Set(parameters))")
    XCTAssertTrue(parameters.contains { $0.contains("48;5;") })
  }

  func testTheLinuxConsoleGetsEightColours() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio, term: "linux", ["--theme", "dark"])
    try tmux.waitFor("Need is All You Need")
    let parameters = Self.sgrParameters(try tmux.capture(escapes: true))
    XCTAssertTrue(Self.usesColour(parameters))
    XCTAssertFalse(
      parameters.contains { $0.contains("38;5") || $0.contains("48;5") || $0.contains("38;2") },
      "\(Set(parameters))")
  }

  func testNoColorDrawsWithAttributesOnly() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(
      folio, term: "xterm-256color", ["--theme", "solarized-dark"], extra: ["NO_COLOR=1"])
    try tmux.waitFor("Need is All You Need")
    let parameters = Self.sgrParameters(try tmux.capture(escapes: true))
    XCTAssertFalse(Self.usesColour(parameters), "\(Set(parameters))")
    XCTAssertTrue(
      parameters.contains { $0.split(separator: ";").contains("7") }, "reverse marks the selection")
  }

  func testShiftTSwitchesThemeAndTheChoiceIsKept() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio, term: "xterm-256color")
    try tmux.waitFor("Need is All You Need")
    try tmux.send("T")
    try tmux.waitFor("theme: dark (saved)")
    let config = folio.directory.appendingPathComponent("config/folio/config.toml")
    XCTAssertEqual(try String(contentsOf: config, encoding: .utf8), "theme = \"dark\"\n")
    try tmux.send("q")
    try TmuxSession.waitUntil("folio to quit") { try tmux.isDead() }

    let again = try startReader(folio, term: "xterm-256color")
    try again.waitFor("Need is All You Need")
    // The dark theme's header: #e6e9ef on #2e3440, as 256-colour 255 on 237.
    XCTAssertTrue(try again.capture(escapes: true).contains("\u{1B}[38;5;255m\u{1B}[48;5;237m"))
  }

  func testThemesCommandListsPreviewsAndFlagsBrokenThemes() throws {
    let folio = try FolioRunner(self)
    let themes = folio.directory.appendingPathComponent("config/folio/themes")
    try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    try Data("extends = dark\nlist.star = #ff8800\n".utf8).write(
      to: themes.appendingPathComponent("mine.theme"))
    try Data("header = nocolour\n".utf8).write(to: themes.appendingPathComponent("broken.theme"))
    let list = try folio.run(["themes"])
    XCTAssertEqual(list.status, 0)
    let lines = list.stdout.split(separator: "\n")
    XCTAssertEqual(lines.first?.hasPrefix("default"), true)
    XCTAssertTrue(
      lines.contains { $0.hasPrefix("mine") && $0.contains(themes.path + "/mine.theme") })
    XCTAssertTrue(
      lines.contains {
        $0.hasPrefix("broken") && $0.contains("broken: \(themes.path)/broken.theme:1:10:")
      }, list.stdout)
    for name in ["dark", "light", "solarized-dark", "high-contrast", "monochrome", "okabe-ito"] {
      XCTAssertTrue(lines.contains { $0.hasPrefix(name + " ") }, name)
    }

    let preview = try folio.run(
      ["themes", "--preview", "mine"], environment: ["TERM": "xterm-256color"])
    XCTAssertEqual(preview.status, 0)
    XCTAssertTrue(
      preview.stdout.contains("\u{1B}[0;1;38;5;255;48;5;237m folio"), "the dark header it extends")
    XCTAssertTrue(preview.stdout.contains("38;5;208"), "its own star colour, #ff8800")
    let broken = try folio.run(["themes", "--preview", "broken"])
    XCTAssertEqual(broken.status, 65, "a broken theme is not previewed as the default")
    XCTAssertTrue(
      broken.stderr.hasPrefix(
        "folio: warning: \(themes.path)/broken.theme:1:10: 'nocolour' is not a colour"),
      broken.stderr)
  }
}
