import FolioCore
import Foundation
import XCTest

@testable import FolioReader

final class KeymapTests: XCTestCase {
  func testKeyNamesParse() {
    XCTAssertEqual(KeySequence(name: "s"), [.character("s")])
    XCTAssertEqual(KeySequence(name: "*"), [.character("*")])
    XCTAssertEqual(KeySequence(name: "Ctrl-d"), [.control("d")])
    XCTAssertEqual(KeySequence(name: "C-x C-c"), [.control("x"), .control("c")])
    XCTAssertEqual(KeySequence(name: "gg"), [.character("g"), .character("g")])
    XCTAssertEqual(KeySequence(name: "F5"), [.function(5)])
    XCTAssertEqual(KeySequence(name: "PgDn"), [.pageDown])
    XCTAssertEqual(KeySequence(name: "Space"), [.character(" ")])
    XCTAssertNil(KeySequence(name: "Ctrl-"))
    XCTAssertNil(KeySequence(name: "Hyper-x"))
    XCTAssertNil(KeySequence(name: "abc"))
    XCTAssertEqual(KeySequence([.control("x"), .control("c")]).description, "Ctrl-x Ctrl-c")
    XCTAssertEqual(KeySequence([.character("g"), .character("g")]).description, "gg")
  }

  func testTwoKeySequencesWaitForTheirSecondKey() {
    let keymap = Keymap([
      ActionRow(.top, "", [[.character("g"), .character("g")]], [.list]),
      ActionRow(.moveDown, "", [[.character("j")]], [.list]),
    ])
    XCTAssertEqual(keymap.match(after: [], .character("g")), .pending)
    XCTAssertEqual(keymap.match(after: [.character("g")], .character("g")), .action(.top))
    XCTAssertEqual(keymap.match(after: [.character("g")], .character("x")), .none)
    XCTAssertEqual(keymap.match(after: [], .character("j")), .action(.moveDown))
  }

  func testConflictsAreReported() {
    let keymap = Keymap([
      ActionRow(.toggleStar, "", [[.character("s")]], [.list, .reading]),
      ActionRow(.toggleRead, "", [[.character("s")], [.character("r")]], [.list]),
      ActionRow(.top, "", [[.character("g")]], [.list]),
      ActionRow(.bottom, "", [[.character("g"), .character("G")]], [.list]),
    ])
    XCTAssertEqual(
      keymap.conflicts,
      [
        "'gG' (bottom) can never be typed: 'g' alone is top (in list)",
        "'s' is bound to both star and read; star wins (in list)",
      ])
    XCTAssertEqual(keymap.action(for: .character("s")), .toggleStar)
    XCTAssertEqual(keymap.match(after: [], .character("g")), .action(.top))
  }

  func testConfiguredKeymapsAndTheirWarnings() {
    let (keymap, warnings) = Keymap.configured(
      preset: "emacs",
      overrides: [("star", ["*", "s"]), ("fly", ["f"]), ("read", ["Meta-r"]), ("top", ["gg"])])
    XCTAssertEqual(keymap.action(for: .character("*")), .toggleStar)
    XCTAssertEqual(keymap.action(for: .control("n")), .moveDown)
    XCTAssertEqual(keymap.match(after: [.control("x")], .control("c")), .action(.quit))
    XCTAssertEqual(
      warnings,
      [
        "unknown action 'fly' in [keys]", "'Meta-r' is not a key name (for read)",
      ])
    XCTAssertEqual(
      Keymap.configured(preset: "nano", overrides: []).warnings,
      ["unknown keys preset 'nano' (vim or emacs); using vim"])
    XCTAssertEqual(Keymap.standard.conflicts, [], "the defaults are clean")
    XCTAssertEqual(Keymap.emacs.conflicts, [])
  }

