import Foundation
import XCTest

final class InstallAndDocsTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  func testCompletionScriptsForThreeShells() throws {
    let folio = try FolioRunner(self)
    for shell in ["bash", "zsh", "fish"] {
      let result = try folio.run(["--generate-completion-script", shell])
      XCTAssertEqual(result.status, 0, shell)
      for command in ["import", "fetch", "list", "export", "themes"] {
        XCTAssertTrue(result.stdout.contains(command), "\(shell) completes \(command)")
      }
    }
  }

  /// docs/folio.1 is generated (scripts/generate-docs); it must name every command and option
  /// `--help` shows.
  func testTheManPageIsCurrent() throws {
    let folio = try FolioRunner(self)
    let page = try String(
      contentsOf: Self.root.appendingPathComponent("docs/folio.1"), encoding: .utf8)
    let help = try folio.run(["--help"]).stdout
    let subcommands = help.components(separatedBy: "SUBCOMMANDS:").last!.split(separator: "\n")
      .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
      .compactMap { $0.split(separator: " ").first.map(String.init) }
      .filter { $0.allSatisfy { $0.isLowercase || $0 == "-" } }
    XCTAssertGreaterThan(subcommands.count, 10)
    for command in [""] + subcommands {
      let text = try folio.run((command.isEmpty ? [] : [command]) + ["--help"]).stdout
      if !command.isEmpty {
        XCTAssertTrue(
          page.contains(".It Em \(command)\n"),
          "the man page describes \(command); run scripts/generate-docs")
      }
      for option in Self.longOptions(text)
      where !page.contains("-\(option) ") && !page.contains("-\(option)\n") {
        XCTFail("the man page lacks --\(option) of '\(command)'; run scripts/generate-docs")
      }
    }
  }

  /// Issue 16: the man page's KEYS, ENVIRONMENT, FILES and EXIT STATUS come from the binary's
  /// own tables (`folio --man-sections`, appended by scripts/generate-docs), and its SYNOPSIS
  /// shows the subcommand is optional.
  func testTheManPageHasKeysEnvironmentFilesAndExitStatusFromTheBinary() throws {
    let folio = try FolioRunner(self)
    let page = try String(
      contentsOf: Self.root.appendingPathComponent("docs/folio.1"), encoding: .utf8)
    let sections = try folio.run(["--man-sections"])
    XCTAssertEqual(sections.status, 0, sections.stderr)
    XCTAssertTrue(
      page.hasSuffix(sections.stdout),
      "docs/folio.1 lacks the current KEYS/ENVIRONMENT/FILES/EXIT STATUS; run scripts/generate-docs"
    )
    for heading in [".Sh KEYS", ".Sh ENVIRONMENT", ".Sh FILES", ".Sh \"EXIT STATUS\""] {
      XCTAssertEqual(page.components(separatedBy: heading + "\n").count, 2, heading)
    }
    XCTAssertFalse(page.contains(".Ex -std"), "a real EXIT STATUS, not the generic line")
    for text in [
      ".It Cm \\&j , \\&Down\n\\&move down / scroll down (down; list, detail, reading, help,",
      ".It Cm \\&Ctrl-p , \\&:\n\\&command palette (palette; list, detail, reading)",
      ".It Cm \\&Enter\n\\&apply the query (accept; search-line)", ".It Ev FOLIO_DB",
      ".It Pa $XDG_CONFIG_HOME/folio/config.toml", ".It 64\n", ".It 65\n", ".It 73\n",
    ] {
      XCTAssertTrue(page.contains(text), text)
    }
    let synopsis = page.components(separatedBy: ".Sh SYNOPSIS\n")[1]
      .components(separatedBy: ".Sh ")[0]
    XCTAssertTrue(synopsis.contains(".Op Ar subcommand\n"), synopsis)
    let help = try folio.run(["--help"]).stdout.split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    XCTAssertTrue(help.contains("Exit status: 0 success, 1 unknown paper, 64 usage"), help)
    XCTAssertTrue(help.contains("[<subcommand>]"), "the usage shows the subcommand is optional")
  }

  /// Issue 16 #12: the shells complete file paths for files (`import FILE`, `--db`, `-o`),
  /// theme and topic names from folio itself, and the words `--day` takes.
  func testCompletionOffersFilesThemesAndTopics() throws {
    let folio = try FolioRunner(self)
    let fish = try folio.run(["--generate-completion-script", "fish"]).stdout
      .split(separator: "\n").map(String.init)
    func fishLine(_ command: String, _ option: String) -> String {
      fish.first { $0.contains("\"\(command)\" \(option)") } ?? "none for \(command) \(option)"
    }
    XCTAssertTrue(fishLine("folio import", "db").hasSuffix("-rF"), fishLine("folio import", "db"))
    XCTAssertTrue(fishLine("folio export", "o output").hasSuffix("-rF"))
    XCTAssertTrue(fish.contains { $0.contains("\"folio import\" -ge 1") && $0.hasSuffix("-F") })
    XCTAssertTrue(fishLine("folio", "theme").contains("---completion -- --theme"))
    XCTAssertTrue(fishLine("folio list", "topic").contains("---completion list -- --topic"))
    XCTAssertTrue(fishLine("folio list", "day").contains("today yesterday"))
    let zsh = try folio.run(["--generate-completion-script", "zsh"]).stdout
    XCTAssertTrue(zsh.contains("'*:file:_files'"), "zsh completes import's files")
    XCTAssertTrue(zsh.contains("---completion themes -- --preview"))
    let bash = try folio.run(["--generate-completion-script", "bash"]).stdout
    XCTAssertTrue(bash.contains("'-o'|'--output')\n        __folio_add_completions -f"), bash)
    // What the completion scripts run for names.
    let themes = try folio.run(
      ["---completion", "themes", "--", "--preview", "3", "0", "folio", "themes", "--preview", ""])
    XCTAssertTrue(themes.stdout.contains("\nsolarized-dark\n"), themes.stdout + themes.stderr)
    let topics = try folio.run(
      ["---completion", "list", "--", "--topic", "3", "0", "folio", "list", "--topic", ""])
    XCTAssertTrue(topics.stdout.hasPrefix("LLMs\n"), topics.stdout + topics.stderr)
  }

  /// The `--long` options the OPTIONS lines of a help text name.
  static func longOptions(_ help: String) -> [String] {
    var options: Set<String> = []
    for line in help.split(separator: "\n") where line.hasPrefix("  -") {
      var rest = Substring(line)
      while let range = rest.range(of: "--") {
        let name = rest[range.upperBound...].prefix { $0.isLowercase || $0.isNumber || $0 == "-" }
        if !name.isEmpty { options.insert(String(name)) }
        rest = rest[range.upperBound...]
      }
    }
    return options.sorted()
  }

  func testMakeInstallPutsEverythingWhereItBelongsAndTheCopyRuns() throws {
    let folio = try FolioRunner(self)
    let prefix = folio.directory.appendingPathComponent("prefix")
    let build = FolioRunner.binary.deletingLastPathComponent().lastPathComponent  // debug
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "make", "-s", "install", "PREFIX=\(prefix.path)", "CONFIGURATION=\(build)", "NO_BUILD=1",
    ]
    process.currentDirectoryURL = Self.root
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    for path in [
      "bin/folio", "share/man/man1/folio.1", "share/folio/themes/solarized-dark.theme",
      "share/bash-completion/completions/folio", "share/zsh/site-functions/_folio",
      "share/fish/vendor_completions.d/folio.fish",
    ] {
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), path)
    }
    // The installed copy carries its themes and sample inside: it works from anywhere.
    let moved = folio.directory.appendingPathComponent("elsewhere/folio")
    try FileManager.default.createDirectory(
      at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: prefix.appendingPathComponent("bin/folio"), to: moved)
    let themes = Process()
    themes.executableURL = moved
    themes.arguments = ["themes", "--preview", "solarized-dark"]
    themes.environment = folio.environment
    let output = Pipe()
    themes.standardOutput = output
    try themes.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    themes.waitUntilExit()
    XCTAssertEqual(themes.terminationStatus, 0)
    XCTAssertTrue(text.contains("Need is All You Need"), "the bundled sample is inside the binary")
  }

  func testConfigPathAndInit() throws {
    let folio = try FolioRunner(self)
    let path = folio.directory.appendingPathComponent("config/folio/config.toml").path
    XCTAssertEqual(try folio.run(["config", "--path"]).stdout, path + "\n")
    XCTAssertEqual(try folio.run(["config", "--init"]).stdout, "wrote \(path)\n")
    XCTAssertTrue(
      try String(contentsOfFile: path, encoding: .utf8).contains("# theme = \"default\""))
    let again = try folio.run(["config", "--init"])
    XCTAssertEqual(again.status, 73)
    XCTAssertEqual(try folio.run(["config"]).stdout, "\(path): ok\n")
    try Data("colour = 1\n".utf8).write(to: URL(fileURLWithPath: path))
    let check = try folio.run(["config"])
    XCTAssertEqual(check.status, 65)
    XCTAssertEqual(check.stderr, "folio: warning: \(path):1: unknown key 'colour' (ignored)\n")
  }
}

final class NoteEditorEndToEndTests: XCTestCase {
  func testShiftNEditsTheNoteInTheEditorAndTheReaderComesBack() throws {
    let folio = try FolioRunner(self)
    let editor = try folio.file(
      "editor.sh",
      text: "#!/bin/sh\nprintf 'Discuss on Friday\\n- check the ablations\\n' > \"$1\"\n")
    chmod(editor, 0o755)
    let environment = folio.environment.merging(["EDITOR": editor, "VISUAL": ""]) { $1 }
    let tmux = try TmuxSession([FolioRunner.binary.path], environment: environment, testCase: self)
    try tmux.waitFor("Need is All You Need")
    try tmux.send("N")
    let screen = try tmux.waitFor("note saved")
    XCTAssertTrue(screen.contains("Note     Discuss on Friday"), screen)
    XCTAssertEqual(try tmux.display("#{alternate_on}"), "1", "the reader is back")
    let json = try folio.run(["list", "--format", "json", "--limit", "1"]).stdout
    XCTAssertTrue(json.contains(#""note": "Discuss on Friday\n- check the ablations""#), json)
    XCTAssertTrue(
      try folio.run(["export", "--filter", "has:note"]).stdout.contains("Note: Discuss on Friday"))
  }
}
