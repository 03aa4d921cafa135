import Foundation
import XCTest

/// Searching and topics in the real reader, in tmux.
final class SearchEndToEndTests: XCTestCase {
  func startReader(_ folio: FolioRunner) throws -> TmuxSession {
    try TmuxSession([FolioRunner.binary.path], environment: folio.environment, testCase: self)
  }

  /// The titles in the list column of a 120-column screen.
  static func listTitles(_ screen: String) -> [String] {
    screen.split(separator: "\n").dropFirst().dropLast().compactMap { line in
      guard let bar = line.firstIndex(of: "│") else { return nil }
      let title = line[..<bar].dropFirst(4).trimmingCharacters(in: .whitespaces)
      return title.isEmpty ? nil : title
    }
  }

  func testTypingASearchNarrowsTheListAndEscRestoresIt() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor("Need is All You Need")
    try tmux.type("/person re")
    let screen = try tmux.waitFor("│ / person re")
    XCTAssertFalse(screen.contains("Need is All You Need"), screen)
    // The screen lists exactly what the same query lists from the CLI, and those are re-ID papers.
    let titles = Self.listTitles(screen)
    let expected = try folio.rows(["--filter", "person re"]).map { $0[4] }
    XCTAssertEqual(titles.count, min(expected.count, 38))
    for (shown, full) in zip(titles, expected) {
      XCTAssertTrue(
        full.hasPrefix(shown.replacingOccurrences(of: "…", with: "")), "\(shown) / \(full)")
    }
    let reID = expected.filter {
      $0.lowercased().contains("re-identi") || $0.lowercased().contains("person")
    }
    XCTAssertGreaterThanOrEqual(reID.count * 10, expected.count * 8, "\(expected)")
    try tmux.send("Escape")
    try tmux.waitForScreen("the unfiltered list") {
      $0.contains("Need is All You Need") && !$0.contains("/ person")
    }
  }

  func testPickingATopicFiltersTheList() throws {
    let folio = try FolioRunner(self)
    let tmux = try startReader(folio)
    try tmux.waitFor("Need is All You Need")
    try tmux.send("t")
    try tmux.waitFor("Person re-identification")
    for _ in 0..<5 { try tmux.send("j") }
    try tmux.send("Enter")
    let screen = try tmux.waitFor("│ / topic:\"Person re-identification\"")
    XCTAssertTrue(screen.contains("31 shown"), screen)
    let expected = try folio.rows(["--topic", "Person re-identification"]).map { $0[4] }
    XCTAssertEqual(expected.count, 31)
    for (shown, full) in zip(Self.listTitles(screen), expected) {
      XCTAssertTrue(
        full.hasPrefix(shown.replacingOccurrences(of: "…", with: "")), "\(shown) / \(full)")
    }
  }
}
