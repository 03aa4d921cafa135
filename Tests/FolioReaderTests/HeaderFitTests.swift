import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

/// The header with a filter keeps the normal header's parts: the filter is cut first.
final class HeaderFitTests: XCTestCase {
  let sizes = [(80, 24), (120, 40), (40, 10)]

  func testMoreLikeThisHeaderKeepsTheNormalHeadersParts() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.press(.down, .down, .down)
      harness.type("m")
      XCTAssertNotNil(harness.state.similar)
      assertSnapshot(harness.grid, named: "similar-\(width)x\(height)")
      let header = harness.grid.textRows[0]
      if width >= 80 {
        XCTAssertTrue(header.hasPrefix(" folio │ Fri 2026-11-27 │ "), header)
        XCTAssertTrue(header.contains(" shown · "), header)
        XCTAssertTrue(header.contains("│ like: A Very Long Title"), header)
      }
      if width >= 120 { XCTAssertTrue(header.hasSuffix(" test.sqlite "), header) }
    }
  }
}