  func testTheReaderFollowsAConfiguredKeymapAndHelpShowsIt() throws {
    let (keymap, _) = Keymap.configured(preset: nil, overrides: [("top", ["gg"]), ("star", ["*"])])
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: ReaderSettings(keymap: keymap, libraryName: "t"))
    harness.type("jjj")
    harness.type("g")
    XCTAssertEqual(harness.state.pendingKeys, [.character("g")])
    XCTAssertEqual(harness.state.selected, 3)
    harness.type("g")
    XCTAssertEqual(harness.state.selected, 0)
    harness.type("gj")
    XCTAssertEqual(
      harness.state.selected, 1, "a key that does not complete the sequence counts alone")
    harness.type("*")
    XCTAssertEqual(harness.state.status?.text, "starred")
    harness.type("s")
    XCTAssertEqual(
      harness.state.status?.text, "s: nothing here — ? for keys", "s is no longer star, and says so"
    )
    harness.type("?")
    let help = harness.screen
    XCTAssertTrue(help.contains("gg          first paper / top"), help)
    XCTAssertFalse(help.contains("g, Home"))
  }

  func testEmacsPresetMovesAndQuitsWithCtrlXCtrlC() throws {
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: ReaderSettings(keymap: .emacs, libraryName: "t"))
    harness.press(.control("n"), .control("n"), .control("p"))
    XCTAssertEqual(harness.state.selected, 1)
    harness.press(.control("x"))
    XCTAssertFalse(harness.state.isFinished)
    harness.press(.control("c"))
    XCTAssertTrue(harness.state.isFinished)
  }

  func testCtrlCQuitsWhateverTheKeymap() throws {
    let (keymap, _) = Keymap.configured(preset: nil, overrides: [("force-quit", ["F10"])])
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: ReaderSettings(keymap: keymap, libraryName: "t"))
    harness.type("/abc")
    harness.press(.control("c"))
    XCTAssertTrue(harness.state.isFinished)
  }

  func testShiftNEditsTheNoteEvenWhileASearchIsHighlighting() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    let id = try XCTUnwrap(harness.state.detail?.id)
    harness.type("N")
    XCTAssertEqual(harness.external, [.editNote(id: id)])
    harness.send(.completed(.noteSaved(id: id)))
    XCTAssertEqual(harness.state.status?.text, "note saved")
    harness.type("/sentence\n")
    harness.type("..")
    let scroll = harness.state.detailScroll
    harness.type(",")
    XCTAssertLessThan(harness.state.detailScroll, scroll, "comma goes back through matches")
    harness.type("N")
    XCTAssertEqual(harness.external, [.editNote(id: id), .editNote(id: id)])
  }

  func testAKeyTheUserBindsIsTakenFromItsDefaultAction() throws {
    let (keymap, warnings) = Keymap.configured(
      preset: nil, overrides: [("previous-match", ["N"]), ("note", ["Ctrl-n"])])
    XCTAssertEqual(keymap.action(for: .character("N")), .previousMatch)
    XCTAssertEqual(keymap.action(for: .control("n")), .editNote)
    XCTAssertEqual(warnings, [], "note moved to Ctrl-n: nothing lost")
    let (alone, lost) = Keymap.configured(preset: nil, overrides: [("previous-match", ["N"])])
    XCTAssertEqual(alone.action(for: .character("N")), .previousMatch, "the user's choice wins")
    XCTAssertEqual(
      lost, ["keys: note has no key left: 'N' is now previous-match (in list, detail, reading)"])
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: ReaderSettings(keymap: keymap, libraryName: "t"))
    harness.type("/sentence\n..")
    let scroll = harness.state.detailScroll
    harness.type("N")
    XCTAssertLessThan(harness.state.detailScroll, scroll, "N is previous-match, as configured")
    harness.press(.control("n"))
    XCTAssertEqual(harness.external.count, 1, "and the note is on Ctrl-n")
  }

  /// docs/guide.md's key table is the action table as ``ActionTable/markdown`` writes it;
  /// `UPDATE_GUIDE=1` rewrites it there.
  func testTheGuidesKeyTableIsTheActionTable() throws {
    let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "docs/guide.md")
    let text = try String(contentsOf: guide, encoding: .utf8)
    let begin = "<!-- keys: generated from ActionTable; see KeymapTests -->\n"
    let end = "<!-- end of keys -->"
    let start = try XCTUnwrap(text.range(of: begin), "guide.md marks its key table")
    let stop = try XCTUnwrap(text.range(of: end, range: start.upperBound..<text.endIndex))
    let documented = String(text[start.upperBound..<stop.lowerBound])
    if ProcessInfo.processInfo.environment["UPDATE_GUIDE"] == "1",
      documented != ActionTable.markdown
    {
      var updated = text
      updated.replaceSubrange(start.upperBound..<stop.lowerBound, with: ActionTable.markdown)
      try updated.write(to: guide, atomically: true, encoding: .utf8)
      return
    }
    XCTAssertEqual(documented, ActionTable.markdown, "run with UPDATE_GUIDE=1 to rewrite it")
    for action in Action.allCases {
      XCTAssertTrue(documented.contains("| `\(action.rawValue)` |"), "\(action) is documented")
    }
  }

  func testEveryActionHasADefaultKeyAndEachKeyOneActionPerContext() {
    for row in ActionTable.rows {
      for context in row.contexts {
        XCTAssertFalse(
          Keymap.standard.keys(for: row.action, in: context).isEmpty,
          "\(row.action) has a default key in \(context)")
        XCTAssertEqual(
          ActionTable.rows.filter { $0.action == row.action && $0.contexts.contains(context) }
            .count, 1, "one row of \(row.action) in \(context)")
      }
    }
    XCTAssertEqual(Keymap.standard.conflicts, [], "no key means two things in one context")
    XCTAssertEqual(Keymap.standard.action(for: .character("N")), .editNote)
    XCTAssertEqual(Keymap.standard.action(for: .character("n")), .nextUnread)
    XCTAssertEqual(Keymap.standard.action(for: .character("p")), .previousUnread)
    XCTAssertEqual(Keymap.standard.action(for: .character("J")), .nextPaper)
    XCTAssertEqual(Keymap.standard.action(for: .character("K")), .previousPaper)
    XCTAssertEqual(Keymap.standard.action(for: .character("H")), .toggleHideRead)
  }

  /// Seam 4: one key, a meaning per context; printable keys are text where text is typed.
  func testTheSameKeyMeansDifferentThingsInDifferentContexts() {
    let keymap = Keymap.standard
    XCTAssertEqual(keymap.action(for: .enter, in: .list), .openReading)
    XCTAssertEqual(keymap.action(for: .enter, in: .searchLine), .accept)
    XCTAssertEqual(keymap.action(for: .enter, in: .reading), nil, "Enter does nothing there")
    XCTAssertEqual(keymap.action(for: .escape, in: .list), .back)
    XCTAssertEqual(keymap.action(for: .escape, in: .palette), .cancel)
    XCTAssertEqual(keymap.action(for: .character("j"), in: .list), .moveDown)
    XCTAssertEqual(keymap.action(for: .character("j"), in: .exportFormat), .exportJSON)
    XCTAssertEqual(keymap.action(for: .character("j"), in: .searchLine), nil, "j is text there")
    XCTAssertEqual(keymap.action(for: .down, in: .searchLine), .moveDown)
    XCTAssertEqual(keymap.action(for: .control("u"), in: .list), .halfPageUp)
    XCTAssertEqual(keymap.action(for: .control("u"), in: .searchLine), .clearLine)
    XCTAssertEqual(keymap.action(for: .character("/"), in: .help), .search)
    XCTAssertEqual(keymap.action(for: .character("y"), in: .confirmation), .confirm)
    XCTAssertEqual(keymap.keys(for: .palette), [[.control("p")], [.character(":")]])
    XCTAssertEqual(keymap.action(for: .control("p"), in: .palette), .moveUp)
  }

  /// In the emacs preset Ctrl-p is "up", so only `:` opens the palette; nothing is reported.
  func testEmacsLeavesThePaletteOnColonOnly() {
    XCTAssertEqual(Keymap.emacs.keys(for: .palette), [[.character(":")]])
    XCTAssertEqual(Keymap.emacs.action(for: .control("p")), .moveUp)
    XCTAssertEqual(Keymap.emacs.action(for: .control("g"), in: .searchLine), .cancel)
    XCTAssertEqual(Keymap.emacs.action(for: .control("n"), in: .palette), .moveDown)
    XCTAssertEqual(Keymap.emacs.action(for: .control("s"), in: .help), .search)
  }

  /// `[keys]` validation is per context: a conflict names the contexts where it is one.
  func testConfiguredConflictsArePerContext() {
    let (keymap, warnings) = Keymap.configured(
      preset: nil, overrides: [("accept", ["Ctrl-w", "Enter"]), ("star", ["v"]), ("read", ["v"])])
    XCTAssertEqual(keymap.action(for: .control("w"), in: .searchLine), .accept)
    XCTAssertEqual(keymap.action(for: .character("v")), .toggleStar)
    XCTAssertEqual(
      warnings,
      [
        "keys: 'v' is bound to both star and read; star wins (in list, detail, reading)",
        "keys: delete-word has no key left: 'Ctrl-w' is now accept (in help-filter, search-line, palette)",
      ].sorted())
    let (typed, none) = Keymap.configured(preset: nil, overrides: [("down", ["j"])])
    XCTAssertEqual(typed.keys(for: .moveDown, in: .searchLine), [], "j is text in the search line")
    XCTAssertEqual(typed.keys(for: .moveDown), [[.character("j")]])
    XCTAssertEqual(none, [])
  }

  /// Seam 4: the keys inside prompts are table rows, so `[keys]` rebinds them too (they were
  /// hard-coded: Esc always cancelled, m/b/j always chose the format).
  func testKeysInsidePromptsFollowTheKeymap() throws {
    let (keymap, warnings) = Keymap.configured(
      preset: nil, overrides: [("cancel", ["Ctrl-g"]), ("export-bibtex", ["x"])])
    XCTAssertEqual(warnings, [])
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: ReaderSettings(keymap: keymap, libraryName: "t"))
    harness.type("E")
    XCTAssertTrue(harness.screen.contains("x BibTeX"), harness.screen)
    harness.type("b")
    XCTAssertEqual(harness.state.exportPrompt?.stage, .format, "b is no longer BibTeX")
    harness.type("x")
    XCTAssertEqual(harness.state.exportPrompt?.stage, .path(.bibtex))
    harness.press(.control("g"))
    XCTAssertNil(harness.state.exportPrompt)
    XCTAssertEqual(harness.state.status?.text, "export cancelled")
    harness.type("/abc")
    harness.press(.escape)
    XCTAssertEqual(harness.state.searchLine?.text, "abc", "Esc no longer cancels")
    XCTAssertEqual(
      harness.state.status?.text, "Esc: not in the search line — Enter applies, Ctrl-g cancels")
    harness.press(.control("g"))
    XCTAssertNil(harness.state.searchLine)
  }

  func testListColumnsAndDateFormat() throws {
    let settings = ReaderSettings(
      dateFormat: DayFormat("%e %b"), listColumns: ["upvotes", "day"], libraryName: "t")
    var harness = ReaderHarness(
      store: try makeLibrary(), width: 120, height: 30, settings: settings)
    harness.type("a")
    let screen = harness.screen
    XCTAssertTrue(screen.contains("▲42"), screen)
    XCTAssertTrue(screen.contains("27 Nov"))
    XCTAssertFalse(screen.contains("●"), "no unread column")
    XCTAssertFalse(screen.contains("[LLMs]"), "no topics column")
    XCTAssertEqual(
      DayFormat("%A %d/%m/%y %%").string(from: Day("2026-11-27")!), "Friday 27/11/26 %")
    XCTAssertFalse(DayFormat("%Q").isValid)
  }
}
