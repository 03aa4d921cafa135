import Dispatch
import FolioReader
import Foundation
import XCTest

@testable import FolioApp

/// The PDF cache listed off the main loop for the reader's row topics: each listing comes back
/// as an event, and one asked for while another runs is made after it.
final class BackgroundPDFListingTests: XCTestCase {
  /// Takes events until `count` have come (or a minute passed), polling as the main loop does.
  func take(_ count: Int, from listing: BackgroundPDFListing) -> [ReaderEvent] {
    var events: [ReaderEvent] = []
    let deadline = Date().addingTimeInterval(60)
    let tick = DispatchSemaphore(value: 0)
    while events.count < count && Date() < deadline {
      events += listing.take()
      _ = tick.wait(timeout: .now() + 0.01)
    }
    return events
  }

  func testItListsTheCacheDirectory() throws {
    let directory = NSTemporaryDirectory() + "folio-pdf-listing-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for name in ["2401.00001.pdf", "notes.txt"] {
      XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/" + name, contents: nil))
    }
    let listing = BackgroundPDFListing(directory: directory)
    listing.refresh()
    XCTAssertEqual(take(1, from: listing), [.pdfCacheListed(["2401.00001.pdf"])])
  }

  func testARefreshDuringAListingListsAgainAfterIt() {
    let gate = DispatchSemaphore(value: 0)
    let started = DispatchSemaphore(value: 0)
    let calls = Calls()
    let listing = BackgroundPDFListing {
      started.signal()
      gate.wait()
      return ["\(calls.next()).pdf"]
    }
    listing.refresh()
    started.wait()  // the first listing runs: the next refresh cannot start beside it
    listing.refresh()
    listing.refresh()
    XCTAssertTrue(listing.isRunning)
    gate.signal()
    gate.signal()
    XCTAssertEqual(
      take(2, from: listing), [.pdfCacheListed(["1.pdf"]), .pdfCacheListed(["2.pdf"])])
    XCTAssertEqual(calls.count, 2, "two refreshes during one listing make one more")
  }
}

/// A counter the listing thread bumps.
private final class Calls: @unchecked Sendable {
  private let lock = NSLock()
  private var made = 0
  var count: Int { lock.withLock { made } }
  func next() -> Int {
    lock.withLock {
      made += 1
      return made
    }
  }
}
