import FolioCore
import Foundation
import XCTest

/// Issue 15, finding 8: a 38 MB Atom file peaked at ~300 MB, because the feed was parsed into
/// one tree (after whole copies of it for decoding and entities); and `import -` read standard
/// input (and a FIFO) whole into memory. Both now read in bounded memory.
final class LargeFeedMemoryTests: XCTestCase {
  /// The data limit (`ulimit -d`, KiB) the import runs under, as in ``LargeImportMemoryTests``:
  /// heap and anonymous memory, not a memory-mapped input file. The library itself needs about
  /// 100 MB of it while importing (its page cache and full-text buffers).
  static let dataLimitKiB = 128 * 1024

  /// A seeded Atom feed of about 40 MB: 13,000 entries of 3 KB, with an entity in each title.
  static func writeAtomFeed(to path: String) throws -> Int {
    var random = SplitMix64(seed: 8)
    let words = ["learning", "model", "graph", "neural", "data", "robust", "theory", "sparse"]
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    var feed = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    feed += #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
    var written = 0
    var count = 0
    while written < 40_000_000 {
      let abstract = (0..<400).map { _ in words[Int(random.next() % 8)] }.joined(separator: " ")
      feed += "<entry><id>http://arxiv.org/abs/2401.\(String(format: "%05d", count))v1</id>"
      feed += "<published>2024-01-02T00:00:00Z</published><title>Paper \(count) &amp; more</title>"
      feed += "<summary>\(abstract)</summary><author><name>A B</name></author></entry>\n"
      count += 1
      if feed.utf8.count > 1 << 20 {
        written += feed.utf8.count
        try handle.write(contentsOf: Data(feed.utf8))
        feed = ""
      }
    }
    try handle.write(contentsOf: Data((feed + "</feed>\n").utf8))
    try handle.close()
    return count
  }

  /// A seeded Hugging Face file of about 100 MB: 2,000 items whose bulk is a field Folio
  /// ignores. Read whole into memory, it alone is near the data limit.
  static func writeHuggingFaceFile(to path: String) throws -> Int {
    var random = SplitMix64(seed: 15)
    let base = (0..<40_000).map { _ in String(random.next() % 10_000) }.joined(separator: " ")
    let baseBytes = Array(base.utf8)
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    let count = 2_000
    for index in 0..<count {
      let offset = Int(random.next() % UInt64(baseBytes.count / 2))
      let head =
        (index == 0 ? "[" : ",")
        + #"{"paper": {"id": "2401.\#(String(format: "%05d", index))", "title": "Paper \#(index)", "#
        + #""summary": "Short.", "ai_summary": ""#
      let junk = baseBytes[offset..<(offset + 50_000)]
      try handle.write(contentsOf: Data(head.utf8) + Data(junk) + Data(#""}}"#.utf8))
    }
    try handle.write(contentsOf: Data("]\n".utf8))
    try handle.close()
    return count
  }

  /// Runs `script` under `shell` with the data limit; `$0` is the folio binary and `$1` the
  /// input. Standard output comes back trimmed.
  func runLimited(
    _ script: String, shell: String = "/bin/sh", input: String, runner: FolioRunner,
    environment extra: [String: String] = [:]
  ) throws -> (status: Int32, output: String, errors: String) {
    let result = try runner.runWithDataLimit(
      script, dataLimitKiB: Self.dataLimitKiB, input: input, shell: shell, environment: extra)
    return (
      result.status, result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), result.stderr
    )
  }

  func testAFortyMegabyteAtomFeedImportsUnderADataLimit() throws {
    let runner = try FolioRunner(self)
    let path = runner.directory.appendingPathComponent("big.atom").path
    let count = try Self.writeAtomFeed(to: path)
    let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    XCTAssertGreaterThan(size, 40_000_000)
    let result = try runLimited(#"exec "$0" import "$1""#, input: path, runner: runner)
    XCTAssertEqual(result.status, 0, result.errors)
    XCTAssertEqual(result.output, "imported \(count) new, 0 updated, 0 unchanged", result.errors)
    let shown = try runner.run(["show", "2401.00007"])
    XCTAssertTrue(shown.stdout.contains("Paper 7 & more"), shown.stdout)
  }

  /// Standard input and a FIFO (`<(cat file)`) are copied to an unlinked temporary file in
  /// `$TMPDIR` and mapped, not read into memory; the copy is gone afterwards.
  func testALargeFileThroughStandardInputOrAFIFOImportsUnderADataLimit() throws {
    let runner = try FolioRunner(self)
    let path = runner.directory.appendingPathComponent("big-hf.json").path
    let count = try Self.writeHuggingFaceFile(to: path)
    let spool = runner.directory.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
    let piped = try runLimited(
      #"exec "$0" import - < "$1""#, input: path, runner: runner,
      environment: ["TMPDIR": spool.path])
    XCTAssertEqual(piped.status, 0, piped.errors)
    XCTAssertEqual(piped.output, "imported \(count) new, 0 updated, 0 unchanged", piped.errors)
    let fifo = try runLimited(
      #"exec "$0" import <(cat "$1")"#, shell: "/bin/bash", input: path, runner: runner,
      environment: ["TMPDIR": spool.path])
    XCTAssertEqual(fifo.status, 0, fifo.errors)
    XCTAssertEqual(fifo.output, "imported 0 new, 0 updated, \(count) unchanged", fifo.errors)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: spool.path), [])
  }

  /// A TMPDIR that is gone does not stop `import -`: the copy goes to /tmp instead.
  func testStandardInputIsReadWithAMissingTMPDIR() throws {
    let runner = try FolioRunner(self)
    let missing = runner.directory.appendingPathComponent("gone").path
    let result = try runner.run(
      ["import", "-", "--format", "text"], stdin: "T\nAbstract.\n",
      environment: ["TMPDIR": missing])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
      "imported 1 new, 0 updated, 0 unchanged")
  }
}
