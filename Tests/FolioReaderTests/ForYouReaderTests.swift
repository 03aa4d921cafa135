import FolioCore
import FolioQuery
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

/// For you in the reader (issue 19): the view (`f`), the cold start, the for-you order (`S`),
/// the "why" line, and the signals reading and opening send; against the in-memory library,
/// whose ranking is the real ``ForYouModel`` trained from its state.
final class ForYouReaderTests: XCTestCase {
  typealias Driver = ReaderStateMachineTests.Driver

  /// Three days of six papers, alternately on graphs and on proteins (upvotes fall down each
  /// day), and the given papers starred.
  private func library(starring starred: [Int] = []) -> InMemoryLibrary {
    let library = InMemoryLibrary(days: 3, perDay: 6)
    for index in starred {
      _ = library.perform(.setStarred(id: library.papers[index].id, starred: true))
    }
    return library
  }

  private func titles(_ driver: Driver) -> [String] {
    let ids = driver.state.listing.forYou?.ids ?? []
    return ids.compactMap { id in driver.library.papers.first { $0.id == id }?.paper.title }
  }

  // MARK: - Cold start

  func testColdStartListsTheTopicsPapersFirstThenByUpvotesAndSaysHowToTeachIt() {
    var driver = Driver(library())
    driver.type("f")
    let view = driver.state.listing.forYouView
    XCTAssertNotNil(view)
    XCTAssertEqual(view?.isColdStart, true)
    let ranked = titles(driver)
    XCTAssertEqual(ranked.count, 18, "every unread paper of the three days")
    // The topic (Graphs) first, each part by upvotes (ties in listing order).
    XCTAssertEqual(
      Array(ranked.prefix(3)),
      ["Day 0 paper 0 on graphs", "Day 1 paper 0 on graphs", "Day 2 paper 0 on graphs"])
    XCTAssertTrue(ranked.prefix(9).allSatisfy { $0.hasSuffix("graphs") })
    XCTAssertTrue(ranked.suffix(9).allSatisfy { $0.hasSuffix("proteins") })
    XCTAssertEqual(ranked[9], "Day 0 paper 1 on proteins")
    XCTAssertTrue(driver.state.status?.text.contains("star a few papers to teach For you") == true)
    XCTAssertTrue(driver.state.forYouWhy?.contains("not learnt yet") == true)
    let screen = ReaderView.render(driver.state).textRows
    XCTAssertTrue(screen[0].contains("For you (not learnt yet)"), screen[0])
    XCTAssertEqual(driver.state.selectedSummary?.title, "Day 0 paper 0 on graphs")
    XCTAssertTrue(driver.state.countsKnown)
    XCTAssertEqual(driver.state.counts.total, 18)
  }

  func testTheViewHoldsTheNewestListingDaysUnreadPapersOnly() {
    let library = self.library()
    _ = library.perform(.setRead(id: library.papers[0].id, read: true, announce: true))
    var driver = Driver(library)
    driver.state.settings.forYouDays = 2
    driver.type("f")
    let ranked = titles(driver)
    XCTAssertEqual(ranked.count, 11, "two listing days, less the one read paper")
    XCTAssertFalse(ranked.contains { $0.hasPrefix("Day 2 ") }, "the third day is older")
    XCTAssertFalse(ranked.contains("Day 0 paper 0 on graphs"), "read papers are left out")
  }

  // MARK: - With a model

  func testStarsTeachTheRankingAndTheWhyLineExplainsIt() throws {
    // Three graph papers of the oldest day starred: the model learns "graphs".
    var driver = Driver(library(starring: [12, 14, 16]))
    driver.type("f")
    let view = try XCTUnwrap(driver.state.listing.forYouView)
    XCTAssertFalse(view.isColdStart)
    XCTAssertTrue(view.isExact)
    let ranked = titles(driver)
    XCTAssertTrue(
      ranked.prefix(9).allSatisfy { $0.hasSuffix("graphs") }, "\(ranked.prefix(9))")
    let scores = view.ids.map { view.scores[$0] ?? -1 }
    XCTAssertEqual(scores, scores.sorted(by: >), "best first")
    XCTAssertTrue(scores.allSatisfy { (0...1).contains($0) })
    let why = try XCTUnwrap(driver.state.forYouWhy)
    XCTAssertTrue(why.hasPrefix(ReaderState.scoreText(scores[0])), why)
    XCTAssertTrue(why.contains(" · +"), "what raised the score: \(why)")
    let screen = ReaderView.render(driver.state).textRows
    XCTAssertTrue(screen[0].contains("For you"))
    XCTAssertFalse(screen[0].contains(" · top "), "the ranking is exact")
    XCTAssertTrue(
      screen.contains { $0.contains("Why") && $0.contains(ReaderState.scoreText(scores[0])) })
    XCTAssertTrue(
      screen[2].contains(ReaderState.scoreText(scores[0])), "the score column: \(screen[2])")
  }

