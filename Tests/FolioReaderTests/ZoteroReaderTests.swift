import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

/// The reader's Zotero keys (issue 20): `Z` sends the selected paper at once; `z` ("send
/// starred to Zotero", also in the palette) asks first with the count; the send runs
/// in the app's background and its progress and end come back as events for the status line.
final class ZoteroReaderTests: XCTestCase {
  typealias Driver = ReaderStateMachineTests.Driver

  /// One day of `count` papers, the first `starred` of them starred.
  func library(_ count: Int = 6, starred: Int = 0) -> InMemoryLibrary {
    let day = Day("2026-11-27")!
    return InMemoryLibrary(
      (0..<count).map { index in
        let paper = Paper.fromSource(
          title: "Paper \(index) on graphs", abstract: "Abstract \(index).",
          arxivID: String(format: "2611.%05d", index + 1), day: day, source: "fake",
          upvotes: count - index)!
        return LibraryPaper(
          paper: paper,
          state: PaperState(starredAt: index < starred ? Date(timeIntervalSince1970: 1) : nil))
      })
  }

  func statusText(_ driver: Driver) -> String {
    ReaderView.render(driver.state).textRows.last ?? ""
  }

  func testZSendsTheSelectedPaperAndTheStatusLineFollowsTheSend() {
    var driver = Driver(library())
    driver.type("j")
    let id = driver.state.detail!.id
    driver.type("Z")
    XCTAssertEqual(driver.external, [.app(.sendToZotero(.paper(id: id)))])
    XCTAssertEqual(driver.state.mode, .list, "one paper is sent without asking")

    driver.send(.completed(.zoteroStarted(.paper(id: id))))
    XCTAssertEqual(driver.state.status, StatusMessage("Zotero: sending \(id)…"))
    // Keys go on working while the app sends.
    driver.type("j")
    XCTAssertEqual(driver.state.selected, 2)
    driver.send(.zoteroFinished(.success("sent \(id) to Zotero")))
    XCTAssertEqual(driver.state.status, StatusMessage("sent \(id) to Zotero"))
    XCTAssertTrue(statusText(driver).contains("sent \(id) to Zotero"), statusText(driver))
  }

  func testAFailureAndARefusalAreErrorsOnTheStatusLine() {
    var driver = Driver(library())
    driver.send(
      .zoteroFinished(
        .failure(FetchFailure("Zotero is not running (no connector at http://127.0.0.1:9)"))))
    XCTAssertEqual(
      driver.state.status,
      StatusMessage("Zotero is not running (no connector at http://127.0.0.1:9)", isError: true))
    driver.send(.zoteroFinished(.failure(FetchFailure("Zotero refused 2611.00001: \u{1B}[2Jno"))))
    XCTAssertTrue(driver.state.status!.isError)
    let line = statusText(driver)
    XCTAssertTrue(line.contains("Zotero refused 2611.00001: [2Jno"), line)
    XCTAssertFalse(line.contains("\u{1B}"), "the reason is drawn inert")
  }

  func testProgressShowsOnTheStatusLine() {
    var driver = Driver(library(starred: 3))
    driver.send(.completed(.zoteroStarted(.starred(count: 3))))
    XCTAssertEqual(driver.state.status, StatusMessage("Zotero: sending 3 starred papers…"))
    driver.send(.zoteroProgress("sent 2 of 3…"))
    XCTAssertEqual(driver.state.status, StatusMessage("Zotero: sent 2 of 3…"))
  }

  /// Types `keys`, which ask for the starred papers to be counted, and hands back the count
  /// as the app would (the fake's starred papers), leaving the effect out of `external`.
  func askForStarred(_ driver: inout Driver, typing keys: String, count: Int? = nil) {
    driver.type(keys)
    XCTAssertEqual(driver.external.last, .app(.countStarredForZotero), "the app counts them")
    driver.external.removeLast()
    driver.send(.completed(.zoteroCounting))
    XCTAssertEqual(driver.state.status, StatusMessage("Zotero: counting the starred papers…"))
    let starred = driver.library.papers.filter { $0.state.isStarred && !$0.state.isDismissed }
    driver.send(.zoteroStarredCounted(.success(count ?? starred.count)))
  }

  func testSendingTheStarredAsksWithTheirCountFirst() {
    var driver = Driver(library(12, starred: 4))
    askForStarred(&driver, typing: ":send starred\n")
    XCTAssertEqual(driver.state.mode, .confirmation(.sendStarredToZotero(count: 4), over: .list))
    XCTAssertTrue(
      statusText(driver).hasPrefix(" Send 4 starred papers to Zotero? (y/n)"), statusText(driver))
    XCTAssertEqual(driver.external, [], "nothing is sent before the answer")
    driver.type("y")
    XCTAssertEqual(driver.external, [.app(.sendToZotero(.starred(count: 4)))])
    XCTAssertEqual(driver.state.mode, .list)

    // Any other answer sends nothing.
    askForStarred(&driver, typing: "z")
    XCTAssertNotNil(driver.state.confirmation)
    driver.type("n")
    XCTAssertEqual(driver.external.count, 1)
    XCTAssertEqual(driver.state.status, StatusMessage("cancelled"))
  }

