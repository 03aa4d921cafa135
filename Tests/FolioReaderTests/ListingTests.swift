import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// ``Listing`` on its own: what it lists, and the bookkeeping of exact counts.
final class ListingTests: XCTestCase {
  let day = Day("2026-11-27")!

  func testTheFilterIsTheScopeAndHidingReadKeepsTheSelectedPaper() {
    var listing = Listing(scope: .day(day))
    XCTAssertEqual(listing.filter, PaperFilter(day: day))
    listing.hidesRead = true
    listing.startOver(keeping: "kept")
    var expected = PaperFilter(state: .unread, day: day)
    expected.keepsPaper = "kept"
    XCTAssertEqual(listing.filter, expected)
    listing.similar = SimilarListing(
      paperID: "p", title: "P", ids: ["a", "b"], previousSelection: "p")
    XCTAssertEqual(
      listing.filter, PaperFilter(ranking: ["a", "b"]), "a ranking replaces the listing")
    XCTAssertTrue(listing.isCheapToCount)
  }

  func testCountsAreAskedOncePerGenerationAndAStaleAnswerIsDropped() throws {
    var listing = Listing(scope: .allDays)
    listing.startOver(keeping: nil)
    let first = try XCTUnwrap(listing.countRequest())
    XCTAssertNil(listing.countRequest(), "asked once")
    XCTAssertFalse(listing.wantsCounts)
    guard case .count(.listing(_, let generation)) = first else { return XCTFail("\(first)") }

    listing.startOver(keeping: nil)
    XCTAssertFalse(
      listing.receive(ListCounts(total: 9), generation: generation), "the listing changed")
    XCTAssertFalse(listing.countsKnown)
    XCTAssertTrue(listing.wantsCounts, "the new listing's counts are due")
    guard case .count(.listing(_, let current)) = try XCTUnwrap(listing.countRequest()) else {
      return XCTFail()
    }
    XCTAssertTrue(listing.receive(ListCounts(total: 3, unread: 2), generation: current))
    XCTAssertEqual(listing.counts, ListCounts(total: 3, unread: 2))
    XCTAssertTrue(listing.countsKnown)
  }

  func testTheViewFollowsTheSelectionWithinTheListing() {
    var listing = Listing(scope: .allDays)
    listing.counts = ListCounts(total: 100)
    listing.selected = 50
    listing.clampTop(height: 10)
    XCTAssertEqual(listing.top, 41, "the selection on the last row")
    XCTAssertEqual(listing.visibleRange(height: 10), 41..<51)
    listing.selected = 99
    listing.top = 95
    listing.clampTop(height: 10)
    XCTAssertEqual(listing.top, 90, "never past the end")
  }
}