  func testAViewOfMoreThanTheCapSaysItHoldsTheTopPapers() throws {
    // One day with more unread papers than a ranking holds: the view keeps the best
    // `cap` and the header says so instead of passing them off as every paper.
    let library = InMemoryLibrary(days: 1, perDay: ForYouList.cap + 5)
    for index in [0, 2, 4] {
      _ = library.perform(.setStarred(id: library.papers[index].id, starred: true))
    }
    var driver = Driver(library)
    driver.type("f")
    let view = try XCTUnwrap(driver.state.listing.forYouView)
    XCTAssertFalse(view.isColdStart)
    XCTAssertEqual(view.ids.count, ForYouList.cap)
    XCTAssertFalse(view.isExact)
    let header = ReaderView.render(driver.state).textRows[0]
    XCTAssertTrue(header.contains("For you · top 1,000"), header)
  }

  func testTheRankingStaysStillWhileTheUserWorksAndDismissingMovesOn() throws {
    var driver = Driver(library(starring: [12, 14, 16]))
    driver.type("f")
    let before = try XCTUnwrap(driver.state.listing.forYouView?.ids)
    let rankings = driver.library.reads.filter { $0 == "forYouRanking" }.count
    driver.type("j")
    driver.type("s")  // a fourth star: the model would change, the rows do not
    driver.type("r")
    XCTAssertEqual(driver.state.listing.forYouView?.ids, before)
    XCTAssertEqual(driver.state.selected, 1)
    XCTAssertEqual(driver.library.reads.filter { $0 == "forYouRanking" }.count, rankings)
    // `x`: the paper leaves the view and the selection moves on to the next one.
    driver.type("x")
    XCTAssertEqual(driver.state.listing.forYouView?.ids, before.filter { $0 != before[1] })
    XCTAssertEqual(driver.state.selected, 1)
    XCTAssertEqual(driver.state.detail?.id, before[2])
    XCTAssertEqual(driver.state.counts.total, before.count - 1)
    // `u` brings it back to its place.
    driver.type("u")
    XCTAssertEqual(driver.state.listing.forYouView?.ids, before)
    // `H` does not move rows in the view.
    driver.type("H")
    XCTAssertFalse(driver.state.hidesRead)
    XCTAssertEqual(driver.state.status?.text, "For you lists unread papers · f ranks again")
    // `f` again ranks afresh, from what was learnt meanwhile.
    driver.type("f")
    XCTAssertEqual(driver.library.reads.filter { $0 == "forYouRanking" }.count, rankings + 1)
  }

  func testLeavingTheViewReturnsToTheListingAsBefore() {
    var driver = Driver(library())
    driver.type("jjj")
    let selected = driver.state.detail?.id
    let scope = driver.state.scope
    driver.type("fjj\u{1B}")
    XCTAssertNil(driver.state.listing.forYouView)
    XCTAssertEqual(driver.state.detail?.id, selected)
    XCTAssertEqual(driver.state.scope, scope)
    XCTAssertEqual(driver.state.status?.text, "left For you")
    // Choosing another scope leaves it too.
    driver.type("f")
    XCTAssertNotNil(driver.state.listing.forYouView)
    driver.type("a")
    XCTAssertNil(driver.state.listing.forYouView)
    XCTAssertEqual(driver.state.scope, .allDays)
    XCTAssertEqual(driver.state.detail?.id, selected)
    // So does a search.
    driver.type("f/proteins\n")
    XCTAssertNil(driver.state.listing.forYouView)
    XCTAssertTrue(driver.state.window.rows.allSatisfy { $0.title.hasSuffix("proteins") })
    // "More like this" from the view comes back to it.
    driver.type("\u{1B}f")
    driver.type("m")
    XCTAssertNotNil(driver.state.similar)
    driver.type("\u{1B}")
    XCTAssertNil(driver.state.similar)
    XCTAssertNotNil(driver.state.listing.forYouView)
  }

