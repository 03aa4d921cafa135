import Foundation
import GRDB
import XCTest

/// Hostile text in titles, abstracts, authors and notes never reaches the terminal as anything
/// but text: the reader and `list`/`show` on a tty write only the sequences ncurses writes for
/// Folio itself, whatever the feed or the library file holds.
final class TerminalInjectionTests: XCTestCase {
  /// Each kind of hostile text, with the words a user should still see around it.
  static let payloads: [(name: String, text: String)] = [
    ("CSI", "\u{1B}[2J\u{1B}[1;1H\u{1B}[31;1mred\u{1B}[0m\u{1B}[6n\u{1B}[21t"),
    ("OSC 52", "\u{1B}]52;c;cHduZWQ=\u{07}"),
    ("OSC 8", "\u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\"),
    ("OSC title", "\u{1B}]2;EVILTITLE\u{1B}\\\u{1B}]0;EVILTITLE\u{07}"),
    ("DCS", "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}\\\u{1B}P+q544e\u{1B}\\"),
    ("C1", "\u{9B}2J\u{9D}2;EVILTITLE\u{9C}\u{85}\u{90}+q544e\u{9C}\u{9E}pm\u{9C}"),
    ("NUL and C0", "a\u{0}b\u{7}\u{8}\u{7F}\u{1A}c"),
    ("bidi", "\u{202E}desrever\u{202C} \u{2066}iso\u{2069} \u{200F}"),
  ]

  /// A Hugging Face JSON file with every payload in title, abstract and author, escaped the
  /// way JSON allows (`\u001b`), plus lone surrogates.
  static func hostileJSON() -> String {
    var items: [String] = []
    for (index, payload) in payloads.enumerated() {
      items.append(
        """
        {"paper": {"id": "2611.\(String(format: "%05d", index + 1))",
         "title": \(jsonString("JSON hostile \(index + 1) \(payload.text) end")),
         "summary": \(jsonString("Abstract \(payload.text) tail")),
         "authors": [{"name": \(jsonString("Author \(payload.text) Name"))}],
         "publishedAt": "2026-11-27T00:00:00.000Z"},
         "publishedAt": "2026-11-27T00:00:00.000Z"}
        """)
    }
    items.append(
      """
      {"paper": {"id": "2611.09999", "title": "JSON surrogate \\ud800 lone \\udfff end",
       "summary": "High \\ud83d alone, low \\ude00 alone", "authors": [{"name": "\\udc00"}]},
       "publishedAt": "2026-11-27T00:00:00.000Z"}
      """)
    return "[" + items.joined(separator: ",\n") + "]\n"
  }

  /// `text` as a JSON string literal, every control character escaped.
  static func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A text listing with the payloads as raw bytes (no NUL: that is refused as binary).
  static func hostileText() -> String {
    payloads.enumerated().map { index, payload in
      let text = payload.text.replacingOccurrences(of: "\u{0}", with: "")
      return "Text hostile \(index + 1) \(text) end\nText abstract \(text) tail\n"
    }.joined()
  }

  /// Every payload at once.
  static var allPayloads: String { payloads.map(\.text).joined(separator: " ") }

  func testHostileTextReachesTheTerminalOnlyAsText() throws {
    let folio = try FolioRunner(self)
    let json = try folio.file("hostile.json", text: Self.hostileJSON())
    let text = try folio.file("hostile.txt", text: Self.hostileText())
    XCTAssertEqual(try folio.run(["import", json]).status, 0)
    XCTAssertEqual(try folio.run(["import", "--day", "2026-11-27", text]).status, 0)
    let ids = try folio.rows().map { $0[0] }
    XCTAssertEqual(ids.count, Self.payloads.count * 2 + 1)
    XCTAssertEqual(try folio.run(["note", ids[0], "Note " + Self.allPayloads]).status, 0)
    // A library written by something else (an older Folio, a script) may hold raw text: the
    // reader and the command line must make it inert themselves.
    let raw = try DatabaseQueue(path: folio.databasePath)
    try raw.write { db in
      try db.execute(
        sql: """
          UPDATE paper SET title = ?, abstract = ?, authors = json_array(?) WHERE id = ?
          """,
        arguments: [
          "Raw hostile " + Self.allPayloads + " end", "Raw abstract " + Self.allPayloads,
          "Raw " + Self.allPayloads, ids[1],
        ])
      try db.execute(
        sql: """
          INSERT INTO paper_state (paper_seq, note) SELECT seq, ? FROM paper WHERE id = ?
          ON CONFLICT (paper_seq) DO UPDATE SET note = excluded.note
          """, arguments: ["Raw note\n" + Self.allPayloads, ids[1]])
    }
    try raw.close()

    let tmux = try TmuxSession(["/bin/sh"], environment: folio.environment, testCase: self)
    try tmux.setOption("set-clipboard", "on")  // so a leaked OSC 52 would fill a buffer
    let paneTitle = try tmux.display("#{pane_title}")
    let output = folio.directory.appendingPathComponent("terminal-output").path
    try tmux.record(to: output)
    try tmux.type("\(FolioRunner.binary.path); echo \"reader-exit=$?\"\n")
    try tmux.waitFor("1/\(ids.count)")
    // Every paper is selected in turn, so its abstract, authors and note are drawn.
    for row in 2...ids.count {
      try tmux.send("j")
      try tmux.waitFor("\(row)/\(ids.count)")
    }
    try tmux.send("g")
    try tmux.waitFor("1/\(ids.count)")
    try tmux.send("j", "Enter")
    try tmux.waitFor("› reading")
    let reading = try tmux.capture()
    XCTAssertTrue(reading.contains("Raw hostile"), reading)
    try tmux.send("Escape", "q")
    try tmux.waitFor("reader-exit=0")
    try tmux.type(
      "for f in table tsv json; do \(FolioRunner.binary.path) list --format $f; done; "
        + "for id in \(ids.joined(separator: " ")); do \(FolioRunner.binary.path) show $id; done; "
        + "echo \"cli-exit=$?\"\n")
    try tmux.waitFor("cli-exit=0")
    try tmux.type("clear; echo \"recorded\"\n")
    try tmux.waitFor("recorded")

    let bytes = try TmuxSession.waitForRecording(output, containing: "recorded")
    XCTAssertEqual(TerminalOutput.foreignSequences(in: bytes), [])
    let written = String(decoding: bytes, as: UTF8.self)
    for marker in ["\u{1B}]", "\u{1B}P", "EVILTITLE\u{7}", "\u{1B}[6n", "\u{1B}[21t"] {
      XCTAssertFalse(written.contains(marker), "\(marker.debugDescription) reached the terminal")
    }
    XCTAssertTrue(written.contains("JSON hostile 1 red end"), "the visible words stay")
    XCTAssertTrue(written.contains("JSON surrogate \u{FFFD} lone \u{FFFD} end"))
    XCTAssertEqual(try tmux.display("#{pane_title}"), paneTitle, "OSC 0/2 changed the title")
    XCTAssertEqual(
      try TmuxSession.tmux(["-L", tmux.socket, "list-buffers"]), "", "OSC 52 set the clipboard")
  }

  /// Issue 15 #14: what the command line echoes (arguments, file names, config keys, topics,
  /// theme files) and the Markdown it writes carry no escape sequence, control or bidi
  /// override, whichever command prints it; the words around them stay.
  func testCommandLineMessagesAndExportsAreInert() throws {
    let folio = try FolioRunner(self)
    let evil = "\u{1B}[31mPWNED\u{1B}]2;TITLE\u{7}\u{9B}6n\u{202E}"
    try folio.run(["import", "--day", "2026-11-27", "-"], stdin: "Learning Things\nAbstract.\n")
    let config = folio.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(
      at: config.appendingPathComponent("themes"), withIntermediateDirectories: true)
    // TOML escapes put the controls in keys and values; a theme file holds them raw.
    try Data("\"\\u001b[31mPWNED\\u0007\" = 1\ntheme = \"\\u001b[31mx\"\n".utf8).write(
      to: config.appendingPathComponent("config.toml"))
    try Data(
      "[topics]\n\"Evil \\u001b[31mPWNED\\u001b]2;T\\u0007\\u202e topic\" = 'learning'\n".utf8
    ).write(to: config.appendingPathComponent("topics.toml"))
    try Data("header = \(evil)red\n".utf8).write(
      to: config.appendingPathComponent("themes/\(evil).theme"))
    try Data("extends = dark\n".utf8).write(
      to: config.appendingPathComponent("themes/\(evil)ok.theme"))
    let named = try folio.file("notes\(evil).txt", text: "")

    let runs: [[String]] = [
      ["show", evil], ["star", evil], ["note", evil, "x"], ["import", "/nonexistent/\(evil).txt"],
      ["import", named, named],
      ["list", "--topic", evil], ["list", "--filter", "title:\"\(evil)"], ["help", evil],
      ["list", "--\(evil)"], ["list", "--day", evil], ["config"], ["topics"],
      ["topics", "--format", "tsv"], ["themes"], ["themes", "--preview", evil],
      ["themes", "--preview", evil + "ok"],
      ["export", "--topic", "evil"], ["export", "--filter", "learning", "--group", "topic"],
      ["export", "--filter", "learning \(evil)"], ["digest"], ["digest", "--topics", evil],
    ]
    var echoed = 0
    for arguments in runs {
      let result = try folio.run(arguments)
      for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
        XCTAssertEqual(
          TerminalOutput.foreignSequences(in: Array(text.utf8)), [],
          "\(arguments.debugDescription) \(stream): \(text.debugDescription)")
        // A theme preview draws with SGR colours of its own; nothing else writes an ESC, and
        // the hostile SGR never comes through.
        let isPreview = arguments.first == "themes" && stream == "stdout"
        XCTAssertFalse(
          text.contains(isPreview ? "\u{1B}[31mPWNED" : "\u{1B}"),
          "\(arguments.debugDescription) \(stream)")
      }
      if (result.stdout + result.stderr).contains("PWNED") { echoed += 1 }
    }
    XCTAssertGreaterThan(echoed, 12, "the hostile words are echoed, as text")
    let export = try folio.run([
      "export", "--filter", "learning", "-o", folio.directory.path + "/x.md",
    ])
    XCTAssertEqual(export.status, 0, export.stderr)
    let markdown = try String(contentsOfFile: folio.directory.path + "/x.md", encoding: .utf8)
    XCTAssertTrue(markdown.contains("Evil PWNED topic"), markdown)
    XCTAssertEqual(TerminalOutput.foreignSequences(in: Array(markdown.utf8)), [], markdown)
  }

