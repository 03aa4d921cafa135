import FolioCore
import XCTest

@testable import FolioStore

/// Counts and pages of a listing agree with the listing itself, whichever way they are made.
final class ListingTests: XCTestCase {
  private func makeStore() throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    let days = [testDay, testDay.adding(days: -1), testDay.adding(days: -2)]
    var papers: [Paper] = []
    for index in 0..<60 {
      papers.append(
        makePaper(
          "Paper \(index) on \(index % 2 == 0 ? "diffusion" : "transformers")",
          day: days[index % 3], upvotes: index % 4 == 0 ? index : nil))
    }
    try store.add(papers)
    for (index, paper) in papers.enumerated() {
      if index % 5 == 0 { try store.setStarred(true, ids: [paper.id]) }
      if index % 3 == 0 { try store.setRead(true, ids: [paper.id]) }
    }
    return store
  }

  func testDaysAreEveryListingDayNewestFirst() throws {
    let store = try makeStore()
    try store.add([makePaper("Long ago", day: Day("1999-12-31")!)])
    XCTAssertEqual(
      try store.days(),
      [testDay, testDay.adding(days: -1), testDay.adding(days: -2), Day("1999-12-31")!])
    XCTAssertEqual(try LibraryStore.inMemory().days(), [])
  }

  func testAKeptPaperIsListedWhateverTheStateFilterSays() throws {
    let store = try makeStore()
    let read = try XCTUnwrap(try store.papers(PaperFilter(state: .read, day: testDay)).first)
    var filter = PaperFilter(state: .unread, day: testDay)
    let unread = try store.papers(filter)
    filter.keepsPaper = read.id
    let kept = try store.papers(filter)
    XCTAssertEqual(kept.count, unread.count + 1)
    XCTAssertTrue(kept.contains { $0.id == read.id })
    XCTAssertEqual(try store.counts(filter).total, kept.count)
    XCTAssertNotNil(try store.position(of: read.id, in: filter))
    filter.state = .any
    XCTAssertEqual(
      try store.counts(filter).total, try store.counts(PaperFilter(day: testDay)).total,
      "with no state filter, keeping a paper changes nothing")
  }

  func testCountsMatchTheListedPapers() throws {
    let store = try makeStore()
    let filters = [
      PaperFilter(), PaperFilter(day: testDay), PaperFilter(day: testDay.adding(days: -2)),
      PaperFilter(day: Day("2000-01-01")!), PaperFilter(state: .unread),
      PaperFilter(match: .phrase(["diffusion"])), PaperFilter(state: .starred, day: testDay),
    ]
    for filter in filters {
      let listed = try store.papers(filter)
      XCTAssertEqual(
        try store.counts(filter),
        ListCounts(
          total: listed.count, unread: listed.filter { !$0.state.isRead }.count,
          starred: listed.filter { $0.state.isStarred }.count), "\(filter)")
    }
  }

  func testPagesFromAnyStartAreTheListingsRows() throws {
    let store = try makeStore()
    for filter in [
      PaperFilter(), PaperFilter(match: .phrase(["transformers"])), PaperFilter(day: testDay),
    ] {
      let listing = try store.papers(filter).map(\.paper.id)
      let listed = try store.listing(filter, from: .position(0), limit: listing.count)
      XCTAssertEqual(listed.map(\.summary.id), listing)
      let keys = listed.map(\.sortKey)
      XCTAssertEqual(keys, keys.sorted(by: >), "sort keys follow the listing order")
      for index in [0, 3, listing.count / 2, listing.count - 1] {
        XCTAssertEqual(
          try store.listing(filter, from: .after(keys[index]), limit: 4).map(\.summary.id),
          Array(listing[(index + 1)...].prefix(4)), "\(filter) after \(index)")
        XCTAssertEqual(
          try store.listing(filter, from: .before(keys[index]), limit: 4).map(\.summary.id),
          Array(listing[..<index].suffix(4)), "\(filter) before \(index)")
        XCTAssertEqual(
          try store.listing(filter, from: .fromEnd(index), limit: 4).map(\.summary.id),
          Array(listing[..<(listing.count - index)].suffix(4)), "\(filter) from end \(index)")
      }
    }
  }
}
