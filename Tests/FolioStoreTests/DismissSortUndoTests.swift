import FolioCore
import Foundation
import GRDB
import XCTest

@testable import FolioStore

/// Dismissing, the listing orders and the store side of undo (triage's work).
final class DismissSortUndoTests: XCTestCase {
  func testDismissedPapersLeaveListingsAndCountsUntilBroughtBack() throws {
    let store = try LibraryStore.inMemory()
    let papers = (0..<5).map { makePaper("Paper \($0)", upvotes: 10 - $0) }
    try store.add(papers)
    try store.setStarred(true, ids: [papers[1].id])
    try store.setDismissed(true, ids: [papers[1].id, papers[3].id])
    XCTAssertEqual(
      try store.papers().map(\.paper.title), ["Paper 0", "Paper 2", "Paper 4"])
    XCTAssertEqual(try store.counts(PaperFilter()), ListCounts(total: 3, unread: 3, starred: 0))
    XCTAssertEqual(
      try store.counts(PaperFilter(day: testDay)), ListCounts(total: 3, unread: 3, starred: 0))
    XCTAssertEqual(
      try store.papers(PaperFilter(condition: .state(.dismissed))).map(\.paper.title),
      ["Paper 1", "Paper 3"])
    XCTAssertEqual(try store.paper(id: papers[1].id)?.state.isDismissed, true, "by id: shown")
    XCTAssertEqual(try store.markAllRead(PaperFilter()), 3, "mark all read skips the dismissed")
    try store.setDismissed(false, ids: [papers[1].id])
    XCTAssertEqual(try store.papers().count, 4)
    XCTAssertThrowsError(try store.setDismissed(true, ids: [papers[0].id, "nope"]))
    XCTAssertEqual(try store.paper(id: papers[0].id)?.state.isDismissed, false, "all or nothing")
  }

  func testMoreLikeThisLeavesDismissedPapersOut() throws {
    let store = try LibraryStore.inMemory()
    let papers = ["Graph networks", "Graph kernels", "Graph search"].map { makePaper($0) }
    try store.add(papers)
    try store.setDismissed(true, ids: [papers[1].id])
    XCTAssertEqual(
      try store.bestMatches("graph", excluding: papers[0].id, limit: 10), [papers[2].id])
  }

  func testUndoingMarkAllReadUnmarksOnlyThePapersItMarked() throws {
    let store = try LibraryStore.inMemory()
    let papers = (0..<4).map { makePaper("Paper \($0)") }
    try store.add(papers)
    try store.setRead(true, ids: [papers[0].id])
    let time = Date(timeIntervalSince1970: 1_800_000_000.25)
    XCTAssertEqual(try store.markAllRead(PaperFilter(), at: time), 3)
    XCTAssertEqual(try store.counts(PaperFilter()).unread, 0)
    XCTAssertEqual(try store.unmarkRead(at: time), 3)
    XCTAssertEqual(try store.paper(id: papers[0].id)?.state.isRead, true, "read before: kept")
    XCTAssertEqual(try store.counts(PaperFilter()).unread, 3)
  }

  func testEveryOrderPagesByKeysetLikeItsFullSort() throws {
    let store = try LibraryStore.inMemory()
    var generator = SplitMix64(seed: 18)
    let papers = (0..<60).map { index in
      var paper = makePaper(
        "Paper \(index)", day: testDay.adding(days: -(index % 3)),
        upvotes: index % 5 == 0 ? nil : Int.random(in: 0...8, using: &generator))
      paper.published =
        index % 4 == 0 ? nil : testDay.adding(days: -Int.random(in: 0...9, using: &generator))
      return paper
    }
    try store.add(papers)
    // Citations (issue 20): counts with ties on a third, unknown on a third, never asked on
    // the rest, so both kinds of "no count" sort last.
    var facts: [String: ScholarFacts] = [:]
    for (index, entry) in try store.papers().enumerated() where index % 3 != 2 {
      facts[entry.id] = ScholarFacts(
        citations: index % 3 == 0 ? Int.random(in: 0...8, using: &generator) : nil,
        checkedAt: Date())
    }
    try store.recordScholarFacts(facts)
    for order in ListingOrder.allCases {
      var filter = PaperFilter()
      filter.order = order
      let whole = try store.listing(filter, from: .position(0), limit: 100)
      XCTAssertEqual(whole.count, 60)
      let expected = whole.sorted { a, b in
        let (x, y) = (value(a.summary.id, order, store), value(b.summary.id, order, store))
        return x != y ? x > y : a.sortKey > b.sortKey
      }
      XCTAssertEqual(whole.map(\.summary.id), expected.map(\.summary.id), "\(order)")
      // Page after page by keyset, forwards and back, gives the same rows.
      var paged = try store.listing(filter, from: .position(0), limit: 7)
      while let last = paged.last, paged.count < 60 {
        paged += try store.listing(filter, from: .after(last.sortKey), limit: 7)
      }
      XCTAssertEqual(paged.map(\.summary.id), whole.map(\.summary.id), "\(order) after")
      let back = try store.listing(filter, from: .before(whole[30].sortKey), limit: 10)
      XCTAssertEqual(back.map(\.summary.id), whole[20..<30].map(\.summary.id), "\(order) before")
      XCTAssertEqual(try store.position(of: whole[42].summary.id, in: filter), 42, "\(order)")
    }
  }

  private func value(_ id: String, _ order: ListingOrder, _ store: LibraryStore) -> String {
    let entry = try! store.paper(id: id)!
    let paper = entry.paper
    switch order {
    case .listing, .forYou: return ""
    case .upvotes: return String(format: "%08d", (paper.upvotes ?? -1) + 1)
    case .published: return paper.published?.description ?? ""
    case .citations: return String(format: "%08d", (entry.scholar?.citations ?? -1) + 1)
    case .forYou: return ""
    }
  }

  func testTheOrdersFirstScreenIsAnIndexWalk() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("P", upvotes: 1)])
    for order in [ListingOrder.upvotes, .published, .citations] {
      var filter = PaperFilter()
      filter.order = order
      let (sql, arguments) = filter.select("p.id", limit: 40)
      let plan = try store.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
          .map { $0["detail"] as String }.joined(separator: "\n")
      }
      XCTAssertTrue(plan.contains("paper_by_\(order.rawValue)"), plan)
      XCTAssertFalse(plan.contains("TEMP B-TREE"), "no sort of every paper: \(plan)")
    }
  }
}
