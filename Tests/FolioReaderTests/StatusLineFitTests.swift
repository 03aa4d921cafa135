import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

/// The status line keeps the way to the help and the way out at every width; other hints
/// drop first, in order of usefulness.
final class StatusLineFitTests: XCTestCase {
  /// The status line's text row (the last row of the screen).
  func statusLine(_ harness: ReaderHarness) -> String {
    harness.grid.textRows.last ?? ""
  }

  func testStatusLineKeepsHelpAndQuitAtEveryWidth() throws {
    let store = try makeLibrary()
    for width in 40...200 {
      let harness = ReaderHarness(store: store, width: width, height: 24)
      let line = statusLine(harness)
      XCTAssertTrue(line.contains("? help"), "width \(width): \(line)")
      XCTAssertTrue(line.contains("q quit"), "width \(width): \(line)")
      XCTAssertTrue(line.contains("j/k move"), "width \(width): the first hint fits: \(line)")
    }
  }

  func testStatusLineKeepsHelpInEveryView() throws {
    let store = try makeLibrary()
    for width in 40...200 {
      var detail = ReaderHarness(store: store, width: width, height: 24)
      detail.press(.tab)
      XCTAssertTrue(statusLine(detail).contains("? help"), "detail \(width): \(statusLine(detail))")
      XCTAssertTrue(statusLine(detail).contains("q quit"), "detail \(width): \(statusLine(detail))")

      var reading = ReaderHarness(store: store, width: width, height: 24)
      reading.press(.enter)
      let line = statusLine(reading)
      XCTAssertTrue(line.contains("? help"), "reading \(width): \(line)")
      XCTAssertTrue(line.contains("q/Esc back"), "reading \(width): \(line)")

      var similar = ReaderHarness(store: store, width: width, height: 24)
      similar.type("m")
      XCTAssertNotNil(similar.state.similar)
      XCTAssertTrue(statusLine(similar).contains("? help"), "similar \(width)")
      XCTAssertTrue(statusLine(similar).contains("Esc back"), "similar \(width)")
    }
  }

  /// Hints drop from the end of the optional ones, never from the middle; the kept ones stay
  /// in their place, at the end.
  func testHintsThatDoNotFitDropInOrderOfUsefulness() throws {
    let store = try makeLibrary()
    let state = ReaderHarness(store: store, width: 80, height: 24).state
    let hints = StatusView.hints(for: state)
    var previous: [StatusView.Hint] = []
    for room in 0...200 {
      let shown = StatusView.fitting(hints, room: room)
      let width = shown.isEmpty ? 0 : 1 + shown.map { $0.width + 2 }.reduce(0, +) - 2
      XCTAssertLessThanOrEqual(width, room, "room \(room)")
      XCTAssertTrue(
        previous.allSatisfy(shown.contains), "room \(room): a wider line shows all it did")
      let optional = shown.filter { !$0.isKept }
      XCTAssertEqual(optional, Array(hints.filter { !$0.isKept }.prefix(optional.count)))
      previous = shown
    }
    XCTAssertEqual(StatusView.fitting(hints, room: 200), hints, "all fit on a wide line")
    XCTAssertEqual(StatusView.fitting(hints, room: 14).map(\.label), ["help"])
  }

  func testStatusLineAtTheWidthsTheIssueNamed() throws {
    let store = try makeLibrary()
    for width in [80, 100, 110] {
      let harness = ReaderHarness(store: store, width: width, height: 24)
      XCTAssertTrue(statusLine(harness).contains("  ? help  q quit "), statusLine(harness))
    }
  }
}
