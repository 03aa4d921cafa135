import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

/// The topic picker keeps whole names when narrow: its counts shrink, then go, first.
final class TopicPickerFitTests: XCTestCase {
  let sizes = [(80, 24), (120, 40), (40, 10)]

  func testTopicPickerKeepsNamesWhenNarrow() throws {
    let store = try makeLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.type("t")
      assertSnapshot(harness.grid, named: "topic-picker-\(width)x\(height)")
    }
    for width in 40...120 {
      var harness = ReaderHarness(store: store, width: width, height: 40)
      harness.type("t")
      let screen = harness.screen
      for name in ["All papers (no filter)", "Person re-identification", "Reinforcement learning"] {
        XCTAssertTrue(screen.contains(name), "width \(width): \(name) whole:\n\(screen)")
      }
    }
  }

  func testTopicPickerShrinksCountsBeforeNames() throws {
    var harness = ReaderHarness(store: try makeLibrary(), width: 40, height: 24)
    harness.type("t")
    let screen = harness.screen
    XCTAssertTrue(screen.contains("Topics · unread"), screen)
    XCTAssertTrue(screen.contains("Person re-identification"), screen)
    XCTAssertTrue(screen.contains(" 31 │"), "the unread count stays:\n\(screen)")
    harness = ReaderHarness(store: try makeLibrary(), width: 52, height: 24)
    harness.type("t")
    XCTAssertTrue(harness.screen.contains("│ Person re-identification "), harness.screen)
    XCTAssertTrue(harness.screen.contains(" 31 unread │"), harness.screen)
    XCTAssertTrue(harness.screen.contains("┌─ Topics ─"), harness.screen)
  }
}
