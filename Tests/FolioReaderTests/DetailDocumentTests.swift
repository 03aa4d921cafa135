import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// What a paper's document holds when its fields are hostile-sized (issue 15 #10): only what a
/// pane could show, cut before any per-character work.
final class DetailDocumentTests: XCTestCase {
  private func entry(
    title: String, abstract: String = "An abstract.", authors: [String] = ["A. Author"],
    links: PaperLinks = PaperLinks(), note: String? = nil
  ) -> LibraryPaper {
    let paper = Paper(
      id: "t-1", arxivID: nil, title: title, abstract: abstract, authors: authors,
      published: nil, day: Day(year: 2026, month: 11, day: 27)!, source: "test", links: links,
      upvotes: nil, categories: [])
    return LibraryPaper(paper: paper, state: PaperState(note: note))
  }

  /// A 10 MB title line (one word) gives a document of bounded size: the title is cut to
  /// ``DetailDocument/fieldScalarLimit`` code points, ending in "…".
  func testATenMegabyteTitleGivesABoundedDocument() {
    let title = String(repeating: "t", count: 10_000_000)
    let document = DetailDocument(entry(title: title), width: 80)
    let titleLines = document.lines.prefix { !$0.isEmpty }
    let shown = titleLines.map { $0.map(\.text).joined() }.joined()
    XCTAssertEqual(shown, String(repeating: "t", count: DetailDocument.fieldScalarLimit) + "…")
    XCTAssertLessThan(document.lines.count, 700)
    XCTAssertTrue(titleLines.allSatisfy { DisplayWidth.of($0.map(\.text).joined()) <= 80 })
  }

  /// At width 1 the line cap is what bounds a field: ``DetailDocument/fieldLineLimit`` lines.
  func testEveryFieldIsBoundedInLinesAtTheNarrowestWidth() {
    let huge = String(repeating: "w ", count: 1_000_000)
    let document = DetailDocument(
      entry(
        title: huge, abstract: huge, authors: Array(repeating: "Name", count: 1_000_000),
        links: PaperLinks(project: "https://x.org/" + String(repeating: "p", count: 1_000_000)),
        note: String(repeating: "n\n", count: 1_000_000)),
      width: 1)
    // Title, authors, links, note and abstract at most the cap each; the short fields (the
    // day line is 17 lines at width 1) and blank lines a few dozen.
    XCTAssertLessThanOrEqual(document.lines.count, 5 * DetailDocument.fieldLineLimit + 100)
  }

  /// Normal papers are laid out as before: nothing is cut.
  func testNormalFieldsAreNotCut() {
    let document = DetailDocument(
      entry(title: "A short title", authors: ["Ada", "Alan"], note: "one\ntwo"), width: 40)
    let text = document.lines.map { $0.map(\.text).joined() }
    XCTAssertEqual(text.first, "A short title")
    XCTAssertTrue(text.contains("Authors  Ada, Alan"))
    XCTAssertTrue(text.contains("Note     one"))
    XCTAssertTrue(text.contains("         two"))
    XCTAssertFalse(text.joined().contains("…"))
  }

  /// The whole reader on a library holding a 10 MB one-word title: the list row and the
  /// detail pane show its start, cut with an ellipsis, and every row is the screen's width.
  /// Drawing it used to wrap the whole title (minutes at 100% CPU, deaf to `q`).
  func testTheReaderDrawsATenMegabyteTitle() throws {
    let store = try LibraryStore.inMemory()
    let title = String(repeating: "t", count: 10_000_000)
    try store.importPapers(file: "huge", format: "test", source: "test") { session in
      try session.add(entry(title: title, abstract: "Short.").paper)
    }
    let harness = ReaderHarness(store: store, width: 120, height: 40)
    let rows = harness.grid.textRows
    XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) == 120 })
    XCTAssertTrue(rows.contains { $0.contains("ttttt…") }, "the list row, cut")
    XCTAssertTrue(rows.contains { $0.contains(String(repeating: "t", count: 50)) })
  }
}
