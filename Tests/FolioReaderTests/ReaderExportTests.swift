import FolioCore
import XCTest

@testable import FolioReader

final class ReaderExportTests: XCTestCase {
  func settings() -> ReaderSettings {
    ReaderSettings(
      exportPath: "~/papers/starred-{date}.md", home: "/home/ada", libraryName: "t",
      today: sampleDay)
  }

  func testEExportsStarredMarkdownToTheConfiguredPath() throws {
    var harness = ReaderHarness(store: try makeLibrary(), settings: settings())
    harness.type("e")
    XCTAssertEqual(
      harness.external, [.exportStarred(.markdown, path: "/home/ada/papers/starred-2026-11-27.md")])
    harness.send(.completed(.exported(count: 3, path: "/home/ada/papers/starred-2026-11-27.md")))
    XCTAssertEqual(
      harness.state.status?.text, "exported 3 papers to ~/papers/starred-2026-11-27.md")
    XCTAssertTrue(harness.screen.contains("exported 3 papers to ~/papers/starred-2026-11-27.md"))
  }

  func testShiftEAsksForAFormatAndAPath() throws {
    var harness = ReaderHarness(store: try makeLibrary(), settings: settings())
    harness.type("E")
    XCTAssertEqual(harness.state.exportPrompt?.stage, .format)
    XCTAssertTrue(
      harness.screen.contains(
        "Export starred as m Markdown, b BibTeX, j JSON, r RIS or c CSL-JSON?"))
    harness.type("x")
    XCTAssertEqual(harness.state.exportPrompt?.stage, .format, "other keys are ignored")
    harness.type("b")
    XCTAssertEqual(
      harness.state.exportPrompt,
      ExportPrompt(stage: .path(.bibtex), text: "/home/ada/papers/starred-2026-11-27.bib"))
    XCTAssertTrue(harness.screen.contains("Save to: /home/ada/papers/starred-2026-11-27.bib"))
    for _ in 0..<4 { harness.press(.backspace) }
    harness.type(".txt\n")
    XCTAssertNil(harness.state.exportPrompt)
    XCTAssertEqual(
      harness.external, [.exportStarred(.bibtex, path: "/home/ada/papers/starred-2026-11-27.txt")])
  }

  /// Issue 20: `r` and `c` export RIS and CSL-JSON, the path's extension following.
  func testRAndCAnswerRISAndCSLJSON() throws {
    for (key, format, path) in [
      ("r", ExportFormat.ris, "/home/ada/papers/starred-2026-11-27.ris"),
      ("C", .csljson, "/home/ada/papers/starred-2026-11-27.csl.json"),
    ] {
      var harness = ReaderHarness(store: try makeLibrary(), settings: settings())
      harness.type("E" + key)
      XCTAssertEqual(harness.state.exportPrompt, ExportPrompt(stage: .path(format), text: path))
      harness.type("\n")
      XCTAssertEqual(harness.external, [.exportStarred(format, path: path)])
    }
  }

  func testEscCancelsTheExportDialogue() throws {
    var harness = ReaderHarness(store: try makeLibrary(), settings: settings())
    harness.type("Ej\u{1B}")
    XCTAssertNil(harness.state.exportPrompt)
    XCTAssertEqual(harness.state.status?.text, "export cancelled")
    XCTAssertTrue(harness.external.isEmpty)
    harness.type("E\n")
    harness.press(.control("u"))
    harness.type("~/x.json\n")
    XCTAssertEqual(
      harness.external, [.exportStarred(.markdown, path: "/home/ada/x.json")],
      "Enter picks Markdown; ~ expands")
  }
}
