import FolioCore
import XCTest

@testable import FolioFuzzing

/// The title-key target on seeded random inputs, beyond the kept corpus: restyled titles keep
/// their key and a changed letter, digit or symbol changes it.
final class TitleKeyPropertyTests: XCTestCase {
  func testRandomTitlesKeepTheIdentityRules() {
    var generator = SplitMix64(seed: 12)
    for _ in 0..<3000 {
      let input = (0..<Int.random(in: 0...120, using: &generator)).map { _ in
        UInt8.random(in: 0...255, using: &generator)
      }
      let findings = FuzzTarget.titlekey.findings(input)
      XCTAssertEqual(findings, [], "\(input)")
      if !findings.isEmpty { return }
    }
  }
}
