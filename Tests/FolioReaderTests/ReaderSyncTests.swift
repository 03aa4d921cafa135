import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// The reader's background sync (issue 21) ends as an event: a sync that moved something says
/// so on the status line, a quiet one says nothing, a failure is an error line.
final class ReaderSyncTests: XCTestCase {
  func testASyncsEndIsShownOnlyWhenItSaysSomething() throws {
    var harness = ReaderHarness(store: try makeLibrary())
    harness.send(.syncFinished(.success("sync: sent 1 changes, received 2 (2 applied, 0 waiting)")))
    XCTAssertEqual(
      harness.state.status?.text, "sync: sent 1 changes, received 2 (2 applied, 0 waiting)")
    harness.type("j")
    let before = harness.state.status
    harness.send(.syncFinished(.success("")))
    XCTAssertEqual(harness.state.status, before, "a quiet sync changes nothing shown")
    harness.send(.syncFinished(.failure(FetchFailure("cannot reach the git remote origin: x"))))
    XCTAssertEqual(
      harness.state.status,
      StatusMessage("sync failed: cannot reach the git remote origin: x", isError: true))
  }
}
