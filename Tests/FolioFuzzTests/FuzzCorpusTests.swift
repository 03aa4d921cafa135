import FolioCore
import Foundation
import XCTest

@testable import FolioFuzzing

/// Replays the fuzz corpus kept in `Corpus/<target>/` through each target: the inputs the
/// fuzzer found interesting, and every input that once broke a promise (named `crash-*`),
/// must keep passing.
final class FuzzCorpusTests: XCTestCase {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  func testEveryTargetHasACorpusAndEveryInputKeepsThePromises() throws {
    for target in FuzzTarget.allCases {
      let directory = Self.corpus.appendingPathComponent(target.rawValue)
      let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
      XCTAssertGreaterThan(files.count, 0, "\(target.rawValue) has no corpus")
      for name in files {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        let findings = target.findings([UInt8](data))
        XCTAssertEqual(findings, [], "\(target.rawValue)/\(name)")
      }
    }
  }

  func testTheInertCheckCatchesWhatATerminalWouldActOn() {
    let paper = Paper(
      id: "x", arxivID: nil, title: "Title \u{1B}]52;c;eA==\u{07}", abstract: "fine",
      authors: ["A \u{202E}B"], published: nil, day: Day(year: 2026, month: 1, day: 1)!,
      source: "text", links: PaperLinks(project: "https://x.example/\u{9B}2J"), upvotes: nil,
      categories: [])
    let findings = InertText.findings(in: paper)
    XCTAssertEqual(findings.count, 3, "\(findings)")
    XCTAssertNil(InertText.offendingScalar(in: "line one\nline two", multiline: true))
    XCTAssertEqual(InertText.offendingScalar(in: "a\u{0}b"), "\u{0}")
  }
}
