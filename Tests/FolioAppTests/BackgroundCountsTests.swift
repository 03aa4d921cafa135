import Dispatch
import FolioReader
import FolioStore
import Foundation
import XCTest

@testable import FolioApp

/// Counts made off the main loop: every topic count comes back, and a listing count overtaken
/// by a newer one before it starts is dropped.
final class BackgroundCountsTests: XCTestCase {
  func testAnOvertakenListingCountIsDroppedAndTheNewestComesBack() {
    let gate = DispatchSemaphore(value: 0)
    let started = DispatchSemaphore(value: 0)
    let counts = BackgroundCounts { request in
      started.signal()
      gate.wait()
      switch request {
      case .listing(_, let generation): return .counted(generation: generation, ListCounts())
      case .topic(let index, _, let generation):
        return .countedTopic(index: index, generation: generation, ListCounts())
      }
    }
    counts.start(.listing(PaperFilter(), generation: 1))
    started.wait()  // generation 1 is being counted: it is not dropped
    counts.start(.listing(PaperFilter(), generation: 2))
    counts.start(.topic(index: 0, PaperFilter(), generation: 7))
    counts.start(.listing(PaperFilter(), generation: 3))
    XCTAssertTrue(counts.isBusy)
    for _ in 0..<3 { gate.signal() }
    let deadline = Date().addingTimeInterval(60)
    while counts.isBusy && Date() < deadline { started.wait(timeout: .now() + 0.01) }
    XCTAssertFalse(counts.isBusy)
    XCTAssertEqual(
      counts.take(),
      [
        .counted(generation: 1, ListCounts()),
        .countedTopic(index: 0, generation: 7, ListCounts()),
        .counted(generation: 3, ListCounts()),
      ])
    XCTAssertEqual(counts.take(), [])
  }
}
