import FolioCore
import GRDB
import XCTest

@testable import FolioStore

/// Tags in the store (issue 18): all ids or none, case-folded keys with the first spelling
/// kept, counts, the predicate, and the indexes `tag:` and `folio tags` use.
final class TagStoreTests: XCTestCase {
  private func library(_ count: Int = 3) throws -> (LibraryStore, [String]) {
    let store = try LibraryStore.inMemory()
    let papers = (0..<count).map { makePaper("Paper \($0)") }
    try store.add(papers)
    return (store, papers.map(\.id))
  }

  func testUnknownIDTagsNothingForAnyID() throws {
    let (store, ids) = try library()
    XCTAssertThrowsError(try store.setTagged(true, name: TagName("x")!, ids: [ids[0], "nope"])) {
      XCTAssertEqual($0 as? StoreError, .unknownPaper(id: "nope"))
    }
    XCTAssertEqual(try store.tagCounts(), [])
    XCTAssertEqual(try store.paper(id: ids[0])?.state.tags, [])
  }

  func testFirstSpellingIsKeptAndAnySpellingFindsTheTag() throws {
    let (store, ids) = try library()
    try store.setTagged(true, name: TagName("Survey")!, ids: [ids[0]])
    try store.setTagged(true, name: TagName("SURVEY")!, ids: [ids[1]])
    try store.setTagged(true, name: TagName("week/1")!, ids: [ids[1]])
    XCTAssertEqual(try store.paper(id: ids[1])?.state.tags, ["Survey", "week/1"])
    XCTAssertEqual(try store.tagNames(), ["Survey", "week/1"])
    let tagged = try store.papers(PaperFilter(condition: .tag("survey"))).map(\.id)
    XCTAssertEqual(Set(tagged), [ids[0], ids[1]])
    XCTAssertEqual(
      try store.papers(PaperFilter(condition: .has(.tag))).count, 2)
    XCTAssertEqual(
      try store.papers(PaperFilter(condition: .not(.has(.tag)))).map(\.id), [ids[2]])
  }

  func testCountsAndRemovingTheLastPaperForgetsTheTag() throws {
    let (store, ids) = try library()
    try store.setTagged(true, name: TagName("a")!, ids: ids)
    try store.setTagged(true, name: TagName("b")!, ids: [ids[0]])
    try store.setRead(true, ids: [ids[0], ids[1]])
    XCTAssertEqual(
      try store.tagCounts(),
      [TagCount(name: "a", papers: 3, unread: 1), TagCount(name: "b", papers: 1, unread: 0)])
    // Tagging twice changes nothing; untagging a paper without the tag changes nothing.
    try store.setTagged(true, name: TagName("A")!, ids: [ids[0]])
    try store.setTagged(false, name: TagName("b")!, ids: [ids[1]])
    XCTAssertEqual(try store.tagCounts().map(\.papers), [3, 1])
    try store.setTagged(false, name: TagName("B")!, ids: [ids[0]])
    XCTAssertEqual(try store.tagCounts().map(\.name), ["a"])
    // Tagging no papers creates no tag.
    try store.setTagged(true, name: TagName("empty")!, ids: [])
    XCTAssertEqual(try store.tagNames(), ["a"])
    // Untagging a name no paper has is no error.
    try store.setTagged(false, name: TagName("never")!, ids: [ids[0]])
  }

  func testTagSearchesTheTagByKeyAndItsPapersByPrimaryKey() throws {
    let (store, _) = try library()
    let condition = PaperPredicate.tag("x").sql
    XCTAssertEqual(condition.arguments, [.text("x")])
    let plan = try store.read { db in
      try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN SELECT p.seq FROM paper p WHERE \(condition.sql)",
        arguments: ["x"]
      ).map { $0["detail"] as String }.joined(separator: "\n")
    }
    // The tag by its unique key, then its papers by the link table's primary key: no scan.
    XCTAssertTrue(plan.contains("SEARCH t USING"), plan)
    XCTAssertTrue(plan.contains("SEARCH pt USING PRIMARY KEY"), plan)
    XCTAssertFalse(plan.contains("SCAN pt"), plan)
  }

  func testTagNamesFollowTheRule() {
    for good in [
      "a", "read-this_week", "survey/llm", "v1.2", "Überblick", String(repeating: "x", count: 64),
    ] {
      XCTAssertNotNil(TagName(good), good)
    }
    for bad in ["", "two words", "a,b", "tag:x", "\u{1B}[31m", String(repeating: "x", count: 65)] {
      XCTAssertNil(TagName(bad), bad)
    }
    XCTAssertEqual(TagName("Survey")?.key, "survey")
  }
}
