import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

final class ReaderStateChangeTests: XCTestCase {
  func testStarIsWrittenBeforeTheScreenShowsIt() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    let effects = harness.state.handle(.key(.character("s")), now: 2000)
    XCTAssertEqual(effects, [.setStarred(id: id, starred: true)])
    XCTAssertFalse(harness.state.selectedSummary!.isStarred, "nothing shows before the write")
    XCTAssertFalse(harness.screen.contains("starred"))

    let outcome = try XCTUnwrap(effects[0].outcomeAtOnce(on: store))
    _ = harness.state.handle(.completed(outcome), now: 2000)
    XCTAssertTrue(harness.state.selectedSummary!.isStarred)
    XCTAssertEqual(harness.state.status?.text, "starred")
    XCTAssertEqual(harness.state.counts.starred, 2)
    XCTAssertEqual(try store.paper(id: id)?.state.isStarred, true)

    harness.type("s")
    XCTAssertEqual(harness.state.status?.text, "unstarred")
    XCTAssertEqual(try store.paper(id: id)?.state.isStarred, false)
  }

  func testReadToggles() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    harness.type("r")
    XCTAssertEqual(harness.state.status?.text, "marked read")
    XCTAssertEqual(try store.paper(id: id)?.state.isRead, true)
    harness.type("r")
    XCTAssertEqual(harness.state.status?.text, "marked unread")
    XCTAssertEqual(try store.paper(id: id)?.state.isRead, false)
    harness.send(.tick, after: 5)
    XCTAssertEqual(
      try store.paper(id: id)?.state.isRead, false, "the timer respects the user's choice")
  }

  func testAFailedWriteShowsAnErrorAndChangesNothing() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.send(.completed(.failed("the library is read-only; nothing was changed")))
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("the library is read-only; nothing was changed", isError: true))
  }

  func testMarkAllReadAsksFirst() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("A")
    XCTAssertEqual(harness.state.confirmation, .markAllRead(count: 287))
    XCTAssertTrue(harness.screen.contains("Mark 287 unread papers shown as read? (y/n)"))
    harness.type("n")
    XCTAssertEqual(harness.state.status?.text, "cancelled")
    XCTAssertEqual(harness.state.counts.unread, 287)

    harness.type("Ay")
    XCTAssertEqual(harness.state.status?.text, "marked 287 papers read")
    XCTAssertEqual(harness.state.counts.unread, 0)
    XCTAssertEqual(try store.counts(PaperFilter(day: earlierDay)).unread, 2, "other days untouched")
    harness.type("A")
    XCTAssertEqual(harness.state.status?.text, "nothing unread here")
  }

  func testLingeringSelectionIsMarkedReadOnce() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("j")
    let id = try XCTUnwrap(harness.state.detail?.id)
    harness.send(.tick, after: 1.0)
    XCTAssertEqual(try store.paper(id: id)?.state.isRead, false)
    harness.send(.tick, after: 1.0)
    XCTAssertEqual(try store.paper(id: id)?.state.isRead, true)
    XCTAssertNil(harness.state.status, "no message for the automatic mark")
    harness.send(.tick, after: 5)
    XCTAssertEqual(harness.effects.count, 1)

    harness.type("j")
    harness.send(.tick, after: 1.5)
    harness.type("j")
    harness.send(.tick, after: 1.5)
    XCTAssertEqual(harness.effects.count, 1, "moving on restarts the timer")
  }

  func testThePaperTheReaderOpensOnIsNotMarkedReadUnlooked() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let first = try XCTUnwrap(harness.state.detail?.id)
    for _ in 0..<30 { harness.send(.tick, after: 1) }
    XCTAssertEqual(try store.paper(id: first)?.state.isRead, false, "no key moved there")
    XCTAssertTrue(harness.effects.isEmpty)
  }

  func testTheTimerWaitsWhileASearchLineOrOverlayIsOpen() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("j/synthli")
    let underTheLine = try XCTUnwrap(harness.state.detail?.id)
    for _ in 0..<6 { harness.send(.tick, after: 0.5) }
    XCTAssertEqual(try store.paper(id: underTheLine)?.state.isRead, false, "not while searching")
    harness.press(.escape)
    harness.type("j")
    let chosen = try XCTUnwrap(harness.state.detail?.id)
    harness.type("?")
    for _ in 0..<6 { harness.send(.tick, after: 0.5) }
    XCTAssertEqual(try store.paper(id: chosen)?.state.isRead, false, "not behind the help")
    harness.type("x")
    harness.send(.tick, after: 1.5)
    XCTAssertEqual(try store.paper(id: chosen)?.state.isRead, false, "the timer starts again")
    harness.send(.tick, after: 1)
    XCTAssertEqual(try store.paper(id: chosen)?.state.isRead, true, "read in the list")
  }

  func testAPaperThatSlidesIntoTheSelectionIsNotMarkedReadInTurn() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("/is:unread\nj")
    let chosen = try XCTUnwrap(harness.state.detail?.id)
    harness.send(.tick, after: 2.5)
    XCTAssertEqual(try store.paper(id: chosen)?.state.isRead, true)
    let slidIn = try XCTUnwrap(harness.state.detail?.id)
    XCTAssertNotEqual(slidIn, chosen, "the read paper left the is:unread listing")
    for _ in 0..<5 { harness.send(.tick, after: 2.5) }
    XCTAssertEqual(
      try store.paper(id: slidIn)?.state.isRead, false, "no chain of papers marked unlooked")
  }

  func testMarkReadOnOpenAndNever() throws {
    let store = try makeLibrary()
    var onOpen = ReaderHarness(store: store, settings: ReaderSettings(markReadAfter: nil))
    onOpen.type("jj")
    onOpen.send(.tick, after: 10)
    let id = try XCTUnwrap(onOpen.state.detail?.id)
    XCTAssertEqual(try store.paper(id: id)?.state.isRead, false)
    onOpen.press(.enter)
    XCTAssertEqual(try store.paper(id: id)?.state.isRead, true, "\"open\" marks on Enter")
    var never = ReaderHarness(
      store: store, settings: ReaderSettings(markReadAfter: nil, markReadOnOpen: false))
    never.type("jjj")
    never.press(.enter)
    never.type("J")
    never.send(.tick, after: 10)
    XCTAssertTrue(never.effects.allSatisfy(\.isForYouSignal), "\"never\" never marks")
  }

  func testMarkReadTimerCanBeSwitchedOff() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store, settings: ReaderSettings(markReadAfter: nil))
    harness.send(.tick, after: 60)
    XCTAssertTrue(harness.effects.isEmpty)
  }

  func testOpenAndCopyOnlyHTTPLinks() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("o")
    XCTAssertEqual(harness.external, [.openURL("https://arxiv.org/abs/2411.01234")])
    harness.type("y")
    XCTAssertEqual(harness.external.last, .copyToClipboard("https://arxiv.org/abs/2411.01234"))
    harness.send(.completed(.copied("https://arxiv.org/abs/2411.01234")))
    XCTAssertEqual(harness.state.status?.text, "copied https://arxiv.org/abs/2411.01234")

    harness.type("jjjj")  // a sample paper without any link
    XCTAssertNil(harness.state.detail?.paper.links.main)
    harness.type("o")
    XCTAssertEqual(harness.state.status, StatusMessage("this paper has no link", isError: true))
    XCTAssertEqual(harness.external.count, 2)
  }

  func testWebLinkPolicy() {
    XCTAssertTrue(WebLink.isSafe("https://arxiv.org/abs/2401.00001"))
    XCTAssertTrue(
      WebLink.isSafe("https://x/$(touch /tmp/pwned);`id`"), "shell text is only text to a browser")
    XCTAssertFalse(WebLink.isSafe("javascript:alert(1)"))
    XCTAssertFalse(WebLink.isSafe("file:///etc/passwd"))
    XCTAssertFalse(WebLink.isSafe("https://"))
    XCTAssertFalse(WebLink.isSafe("https://x.org/\u{1B}]52;c;x\u{7}"))
  }

  func testChangesFromAnotherProcessAppearOnLibraryChanged() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let ids = try store.summaries(PaperFilter(day: sampleDay), limit: 3, offset: 0).map(\.id)
    try store.setStarred(true, ids: [ids[2]])
    XCTAssertFalse(harness.state.window[2]!.isStarred)
    harness.send(.libraryChanged)
    XCTAssertTrue(harness.state.window[2]!.isStarred)
    XCTAssertEqual(harness.state.counts.starred, 2)
  }

  func testSelectionFollowsItsPaperWhenAnImportReordersTheListing() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    harness.type("jjjjj")
    let id = try XCTUnwrap(harness.state.detail?.id)
    try store.importPapers(file: "new", format: "test", source: "hf") { session in
      try session.add(
        Paper.fromSource(
          title: "Hot New Paper", abstract: "x", day: sampleDay, source: "hf", upvotes: 99)!)
    }
    harness.send(.libraryChanged)
    XCTAssertEqual(harness.state.detail?.id, id)
    XCTAssertEqual(harness.state.selected, 6)
    XCTAssertEqual(harness.state.window[0]?.title, "Hot New Paper")
  }
}