  func testTheOutputCheckRecognisesForeignSequences() {
    let ncurses = Array(
      "\u{1B}(B\u{1B})0\u{1B}[?1049h\u{1B}[1;40r\u{1B}[m\u{F}\u{1B}[2;1H ok\r\n".utf8)
    XCTAssertEqual(TerminalOutput.foreignSequences(in: ncurses), [])
    let hostile = Array(
      "a\u{1B}]52;c;eA==\u{7}\u{7}b\u{1B}[6nc\u{9B}d\u{202E}e\u{1B}P1\u{1B}\\".utf8)
    XCTAssertEqual(
      TerminalOutput.foreignSequences(in: hostile),
      ["OSC", "BEL", "CSI n", "U+009B", "U+202E", "DCS"])
  }
}

/// What a program wrote to its terminal, judged sequence by sequence.
enum TerminalOutput {
  /// CSI final bytes ncurses uses to draw on an xterm-compatible terminal: cursor movement,
  /// erasing, inserting and deleting, scrolling regions, modes and colours.
  static let drawingFinals = Set("@ABCDEFGHIJKLMPSTXZbdhlmr".unicodeScalars.map { UInt8($0.value) })
  /// Two-byte and charset escapes ncurses uses: charsets, keypad modes, save/restore cursor,
  /// reverse index.
  static let plainEscapes: Set<String> = ["(B", ")0", "(0", "=", ">", "7", "8", "M"]
  /// C0 controls that only move the cursor or switch the charset.
  static let drawingControls: Set<UInt8> = [0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x0F]

