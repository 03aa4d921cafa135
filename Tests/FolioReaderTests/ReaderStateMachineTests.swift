import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

/// The reader's state machine against ``InMemoryLibrary``, no SQLite anywhere: keys in, state
/// and effects out, writes carried out by the fake and their outcomes fed back. That this
/// runs at all is what "pure" means here: the state reaches the library only through
/// ``LibraryReading`` and never writes.
final class ReaderStateMachineTests: XCTestCase {
  /// Drives the state as the app does, against the fake.
  struct Driver {
    let library: InMemoryLibrary
    var state: ReaderState
    var clock: Double = 1000
    /// Effects the fake did not carry out (links, clipboard, export, notes).
    var external: [ReaderEffect] = []

    init(_ library: InMemoryLibrary, width: Int = 120, height: Int = 30) {
      self.library = library
      let topics = TopicSet([try! Topic(name: "Graphs", query: "graphs")])
      let settings = ReaderSettings(
        libraryName: "fake", topics: topics, today: Day("2026-11-27")!)
      state = ReaderState(
        store: library, settings: settings, size: Size(width: width, height: height), now: clock)
    }

    mutating func send(_ event: ReaderEvent, after seconds: Double = 0.1) {
      clock += seconds
      var pending = state.handle(event, now: clock)
      if state.hasPendingWork { pending += state.handle(.tick, now: clock) }
      while !pending.isEmpty {
        let effect = pending.removeFirst()
        if let outcome = library.perform(effect) {
          pending += state.handle(.completed(outcome), now: clock)
        } else {
          external.append(effect)
        }
      }
    }

    mutating func type(_ text: String) {
      for character in text {
        switch character {
        case "\u{1B}": send(.key(.escape))
        case "\n": send(.key(.enter))
        default: send(.key(.character(character)))
        }
      }
    }
  }

  func testStartsOnTheNewestDayAndMovesThroughIt() {
    var driver = Driver(InMemoryLibrary(days: 3, perDay: 40))
    XCTAssertEqual(driver.state.scope, .day(Day("2026-11-27")!))
    XCTAssertEqual(driver.state.counts, ListCounts(total: 40, unread: 40, starred: 0))
    XCTAssertTrue(driver.state.countsKnown, "one day is counted on the spot")
    XCTAssertEqual(driver.state.selectedSummary?.title, "Day 0 paper 0 on graphs")
    driver.type("jjj")
    XCTAssertEqual(driver.state.selected, 3)
    XCTAssertEqual(driver.state.detail?.paper.title, "Day 0 paper 3 on proteins")
    driver.type("G")
    XCTAssertEqual(driver.state.selected, 39)
    XCTAssertTrue(driver.state.visibleRange.contains(39), "the end is on screen")
    driver.type("k[")
    XCTAssertEqual(driver.state.scope, .day(Day("2026-11-26")!), "[ goes a day older")
    driver.type("a")
    XCTAssertEqual(driver.state.scope, .allDays)
    XCTAssertEqual(driver.state.counts.total, 120)
  }

  func testStarringTakesEffectOnlyWhenTheOutcomeComesBack() {
    let library = InMemoryLibrary(days: 1, perDay: 10)
    var driver = Driver(library)
    driver.type("j")
    let id = driver.state.detail!.id
    // The key alone asks; nothing changes until the outcome is fed back.
    var state = driver.state
    XCTAssertEqual(
      state.handle(.key(.character("s")), now: 2000), [.setStarred(id: id, starred: true)])
    XCTAssertEqual(state.detail?.state.isStarred, false)
    XCTAssertEqual(state.counts.starred, 0)

    driver.type("s")
    XCTAssertEqual(library.papers.first { $0.id == id }?.state.isStarred, true)
    XCTAssertEqual(driver.state.detail?.state.isStarred, true)
    XCTAssertEqual(driver.state.selectedSummary?.isStarred, true, "the row follows")
    XCTAssertEqual(driver.state.counts.starred, 1)
    XCTAssertEqual(driver.state.status?.text, "starred")
    driver.type("r")
    XCTAssertEqual(driver.state.counts.unread, 9)
    XCTAssertEqual(driver.state.status?.text, "marked read")
  }