final class ReaderFetchTests: XCTestCase {
  func testShiftRAsksForAFetchAndShowsItsProgressAndEnd() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.type("R")
    XCTAssertEqual(harness.external, [.fetch])
    harness.send(.completed(.fetchStarted))
    XCTAssertEqual(harness.state.fetchStatus, "starting")
    harness.send(.fetchProgress("Hugging Face page 2"))
    XCTAssertTrue(harness.screen.contains("⟳ fetching: Hugging Face page 2"))
    harness.type("R")
    XCTAssertEqual(harness.external, [.fetch], "one fetch at a time")
    XCTAssertEqual(harness.state.status?.text, "a fetch is already running")
    harness.send(.fetchFinished(.success("imported 3 new, 0 updated, 0 unchanged")))
    XCTAssertNil(harness.state.fetchStatus)
    XCTAssertEqual(harness.state.status?.text, "fetched: imported 3 new, 0 updated, 0 unchanged")
    harness.send(.fetchFinished(.failure(FetchFailure("cannot reach huggingface.co: timed out"))))
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("fetch failed: cannot reach huggingface.co: timed out", isError: true))
  }
}

final class ReaderPDFTests: XCTestCase {
  /// `O` asks the app for the selected paper's PDF; progress and the end come back as events
  /// shown on the status line, and keys keep working meanwhile.
  func testShiftOAsksForThePDFAndShowsItsProgressAndEnd() throws {
    let store = try makeLibrary()
    var harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    harness.type("O")
    XCTAssertEqual(harness.external, [.app(.openPDF(id: id))])
    XCTAssertNotNil(
      try store.forYouSignals()
        .first { $0.id == id && $0.signal == .opened },
      "opening the PDF teaches For you, as opening the link does")
    harness.send(.completed(.pdfStarted(id: id)))
    XCTAssertEqual(harness.state.status?.text, "PDF of \(id): starting…")
    harness.send(.pdfProgress("downloading \(id), 1.5 MB"))
    XCTAssertTrue(harness.screen.contains("PDF: downloading \(id), 1.5 MB"))
    harness.type("j")
    XCTAssertEqual(harness.state.selected, 1, "keys keep working during a download")
    harness.send(.pdfFinished(.success("downloaded and opened /c/folio/pdf/x.pdf")))
    XCTAssertEqual(harness.state.status?.text, "downloaded and opened /c/folio/pdf/x.pdf")
    harness.send(.pdfFinished(.failure(FetchFailure("the answer from u is not a PDF"))))
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("PDF failed: the answer from u is not a PDF", isError: true))
  }
}