  // MARK: - The for-you order

  func testSortCyclesToForYouAndRanksAgainOnlyWhenTheListingChanges() throws {
    var driver = Driver(library(starring: [12, 14, 16]))
    driver.state.settings.listColumns.insert("upvotes")
    driver.type("SSS")
    XCTAssertEqual(driver.state.listing.order, .forYou)
    let ranked = try XCTUnwrap(driver.state.listing.forYou)
    XCTAssertNil(driver.state.listing.forYouView)
    XCTAssertEqual(ranked.ids.count, 6, "the day's papers")
    XCTAssertEqual(driver.state.window.rows.map(\.id), ranked.ids)
    XCTAssertTrue(driver.state.window.rows.prefix(3).allSatisfy { $0.title.hasSuffix("graphs") })
    XCTAssertTrue(ReaderView.render(driver.state).textRows[0].contains("by for-you"))
    let rankings = driver.library.reads.filter { $0 == "forYouRanking" }.count
    // A star, a read mark: the rows stay where they are.
    driver.type("jsr")
    XCTAssertEqual(driver.state.window.rows.map(\.id), ranked.ids)
    XCTAssertEqual(driver.library.reads.filter { $0 == "forYouRanking" }.count, rankings)
    // Another process's change rereads the rows, not the ranking.
    driver.send(.libraryChanged)
    XCTAssertEqual(driver.state.window.rows.map(\.id), ranked.ids)
    XCTAssertEqual(driver.library.reads.filter { $0 == "forYouRanking" }.count, rankings)
    // Another day ranks that day; a search ranks its matches, once, when applied.
    driver.type("[")
    XCTAssertEqual(driver.library.reads.filter { $0 == "forYouRanking" }.count, rankings + 1)
    XCTAssertTrue(driver.state.window.rows.allSatisfy { $0.day == Day("2026-11-26")! })
    driver.type("/proteins")
    XCTAssertEqual(
      driver.library.reads.filter { $0 == "forYouRanking" }.count, rankings + 1,
      "no ranking per key typed")
    driver.type("\n")
    XCTAssertEqual(driver.library.reads.filter { $0 == "forYouRanking" }.count, rankings + 2)
    XCTAssertEqual(driver.state.listing.forYou?.ids.count, 3)
    XCTAssertTrue(driver.state.window.rows.allSatisfy { $0.title.hasSuffix("proteins") })
    // On to the citations order (no ranking), then back to the listing order.
    driver.type("S")
    XCTAssertEqual(driver.state.listing.order, .citations)
    XCTAssertNil(driver.state.listing.forYou)
    driver.type("S")
    XCTAssertEqual(driver.state.listing.order, .listing)
    XCTAssertNil(driver.state.listing.forYou)
  }

  func testTheForYouOrderColdStartsAndNamesItInTheHeader() {
    var driver = Driver(library())
    driver.type("SSS")
    XCTAssertEqual(driver.state.listing.forYou?.isColdStart, true)
    XCTAssertTrue(driver.state.status?.text.contains("star a few papers") == true)
    XCTAssertTrue(
      ReaderView.render(driver.state).textRows[0].contains("by for-you (topics, upvotes)"))
    XCTAssertEqual(
      driver.state.window.rows.map(\.title).prefix(3),
      ["Day 0 paper 0 on graphs", "Day 0 paper 2 on graphs", "Day 0 paper 4 on graphs"])
  }

  func testHidingReadPapersInTheForYouOrderKeepsAPaperJustRead() {
    var driver = Driver(library())
    driver.type("SSSH")
    XCTAssertEqual(driver.state.listing.forYou?.ids.count, 6)
    driver.type("r")
    XCTAssertEqual(driver.state.listing.forYou?.ids.count, 6, "the ranking stays put")
    XCTAssertEqual(driver.state.selected, 0)
  }