  func testSearchFiltersAsTypedAndEscStepsBackOneThingAtATime() {
    var driver = Driver(InMemoryLibrary(days: 2, perDay: 10))
    driver.type("/proteins")
    XCTAssertEqual(
      driver.state.mode,
      .search(
        SearchLine(text: "proteins", previous: nil), over: .list))
    XCTAssertEqual(driver.state.counts.total, 5, "the list follows the line as it is typed")
    driver.type("\n")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertEqual(driver.state.query?.text, "proteins")
    XCTAssertTrue(driver.state.selectedSummary!.title.hasSuffix("proteins"))
    driver.type("a")
    XCTAssertEqual(driver.state.counts.total, 10, "the filter holds over all days")

    driver.type("\u{1B}")
    XCTAssertNil(driver.state.query, "Esc clears the filter first")
    XCTAssertEqual(driver.state.scope, .allDays)
    driver.type("\u{1B}")
    XCTAssertEqual(driver.state.scope, .day(Day("2026-11-27")!), "then goes back to the start view")
    driver.type("\u{1B}")
    XCTAssertEqual(driver.state.status?.text, "Esc: nothing to go back to — q quits")
    XCTAssertFalse(driver.state.isFinished)
  }

  func testSearchLineEscRestoresTheQueryBeforeIt() {
    var driver = Driver(InMemoryLibrary(days: 1, perDay: 10))
    driver.type("/graphs\n")
    driver.type("/")
    XCTAssertEqual(driver.state.searchLine?.text, "graphs", "the line opens on the query")
    driver.send(.key(.control("u")))
    driver.type("proteins")
    XCTAssertEqual(driver.state.query?.text, "proteins")
    driver.type("\u{1B}")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertEqual(driver.state.query?.text, "graphs")
  }

  func testTopicPickerCountsInTheBackgroundAndAppliesTheTopic() {
    var driver = Driver(InMemoryLibrary(days: 1, perDay: 10))
    driver.type("t")
    guard case .topicPicker(let picker, over: .list) = driver.state.mode else {
      return XCTFail("the picker is in front of the list: \(driver.state.mode)")
    }
    XCTAssertEqual(picker.entries.map(\.name), [nil, "Graphs"])
    XCTAssertEqual(
      picker.entries.map(\.counts),
      [ListCounts(total: 10, unread: 10), ListCounts(total: 5, unread: 5)],
      "the counts came back from the effects the idle tick asked for")
    driver.type("j\n")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertEqual(driver.state.query?.text, "topic:\"Graphs\"")
    XCTAssertEqual(driver.state.counts.total, 5)
    XCTAssertEqual(driver.state.status?.text, "topic: Graphs · Esc clears it")
    driver.type("\u{1B}")
    XCTAssertNil(driver.state.query)
    XCTAssertEqual(driver.state.status?.text, "topic cleared")
  }

  func testReadingViewHelpAndBack() {
    let library = InMemoryLibrary(days: 1, perDay: 5)
    var driver = Driver(library, width: 80, height: 24)
    driver.type("\n")
    XCTAssertEqual(driver.state.mode, .screen(.reading))
    let id = driver.state.detail!.id
    XCTAssertEqual(library.papers.first { $0.id == id }?.state.isRead, true, "opening reads it")
    driver.type("?")
    XCTAssertEqual(driver.state.mode, .help(HelpState(context: .reading), over: .reading))
    driver.type("jx")
    XCTAssertEqual(driver.state.mode, .screen(.reading), "help closes onto the reading view")
    driver.type("J")
    XCTAssertEqual(driver.state.selected, 1, "J goes to the next paper, still reading")
    XCTAssertEqual(driver.state.mode, .screen(.reading))
    driver.type("\u{1B}")
    XCTAssertEqual(driver.state.mode, .list)
    driver.type("q")
    XCTAssertTrue(driver.state.isFinished)
  }

