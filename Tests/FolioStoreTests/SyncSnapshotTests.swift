import FolioCore
import Foundation
import XCTest

@testable import FolioStore

/// `folio state export/import`'s store half: a library's whole state as changes with their
/// clocks, which a fresh library takes in whole, twice without harm, and which merges with a
/// library that has moved on by the clocks.
final class SyncSnapshotTests: XCTestCase {
  let papers = [
    makePaper("Attention Is All You Need", arxivID: "1706.03762"),
    makePaper("Deep Residual Learning", arxivID: "1512.03385"),
    makePaper("A Paper Without An Identifier"),
  ]

  func library(_ papers: [Paper]) throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    try store.add(papers)
    return store
  }

  func testAFreshLibraryTakesTheWholeStateAndTwiceChangesNothing() throws {
    let old = try library(papers)
    try old.setStarred(true, ids: [papers[0].id, papers[1].id])
    try old.setStarred(false, ids: [papers[1].id])
    try old.setRead(true, ids: [papers[2].id])
    try old.setNote("appendix B", id: papers[2].id)
    try old.setTagged(true, name: TagName("Survey")!, ids: [papers[0].id, papers[2].id])
    try old.setTagged(false, name: TagName("survey")!, ids: [papers[0].id])
    try old.setDismissed(true, ids: [papers[1].id])
    let snapshot = try old.syncSnapshot()
    let text = SyncStateDocument.encode(snapshot, device: try old.syncDevice())
    let read = try SyncStateDocument.decode(Array(text.utf8), file: "state.json")
    XCTAssertEqual(read, snapshot)
    // One change per field set: two stars, a read mark, a note, two tags, a dismissal.
    XCTAssertEqual(read.count, 7)

    let new = try library(Array(papers.prefix(2)))
    let result = try new.applySyncChanges(read)
    XCTAssertEqual(result.applied, 4)
    XCTAssertEqual(result.waiting, 3, "the third paper is not in the new library")
    try new.add([papers[2]])
    for paper in papers {
      XCTAssertEqual(
        try new.paper(id: paper.id)?.state.isStarred, try old.paper(id: paper.id)?.state.isStarred)
      XCTAssertEqual(
        try new.paper(id: paper.id)?.state.isRead, try old.paper(id: paper.id)?.state.isRead)
      XCTAssertEqual(
        try new.paper(id: paper.id)?.state.note, try old.paper(id: paper.id)?.state.note)
      XCTAssertEqual(
        try new.paper(id: paper.id)?.state.tags, try old.paper(id: paper.id)?.state.tags)
      XCTAssertEqual(
        try new.paper(id: paper.id)?.state.isDismissed,
        try old.paper(id: paper.id)?.state.isDismissed)
    }
    XCTAssertEqual(try new.applySyncChanges(read).applied, 0)
    // Exported from the new library (waiting changes included), the state is the same.
    XCTAssertEqual(Set(try new.syncSnapshot()), Set(snapshot))
  }

  func testALaterChangeHereIsNotUndoneByAnOlderExport() throws {
    let old = try library(papers)
    try old.setStarred(true, ids: [papers[0].id])
    let export = try old.syncSnapshot()
    let new = try library(papers)
    try new.applySyncChanges(export)
    try new.setStarred(false, ids: [papers[0].id])
    XCTAssertEqual(try new.applySyncChanges(export).applied, 0)
    XCTAssertEqual(try new.paper(id: papers[0].id)?.state.isStarred, false)
  }

  func testBadDocumentsAreOneLineErrors() {
    let cases: [(String, String)] = [
      ("nope", "state.json: not a Folio state document"),
      (#"{"format":"other","version":1,"changes":[]}"#, "'format' is not folio-state"),
      (#"{"format":"folio-state","version":9,"changes":[]}"#, "unsupported state version 9"),
      (
        #"{"format":"folio-state","version":1,"changes":[{"v":1},5]}"#,
        "state.json: change 1: missing 'wall'"
      ),
      (
        #"{"format":"folio-state","version":1,"changes":[5]}"#,
        "state.json: change 1: not a JSON object"
      ),
    ]
    for (text, message) in cases {
      XCTAssertThrowsError(try SyncStateDocument.decode(Array(text.utf8), file: "state.json")) {
        XCTAssertTrue(
          ($0 as? SyncLogError)?.description.contains(message) ?? false, "\(text): \($0)")
      }
    }
  }
}