  func testNextUnreadAndPaperToPaperWalkTheRanking() throws {
    let library = self.library(starring: [12, 14, 16])
    var driver = Driver(library)
    driver.type("f")
    let ids = try XCTUnwrap(driver.state.listing.forYouView?.ids)
    // Papers 1 and 2 of the ranking read elsewhere: `n` from the first skips them.
    for id in ids[1...2] { _ = library.perform(.setRead(id: id, read: true, announce: true)) }
    driver.send(.libraryChanged)
    XCTAssertEqual(driver.state.listing.forYouView?.ids, ids, "the view keeps its rows")
    driver.type("n")
    XCTAssertEqual(driver.state.detail?.id, ids[3])
    driver.type("p")
    XCTAssertEqual(driver.state.detail?.id, ids[0])
    // J in the reading view reads the next paper of the ranking, and that teaches For you.
    driver.type("\nJ")
    XCTAssertEqual(driver.state.detail?.id, ids[1])
    XCTAssertEqual(library.viewSignals[ids[1]]?.0, .viewed)
    XCTAssertEqual(library.viewSignals[ids[0]]?.0, .viewed)
  }

  // MARK: - Signals

  func testReadingFullScreenAndOpeningTheLinkTeachForYouWithoutUndoOrPendingMarks() throws {
    let paper = Paper.fromSource(
      title: "Linked paper on graphs", abstract: "About graphs.", arxivID: "2411.01234",
      day: Day("2026-11-27")!, source: "fake")!
    let library = InMemoryLibrary([LibraryPaper(paper: paper, state: PaperState())])
    var driver = Driver(library)
    driver.type("\n")
    XCTAssertEqual(library.viewSignals[paper.id]?.0, .viewed)
    XCTAssertTrue(driver.state.pendingWrites.isEmpty)
    driver.type("\u{1B}o")
    XCTAssertEqual(library.viewSignals[paper.id]?.0, .opened)
    XCTAssertEqual(driver.external.count, 1, "the browser")
    XCTAssertEqual(driver.state.status?.text, nil, "a signal shows nothing")
    driver.type("u")
    XCTAssertEqual(driver.state.status?.text, "nothing to undo", "signals are not undone")
  }

  func testOpeningTheLinkInTriageTeachesForYouAndFFromReadingOpensTheList() {
    let paper = Paper.fromSource(
      title: "Linked paper on graphs", abstract: "About graphs.", arxivID: "2411.01234",
      day: Day("2026-11-27")!, source: "fake")!
    let library = InMemoryLibrary([LibraryPaper(paper: paper, state: PaperState())])
    var driver = Driver(library)
    driver.type("io")
    XCTAssertEqual(library.viewSignals[paper.id]?.0, .opened)
    driver.type("q\n")
    XCTAssertTrue(driver.state.isReading)
    driver.type("f")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertNotNil(driver.state.listing.forYouView)
  }

  func testASignalIsAnsweredByItsOutcomeAndNeverUndone() {
    let change = LibraryChange.recordSignal(.viewed, id: "a", at: Date(timeIntervalSince1970: 5))
    XCTAssertNil(change.inverse)
    XCTAssertTrue(change.isAnswered(by: .signalRecorded(.viewed, id: "a")))
    XCTAssertFalse(change.isAnswered(by: .signalRecorded(.opened, id: "a")))
    var pending = PendingWrites()
    pending.begin(change)
    XCTAssertTrue(pending.isEmpty, "no pending mark")
    XCTAssertEqual(change.summary, "record that a was read full screen")
  }

  func testScoreText() {
    XCTAssertEqual(ReaderState.scoreText(0), "0.00")
    XCTAssertEqual(ReaderState.scoreText(0.051), "0.05")
    XCTAssertEqual(ReaderState.scoreText(0.876), "0.88")
    XCTAssertEqual(ReaderState.scoreText(1), "1.00")
    XCTAssertEqual(ReaderState.scoreText(7), "1.00")
    XCTAssertEqual(ReaderState.scoreText(.nan), "0.00")
  }
}

extension ReaderEffect {
  /// Whether this is a "read full screen" or "opened link" signal for For you.
  var isForYouSignal: Bool {
    if case .library(.recordSignal) = self { true } else { false }
  }
}
