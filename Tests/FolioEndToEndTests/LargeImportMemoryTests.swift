import FolioCore
import Foundation
import XCTest

/// Issue 15, finding 8: importing a 200 MB Hugging Face file peaked at 2.07 GB, because the
/// whole array was decoded before the first paper was stored.
final class LargeImportMemoryTests: XCTestCase {
  /// The data limit (`ulimit -d`, KiB) the import runs under: heap and anonymous memory, not
  /// the memory-mapped input file. Reading element by element needs under half of it for the
  /// file below; decoding the whole array needed more than it.
  static let dataLimitKiB = 128 * 1024

  /// A 48 MB file of 2,000 items whose bulk is a field Folio ignores, so the library's own
  /// work stays small and what is measured is the reading.
  func testAFortyEightMegabyteHuggingFaceFileImportsUnderADataLimit() throws {
    let runner = try FolioRunner(self)
    let path = runner.directory.appendingPathComponent("big-hf.json").path
    var random = SplitMix64(seed: 8)
    let base = (0..<12_000).map { _ in String(random.next() % 10_000) }.joined(separator: " ")
    let baseBytes = Array(base.utf8)
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    let count = 2_000
    var written = 0
    for index in 0..<count {
      let offset = Int(random.next() % UInt64(baseBytes.count / 2))
      let junk = baseBytes[offset..<(offset + 24_000)]
      let head =
        (index == 0 ? "[" : ",")
        + #"{"paper": {"id": "2401.\#(String(format: "%05d", index))", "title": "Paper \#(index)", "#
        + #""summary": "Short.", "ai_summary": ""#
      let item = Data(head.utf8) + Data(junk) + Data(#""}}"#.utf8)
      try handle.write(contentsOf: item)
      written += item.count
    }
    try handle.write(contentsOf: Data("]\n".utf8))
    try handle.close()
    XCTAssertGreaterThan(written, 48_000_000)

    let result = try runner.runWithDataLimit(
      #"exec "$0" import "$1""#, dataLimitKiB: Self.dataLimitKiB, input: path)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
      "imported \(count) new, 0 updated, 0 unchanged", result.stderr)
  }
}
