import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

/// The `l` tag prompt (issue 18): completion of existing names, adding, removing with
/// `-name`, pending until the outcome comes back, and `+` saving the search as a topic.
final class TagPromptTests: XCTestCase {
  func testLOpensThePromptOverTheScreenAndEscClosesIt() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("l")
    XCTAssertEqual(harness.state.actionContext, .tagPrompt)
    XCTAssertEqual(harness.state.mode.screen, .list)
    XCTAssertTrue(harness.screen.contains(" Tag: "), harness.screen)
    harness.type("abc\u{1B}")
    XCTAssertEqual(harness.state.mode, .list)
    XCTAssertTrue(harness.external.isEmpty && !harness.effects.contains { $0.isLibrary })

    // Over the reading view it returns to the reading view.
    harness.type("\nl")
    XCTAssertEqual(harness.state.mode.screen, .reading)
    harness.type("\u{1B}")
    XCTAssertEqual(harness.state.mode, .screen(.reading))
  }

  func testAddingIsPendingUntilCommittedThenShownInTheDetail() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    harness.type("l")
    for character in "Survey" { _ = harness.state.handle(.key(.character(character)), now: 2000) }
    let effects = harness.state.handle(.key(.enter), now: 2001)
    XCTAssertEqual(effects, [.library(.setTagged(id: id, tag: "Survey", on: true))])
    XCTAssertTrue(harness.state.pendingWrites.tagging(id))
    XCTAssertTrue(harness.screen.contains("saving 1…"), harness.screen)
    XCTAssertFalse(harness.screen.contains("Tags"), "not shown before it is committed")

    let outcome = try XCTUnwrap(effects[0].outcomeAtOnce(on: store))
    _ = harness.state.handle(.completed(outcome), now: 2002)
    XCTAssertTrue(harness.state.pendingWrites.isEmpty)
    XCTAssertEqual(harness.state.status?.text, "tagged Survey")
    XCTAssertEqual(harness.state.detail?.state.tags, ["Survey"])
    XCTAssertTrue(harness.screen.contains("Tags"), harness.screen)
    XCTAssertEqual(try store.paper(id: id)?.state.tags, ["Survey"])
  }

  func testTabCompletesExistingNamesInTheirFirstSpelling() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let ids = try store.papers().prefix(2).map(\.id)
    try store.setTagged(true, name: TagName("Survey")!, ids: [ids[0]])
    try store.setTagged(true, name: TagName("surveillance")!, ids: [ids[0]])
    try store.setTagged(true, name: TagName("week")!, ids: [ids[1]])
    harness.type("ls")
    XCTAssertEqual(harness.state.tagPrompt?.candidates, ["surveillance", "Survey"])
    XCTAssertTrue(harness.screen.contains("surveillance · Survey"), harness.screen)
    harness.type("\t")
    XCTAssertEqual(harness.state.tagPrompt?.text, "surve", "the common prefix")
    harness.type("y\t")
    XCTAssertEqual(harness.state.tagPrompt?.text, "Survey", "the one name, as first written")
    harness.type("\n")
    let id = try XCTUnwrap(harness.state.detail?.id)
    XCTAssertEqual(try store.paper(id: id)?.state.tags.contains("Survey"), true)
    XCTAssertEqual(try store.tagNames(), ["surveillance", "Survey", "week"], "no second spelling")
  }

  func testMinusNameRemovesAndCompletesFromThePapersTags() throws {
    let library = InMemoryLibrary(days: 1, perDay: 5)
    var driver = ReaderStateMachineTests.Driver(library)
    driver.type("lweek/1\n")
    driver.type("lother\n")
    let id = try XCTUnwrap(driver.state.detail?.id)
    XCTAssertEqual(library.papers.first { $0.id == id }?.state.tags, ["other", "week/1"])
    driver.type("l-w")
    driver.send(.key(.tab))
    XCTAssertEqual(driver.state.tagPrompt?.text, "-week/1")
    driver.type("\n")
    XCTAssertEqual(library.papers.first { $0.id == id }?.state.tags, ["other"])
    XCTAssertEqual(driver.state.status?.text, "removed tag week/1")
    // Removing a tag the paper does not have says so and changes nothing.
    driver.type("l-week/1\n")
    XCTAssertEqual(driver.state.status?.isError, true)
    XCTAssertEqual(library.papers.first { $0.id == id }?.state.tags, ["other"])
  }

  func testABadNameKeepsThePromptOpenWithTheRule() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("la,b\n")
    XCTAssertEqual(harness.state.actionContext, .tagPrompt)
    XCTAssertEqual(harness.state.status?.isError, true)
    XCTAssertFalse(harness.effects.contains { $0.isLibrary })
  }

  func testTheTagChangeIsItsOwnInverse() throws {
    let store = try makeLibrary()
    let id = try XCTUnwrap(try store.papers().first?.id)
    let add = LibraryChange.setTagged(id: id, tag: "x", on: true)
    XCTAssertEqual(LibraryWriter.perform(add, on: store), .tagged(id: id, tag: "x", true))
    let remove = LibraryChange.setTagged(id: id, tag: "x", on: false)
    XCTAssertEqual(LibraryWriter.perform(remove, on: store), .tagged(id: id, tag: "x", false))
    XCTAssertEqual(try store.paper(id: id)?.state.tags, [])
    XCTAssertEqual(try store.tagCounts(), [])
  }

  func testPlusSavesTheSearchAsATopicAndThePickerKnowsIt() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("+")
    XCTAssertEqual(harness.state.status?.isError, true, "no search, nothing to save")
    harness.type("/graph\n+Graph work\n")
    XCTAssertEqual(
      harness.external.last, .app(.saveTopic(name: "Graph work", query: "graph")))
    _ = harness.state.handle(
      .completed(.savedTopic(name: "Graph work", query: "graph")), now: 3000)
    XCTAssertTrue(harness.state.settings.topics.topics.contains { $0.name == "Graph work" })
  }
}

extension ReaderEffect {
  var isLibrary: Bool { if case .library = self { true } else { false } }
}
