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
      (.top, [[.character("g"), .character("g")]]), (.moveDown, [[.character("j")]]),
    ])
    XCTAssertEqual(keymap.match(after: [], .character("g")), .pending)
    XCTAssertEqual(keymap.match(after: [.character("g")], .character("g")), .action(.top))
    XCTAssertEqual(keymap.match(after: [.character("g")], .character("x")), .none)
    XCTAssertEqual(keymap.match(after: [], .character("j")), .action(.moveDown))
  }

  func testConflictsAreReported() {
    let bindings: [(Action, [KeySequence])] = [
      (.toggleStar, [[.character("s")]]), (.toggleRead, [[.character("s")], [.character("r")]]),
      (.top, [[.character("g")]]), (.bottom, [[.character("g"), .character("G")]]),
    ]
    XCTAssertEqual(
      Keymap.conflicts(in: bindings),
      [
        "'gG' (bottom) can never be typed: 'g' alone is top",
        "'s' is bound to both star and read; star wins",
      ])
    let keymap = Keymap(bindings)
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
    XCTAssertEqual(
      Keymap.conflicts(in: Keymap.standard.bindings.map { ($0.action, $0.keys) }), [],
      "the defaults are clean")
    XCTAssertEqual(Keymap.conflicts(in: Keymap.emacs.bindings.map { ($0.action, $0.keys) }), [])
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
    XCTAssertEqual(lost, ["keys: note has no key left: 'N' is now previous-match"])
    var harness = ReaderHarness(
      store: try makeLibrary(), settings: ReaderSettings(keymap: keymap, libraryName: "t"))
    harness.type("/sentence\n..")
    let scroll = harness.state.detailScroll
    harness.type("N")
    XCTAssertLessThan(harness.state.detailScroll, scroll, "N is previous-match, as configured")
    harness.press(.control("n"))
    XCTAssertEqual(harness.external.count, 1, "and the note is on Ctrl-n")
  }

  func testTheGuidesActionTableIsTheDefaultKeymap() throws {
    let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "docs/guide.md")
    let text = try String(contentsOf: guide, encoding: .utf8)
    var documented: [String: [String]] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 2 else { continue }
      // Cells list actions (or their keys) as "`a`, `b`"; a key itself may be a comma.
      let names = cells[0].components(separatedBy: "`, `").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      }
      let keys = cells[1].components(separatedBy: "`, `")
      guard names.allSatisfy({ Action(rawValue: $0) != nil }), names.count == keys.count else {
        continue
      }
      for (name, keyText) in zip(names, keys) {
        documented[name] = keyText.split(separator: " ").map {
          $0.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        }
      }
    }
    for action in Action.allCases {
      XCTAssertEqual(
        documented[action.rawValue], Keymap.standard.keys(for: action).map(\.description),
        "guide.md's row for \(action.rawValue)")
    }
  }

  func testEveryActionHasADefaultKeyAndEachKeyOneAction() {
    for action in Action.allCases {
      XCTAssertFalse(Keymap.standard.keys(for: action).isEmpty, "\(action) has a default key")
    }
    let keys = Keymap.standard.bindings.flatMap(\.keys)
    XCTAssertEqual(Set(keys).count, keys.count, "no key means two things")
    XCTAssertEqual(Keymap.standard.action(for: .character("N")), .editNote)
    XCTAssertEqual(Keymap.standard.action(for: .character("n")), .nextUnread)
    XCTAssertEqual(Keymap.standard.action(for: .character("p")), .previousUnread)
    XCTAssertEqual(Keymap.standard.action(for: .character("J")), .nextPaper)
    XCTAssertEqual(Keymap.standard.action(for: .character("K")), .previousPaper)
    XCTAssertEqual(Keymap.standard.action(for: .character("H")), .toggleHideRead)
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
