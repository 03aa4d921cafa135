import Foundation
import XCTest

/// Compares `text` with `Golden/<name>`; a missing file (or `RECORD_SNAPSHOTS=1`) is recorded
/// and the test fails so it gets reviewed.
func assertGolden(
  _ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(
    "Golden/\(name)")
  guard ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == nil,
    let expected = try? String(contentsOf: url, encoding: .utf8)
  else {
    try? text.write(to: url, atomically: true, encoding: .utf8)
    XCTFail("recorded golden file \(name); review it and run again", file: file, line: line)
    return
  }
  guard expected != text else { return }
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = text.split(separator: "\n", omittingEmptySubsequences: false)
  let first =
    (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
  XCTFail(
    "golden file \(name) differs at line \(first + 1):\n  - \(first < old.count ? old[first] : "<none>")\n  + \(first < new.count ? new[first] : "<none>")",
    file: file, line: line)
}
