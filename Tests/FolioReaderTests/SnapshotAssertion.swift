import Foundation
import XCTest

@testable import FolioReader

/// Compares `grid`'s snapshot with `Snapshots/<name>.txt`. A missing file, or
/// `RECORD_SNAPSHOTS=1`, records the snapshot and fails so it gets reviewed.
func assertSnapshot(
  _ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    .appendingPathComponent("Snapshots/\(name).txt")
  let actual = grid.snapshot
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    XCTFail("recorded snapshot \(name); review \(url.path) and run again", file: file, line: line)
    return
  }
  guard expected != actual else { return }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var diff: [String] = []
  for index in 0..<max(expectedLines.count, actualLines.count) {
    let old = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
    let new = index < actualLines.count ? String(actualLines[index]) : "<none>"
    if old != new { diff.append("line \(index + 1):\n  - \(old)\n  + \(new)") }
    if diff.count >= 12 { break }
  }
  XCTFail(
    "snapshot \(name) differs (RECORD_SNAPSHOTS=1 to accept):\n" + diff.joined(separator: "\n"),
    file: file, line: line)
}
