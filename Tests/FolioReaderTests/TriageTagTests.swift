import FolioCore
import XCTest

@testable import FolioReader

/// Triage's `l` tags the card's paper through the tag prompt, `u` takes the tag back, and the
/// card shows Hugging Face's summary when the paper has one.
final class TriageTagTests: XCTestCase {
  typealias Driver = ReaderStateMachineTests.Driver

  func testLTagsTheCardsPaperAndUndoTakesTheTagBack() throws {
    let library = InMemoryLibrary(days: 1, perDay: 4)
    var driver = Driver(library)
    driver.type("i")
    let card = try XCTUnwrap(driver.state.triage?.card?.id)
    driver.type("l")
    guard case .tagPrompt(let prompt, over: .triage) = driver.state.mode else {
      return XCTFail("the tag prompt opens over triage: \(driver.state.mode)")
    }
    XCTAssertEqual(prompt.paperID, card)
    driver.type("Survey\n")
    XCTAssertEqual(driver.state.mode, .screen(.triage), "back to the card")
    XCTAssertEqual(driver.state.triage?.card?.id, card, "tagging does not move on")
    XCTAssertEqual(library.papers.first { $0.id == card }?.state.tags, ["Survey"])
    driver.type("u")
    XCTAssertEqual(library.papers.first { $0.id == card }?.state.tags, [])
    XCTAssertEqual(driver.state.status?.text, "undid tag \(card) Survey")
  }

  func testTheCardShowsHuggingFacesSummary() {
    var entry = InMemoryLibrary(days: 1, perDay: 1).papers[0]
    let without = TriageCard(entry, width: 60).lines.map { $0.map(\.text).joined() }
    XCTAssertFalse(without.contains("Hugging Face's summary"))
    entry.paper.huggingFace.summary = "A model that reads papers for you."
    let with = TriageCard(entry, width: 60).lines.map { $0.map(\.text).joined() }
    XCTAssertTrue(with.contains("Hugging Face's summary"), "\(with)")
    XCTAssertTrue(with.contains("A model that reads papers for you."), "\(with)")
  }
}