  func testMarkAllReadAsksFirstAndOnlyYesMarks() {
    let library = InMemoryLibrary(days: 2, perDay: 6)
    var driver = Driver(library)
    driver.type("A")
    XCTAssertEqual(driver.state.mode, .confirmation(.markAllRead(count: 6), over: .list))
    driver.type("n")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertEqual(driver.state.status?.text, "cancelled")
    XCTAssertEqual(driver.state.counts.unread, 6)

    driver.type("Ay")
    XCTAssertEqual(driver.state.mode, .list)
    XCTAssertEqual(driver.state.counts.unread, 0)
    XCTAssertEqual(driver.state.status?.text, "marked 6 papers read")
    XCTAssertEqual(
      library.papers.filter { !$0.state.isRead }.count, 6, "only the day shown was marked")
  }

  func testMoreLikeThisIsAListingAndEscLeavesIt() {
    var driver = Driver(InMemoryLibrary(days: 1, perDay: 8))
    driver.type("jj")
    let id = driver.state.detail!.id
    driver.type("m")
    XCTAssertEqual(driver.state.mode, .list, "a listing, not a mode")
    XCTAssertEqual(driver.state.similar?.paperID, id)
    XCTAssertEqual(driver.state.counts.total, 7)
    XCTAssertFalse(driver.state.selectedSummary?.id == id)
    driver.type("\u{1B}")
    XCTAssertNil(driver.state.similar)
    XCTAssertEqual(driver.state.detail?.id, id, "back on the paper it started from")
  }

  func testTheMarkReadTimerRunsOnlyWhileTheUserReadsInTheList() {
    let library = InMemoryLibrary(days: 1, perDay: 5)
    var driver = Driver(library)
    driver.send(.tick, after: 10)
    XCTAssertEqual(driver.state.counts.unread, 5, "not for the paper the listing starts on")
    driver.type("j?")
    driver.send(.tick, after: 10)
    XCTAssertEqual(driver.state.counts.unread, 5, "not while help is in front")
    driver.type("x")
    driver.send(.tick, after: 1)
    XCTAssertEqual(driver.state.counts.unread, 5, "the time in help did not count")
    driver.send(.tick, after: 1.5)
    XCTAssertEqual(driver.state.counts.unread, 4)
    XCTAssertEqual(driver.state.detail?.state.isRead, true)
    XCTAssertEqual(library.papers[1].state.isRead, true)
  }

  func testHidingReadKeepsTheSelectedPaperAndNextUnreadCrossesDays() {
    let library = InMemoryLibrary(days: 2, perDay: 3)
    var driver = Driver(library)
    driver.type("rjrj")
    XCTAssertEqual(driver.state.counts.unread, 1)
    driver.type("kH")
    XCTAssertTrue(driver.state.hidesRead)
    XCTAssertEqual(driver.state.detail?.id, library.papers[1].id, "the read paper stays selected")
    XCTAssertEqual(driver.state.counts.total, 2, "it and the one unread paper")
    driver.type("n")
    XCTAssertEqual(driver.state.detail?.id, library.papers[2].id)
    driver.type("n")
    XCTAssertEqual(driver.state.scope, .day(Day("2026-11-26")!), "n goes on to the day before")
    XCTAssertEqual(driver.state.detail?.id, library.papers[3].id)
  }

  func testTheStateOnlyReadsWhatAScreenfulNeeds() {
    let library = InMemoryLibrary(days: 1, perDay: 1000)
    var driver = Driver(library, height: 20)
    XCTAssertEqual(driver.state.window.rows.count, driver.state.layout.list.height)
    let readsBefore = library.reads.count
    driver.type("j")
    XCTAssertEqual(
      Array(library.reads.dropFirst(readsBefore)), ["paper"],
      "a move within the rows held reads only the paper it lands on")
    driver.type("jjjj")
    XCTAssertLessThanOrEqual(
      driver.state.window.rows.count, 5 * driver.state.layout.list.height,
      "the window holds a few screenfuls, never the day")
    driver.state.prefetch()
    XCTAssertFalse(driver.state.wantsPrefetch)
    XCTAssertLessThanOrEqual(driver.state.window.rows.count, 5 * driver.state.layout.list.height)
  }
}
