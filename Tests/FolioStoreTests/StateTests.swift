import FolioCore
import XCTest

@testable import FolioStore

final class StateTests: XCTestCase {
  func testUnknownIDChangesNothingForAnyID() throws {
    let store = try LibraryStore.inMemory()
    let paper = makePaper("Known")
    try store.add([paper])
    XCTAssertThrowsError(try store.setStarred(true, ids: [paper.id, "nope"])) { error in
      XCTAssertEqual(error as? StoreError, .unknownPaper(id: "nope"))
      XCTAssertEqual((error as? StoreError)?.message, "no paper with id 'nope'")
      XCTAssertEqual((error as? StoreError)?.exitCode, 1)
    }
    XCTAssertEqual(try store.count(PaperFilter(state: .starred)), 0)
  }

  func testArxivIDSpellingsResolve() throws {
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("P", arxivID: "2401.00001")])
    try store.setStarred(true, ids: ["arXiv:2401.00001v3"])
    XCTAssertEqual(try store.papers(PaperFilter(state: .starred)).map(\.id), ["2401.00001"])
    XCTAssertEqual(try store.resolve(["https://arxiv.org/abs/2401.00001"]), ["2401.00001"])
  }

  func testStarringTwiceKeepsTheFirstStarTime() throws {
    let store = try LibraryStore.inMemory()
    let paper = makePaper("P")
    try store.add([paper])
    try store.setStarred(true, ids: [paper.id])
    let first = try XCTUnwrap(try store.paper(id: paper.id)?.state.starredAt)
    try store.setStarred(true, ids: [paper.id])
    XCTAssertEqual(try store.paper(id: paper.id)?.state.starredAt, first)
    try store.setStarred(false, ids: [paper.id])
    XCTAssertNil(try store.paper(id: paper.id)?.state.starredAt)
  }

  func testNotesAreCleanedAndBlankRemoves() throws {
    let store = try LibraryStore.inMemory()
    let paper = makePaper("P")
    try store.add([paper])
    try store.setNote("line one\u{1B}[31m\n\nline two  ", id: paper.id)
    XCTAssertEqual(try store.paper(id: paper.id)?.state.note, "line one\n\nline two")
    try store.setNote("   ", id: paper.id)
    XCTAssertNil(try store.paper(id: paper.id)?.state.note)
  }
}