  func testTheKeysDoNotWaitForTheCount() {
    var driver = Driver(library(starred: 2))
    driver.type("z")
    XCTAssertNil(driver.state.confirmation, "the question waits for the count")
    driver.type("j")
    XCTAssertEqual(driver.state.selected, 1, "and the keys do not")
  }

  func testTheQuestionIsAskedOverTheScreenItCameFrom() {
    var driver = Driver(library(starred: 1))
    driver.type("\n")
    XCTAssertTrue(driver.state.isReading)
    askForStarred(&driver, typing: ":zotero-starred\n")
    XCTAssertEqual(
      driver.state.mode, .confirmation(.sendStarredToZotero(count: 1), over: .reading))
    XCTAssertTrue(
      statusText(driver).hasPrefix(" Send 1 starred paper to Zotero? (y/n)"), statusText(driver))
    driver.type("y")
    XCTAssertTrue(driver.state.isReading, "back to the reading view")
  }

  func testAPromptOpenedMeanwhileIsNotReplaced() {
    var driver = Driver(library(starred: 2))
    driver.type("z/gra")
    driver.send(.zoteroStarredCounted(.success(2)))
    XCTAssertEqual(driver.state.searchLine?.text, "gra", "the search line stays")
    XCTAssertNil(driver.state.confirmation)
    XCTAssertEqual(
      driver.state.status, StatusMessage("2 starred: z again to send them to Zotero"))
  }

  func testNothingStarredAsksNothing() {
    var driver = Driver(library())
    askForStarred(&driver, typing: ":zotero-starred\n")
    XCTAssertNil(driver.state.confirmation)
    XCTAssertEqual(driver.state.status, StatusMessage("nothing is starred yet"))
    XCTAssertEqual(driver.external, [])
  }

  func testMoreStarredThanTheCapIsRefusedWithAPointerToTheCommand() {
    var driver = Driver(library(starred: 3))
    askForStarred(&driver, typing: "z", count: ZoteroRequest.starredLimit + 1)
    XCTAssertNil(driver.state.confirmation)
    XCTAssertEqual(
      driver.state.status,
      StatusMessage(
        "1,001 starred papers are more than the 1,000 sent at a time: send a part with folio zotero --starred --filter QUERY",
        isError: true))
    XCTAssertEqual(driver.external, [])
  }

  func testACountThatFailedIsAnError() {
    var driver = Driver(library(starred: 3))
    driver.type("z")
    driver.send(.zoteroStarredCounted(.failure(FetchFailure("the library is damaged"))))
    XCTAssertEqual(driver.state.status, StatusMessage("the library is damaged", isError: true))
    XCTAssertNil(driver.state.confirmation)
  }

  func testABoundKeyAsksToo() {
    let (keymap, warnings) = Keymap.configured(
      preset: nil, overrides: [(action: "zotero-starred", keys: ["W"])])
    XCTAssertEqual(warnings, [])
    var driver = Driver(library(starred: 2))
    driver.state.settings.keymap = keymap
    askForStarred(&driver, typing: "W")
    XCTAssertEqual(driver.state.confirmation, .sendStarredToZotero(count: 2))
  }

  func testZInTriageSendsTheCard() {
    var driver = Driver(library())
    driver.type("i")
    XCTAssertEqual(driver.state.mode.screen, .triage)
    let id = driver.state.triage!.card!.id
    driver.type("Z")
    XCTAssertEqual(driver.external, [.app(.sendToZotero(.paper(id: id)))])
    XCTAssertEqual(driver.state.triage?.card?.id, id, "sending does not move triage on")
  }

  func testZWithNothingSelectedSaysSo() {
    var driver = Driver(InMemoryLibrary([]))
    driver.type("Z")
    XCTAssertEqual(driver.external, [])
    XCTAssertNotNil(driver.state.status)
  }

  func testTheActionTableHasTheRows() {
    let keymap = Keymap.standard
    for context in [ActionContext.list, .detail, .reading, .triage] {
      XCTAssertEqual(keymap.action(for: .character("Z"), in: context), .sendToZotero, "\(context)")
    }
    XCTAssertEqual(keymap.action(for: .character("z"), in: .list), .sendStarredToZotero)
    XCTAssertEqual(keymap.action(for: .character("z"), in: .triage), nil)
    XCTAssertTrue(
      keymap.rows(in: .list).contains { $0.action == .sendStarredToZotero },
      "the palette offers it")
    XCTAssertEqual(Action.sendToZotero.rawValue, "zotero")
    XCTAssertEqual(Action.sendStarredToZotero.rawValue, "zotero-starred")
  }
}