  /// Every escape sequence, control or invisible direction change in `bytes` that ncurses does
  /// not write when drawing, named (`OSC`, `CSI n`, `U+009B`), in order.
  static func foreignSequences(in bytes: [UInt8]) -> [String] {
    var found: [String] = []
    var index = 0
    var text: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B {
        let (name, length) = escape(at: index, in: bytes)
        if let name { found.append(name) }
        index += length
      } else if byte < 0x20 || byte == 0x7F {
        if !drawingControls.contains(byte) { found.append(byte == 0x07 ? "BEL" : "C0 \(byte)") }
        index += 1
      } else {
        // Gather text up to the next control, then look at its code points.
        var end = index
        while end < bytes.count, bytes[end] >= 0x20, bytes[end] != 0x7F { end += 1 }
        text = Array(bytes[index..<end])
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars
        where (0x80..<0xA0).contains(scalar.value) || isBidiControl(scalar) {
          found.append(String(format: "U+%04X", scalar.value))
        }
        index = end
      }
    }
    return found
  }

  /// The name of the escape sequence at `start` when ncurses would not write it, and its
  /// length.
  private static func escape(at start: Int, in bytes: [UInt8]) -> (String?, Int) {
    guard start + 1 < bytes.count else { return ("lone ESC", 1) }
    let introducer = bytes[start + 1]
    switch introducer {
    case UInt8(ascii: "["):
      var end = start + 2
      var privateMarker = ""
      while end < bytes.count, (0x20...0x3F).contains(bytes[end]) {
        if (0x3C...0x3F).contains(bytes[end]) { privateMarker = String(UnicodeScalar(bytes[end])) }
        end += 1
      }
      guard end < bytes.count else { return ("unfinished CSI", end - start) }
      let final = bytes[end]
      let allowed =
        drawingFinals.contains(final) && (privateMarker.isEmpty || privateMarker == "?")
      return (
        allowed ? nil : "CSI \(privateMarker)\(String(UnicodeScalar(final)))", end + 1 - start
      )
    case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"),
      UInt8(ascii: "_"):
      let names: [UInt8: String] = [0x5D: "OSC", 0x50: "DCS", 0x58: "SOS", 0x5E: "PM", 0x5F: "APC"]
      var end = start + 2
      while end < bytes.count {
        if bytes[end] == 0x07 { break }
        if bytes[end] == 0x1B, end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\\") {
          end += 1
          break
        }
        end += 1
      }
      return (names[introducer], end + 1 - start)
    default:
      var end = start + 1
      while end < bytes.count, (0x20...0x2F).contains(bytes[end]) { end += 1 }
      let sequence = String(decoding: bytes[(start + 1)...min(end, bytes.count - 1)], as: UTF8.self)
      return (plainEscapes.contains(sequence) ? nil : "ESC \(sequence)", end + 1 - start)
    }
  }

  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
