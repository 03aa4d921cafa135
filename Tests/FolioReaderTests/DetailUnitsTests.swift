import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

/// The detail pane's metadata lines break between units ("▲ 99", "3 comments"), never inside.
final class DetailUnitsTests: XCTestCase {
  let sizes = [(80, 24), (120, 40), (40, 10)]

  func testDetailKeepsCountUnitsOnOneLine() throws {
    let paper = Paper.fromSource(
      title: "Counted", abstract: "Short.", arxivID: "2411.00099", published: Day("2026-11-20"),
      day: sampleDay, source: "hf", upvotes: 99, commentCount: 3)!
    let entry = LibraryPaper(
      paper: paper, state: PaperState(starredAt: Date(timeIntervalSince1970: 0)))
    for width in 12...120 {
      let document = DetailDocument(entry, width: width)
      let text = document.lines.map { $0.map(\.text).joined() }
      let valueWidth = width - DetailDocument.labelWidth
      for unit in ["▲ 99", "3 comments", "★ starred", "listed 2026-11-27", "published 2026-11-20"]
      where DisplayWidth.of(unit) <= valueWidth {
        XCTAssertTrue(
          text.contains { $0.contains(unit) }, "width \(width): \(unit) split:\n\(text)")
      }
      for line in text {
        XCTAssertFalse(line.hasSuffix("·"), "width \(width): no line ends in a separator")
      }
    }
  }

  func testDetailCountsSnapshots() throws {
    let store = try LibraryStore.inMemory()
    try store.importPapers(file: "counts", format: "test", source: "hf") { session in
      try session.add(
        Paper.fromSource(
          title: "Counted Paper With Upvotes And Comments", abstract: "Short abstract.",
          authors: ["Ada Lovelace"], arxivID: "2411.00099", published: Day("2026-11-20"),
          day: sampleDay, source: "hf", upvotes: 99, commentCount: 3)!)
    }
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      // Scrolled so that the Day line is in view at 40x10 too.
      harness.press(.tab)
      harness.type("jjjj")
      assertSnapshot(harness.grid, named: "detail-counts-\(width)x\(height)")
    }
  }
}
