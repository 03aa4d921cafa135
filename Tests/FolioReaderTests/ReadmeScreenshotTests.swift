import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

/// README's screenshot is the real screen: the bundled sample at 110x24, the 29th paper
/// starred and selected. Its status line once showed hints the reader no longer drew.
final class ReadmeScreenshotTests: XCTestCase {
  /// The screenshot block's lines: from the header row to the closing fence.
  func readmeScreenshot(file: StaticString = #filePath) throws -> [String] {
    let readme = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    let lines = try String(contentsOf: readme, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(" folio │ ") })
    let end = try XCTUnwrap(lines[start...].firstIndex(of: "```"))
    return Array(lines[start..<end])
  }

  func testReadmeScreenshotIsTheRealScreen() throws {
    let store = try LibraryStore.inMemory()
    let context = ImportContext(file: "sample", day: sampleDay, source: BundledSample.source)
    try store.importPapers(file: "sample", format: "text", source: BundledSample.source) {
      session in
      try TextListingImporter().read(BundledSample.bytes, context: context, into: &session)
    }
    var harness = ReaderHarness(
      store: store, width: 110, height: 24, settings: ReaderSettings(libraryName: "f.sqlite"))
    for _ in 0..<28 { harness.press(.down) }
    harness.type("skj")
    let screen = harness.grid.textRows.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    let readme = try readmeScreenshot()
    XCTAssertEqual(readme.count, 24)
    XCTAssertEqual(readme.last, screen.last, "README's status line")
    if readme != screen {
      XCTFail(
        "README's screenshot is not the real screen; the real one:\n"
          + screen.joined(separator: "\n"))
    }
  }
}
