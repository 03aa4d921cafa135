import FolioCore
import Foundation
import XCTest

@testable import FolioFuzzing

/// Replays the fuzz corpus through each target: the inputs the fuzzer found interesting,
/// packed in `Corpus/<target>.tar.gz`, and the loose files in `Corpus/<target>/` (every input
/// that once broke a promise, named `crash-*`, and the hand-written seeds) must keep passing.
final class FuzzCorpusTests: XCTestCase {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  /// Where the archives are unpacked, once for the class; removed when its tests end.
  static let unpacked = FileManager.default.temporaryDirectory
    .appendingPathComponent("folio-corpus-\(UUID().uuidString)")

  override class func tearDown() {
    try? FileManager.default.removeItem(at: unpacked)
    super.tearDown()
  }

  func testEveryTargetHasACorpusAndEveryInputKeepsThePromises() throws {
    for target in FuzzTarget.allCases {
      let inputs = try Self.packedInputs(target) + Self.looseInputs(target)
      XCTAssertGreaterThan(inputs.count, 0, "\(target.rawValue) has no corpus")
      for input in inputs {
        let data = try Data(contentsOf: input)
        let findings = target.findings([UInt8](data))
        XCTAssertEqual(findings, [], "\(target.rawValue)/\(input.lastPathComponent)")
      }
    }
  }

  /// The archives hold what libFuzzer found (named by its SHA-1); an input a person names
  /// stays a loose file, and a found one left loose would bring the thousands of files back.
  func testFoundInputsArePackedAndNamedOnesStayLoose() throws {
    var packed = 0
    for target in FuzzTarget.allCases {
      let inputs = try Self.packedInputs(target)
      packed += inputs.count
      for input in inputs {
        XCTAssertTrue(Self.isFound(input.lastPathComponent), "\(target)/\(input)")
      }
      for input in try Self.looseInputs(target) {
        XCTAssertFalse(
          Self.isFound(input.lastPathComponent),
          "\(target.rawValue)/\(input.lastPathComponent) belongs in \(target.rawValue).tar.gz "
            + "(scripts/fuzz --merge packs it)")
      }
    }
    XCTAssertGreaterThan(packed, 1000, "the archives unpack")
    XCTAssertTrue(
      try Self.looseInputs(.query).contains { $0.lastPathComponent == "crash-nested-negations" })
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

  /// Whether `name` is one libFuzzer gave: the SHA-1 of the input in hex.
  static func isFound(_ name: String) -> Bool {
    name.utf8.count == 40
      && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// The loose files of `target`'s corpus, sorted; none when the target has none.
  static func looseInputs(_ target: FuzzTarget) throws -> [URL] {
    let directory = corpus.appendingPathComponent(target.rawValue)
    guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
      .map { directory.appendingPathComponent($0) }
  }

  /// The inputs of `target`'s archive, sorted (none when it has no archive): unpacked with
  /// tar, as scripts/fuzz does, into ``unpacked`` the first time.
  static func packedInputs(_ target: FuzzTarget) throws -> [URL] {
    let archive = corpus.appendingPathComponent("\(target.rawValue).tar.gz")
    guard FileManager.default.fileExists(atPath: archive.path) else { return [] }
    let directory = unpacked.appendingPathComponent(target.rawValue)
    if !FileManager.default.fileExists(atPath: directory.path) {
      let partial = unpacked.appendingPathComponent("\(target.rawValue).partial")
      try? FileManager.default.removeItem(at: partial)
      try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
      let tar = Process()
      tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      tar.arguments = ["tar", "-xzf", archive.path, "-C", partial.path]
      try tar.run()
      tar.waitUntilExit()
      XCTAssertEqual(tar.terminationStatus, 0, "tar -xzf \(archive.path)")
      try FileManager.default.moveItem(at: partial, to: directory)
    }
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
      .map { directory.appendingPathComponent($0) }
  }
}
