import Foundation
import XCTest

/// `folio import` on the hostile feeds of issue 15 (findings 4 and 15), through the binary.
final class HostileFeedImportTests: XCTestCase {
  static let atom = #"<feed xmlns="http://www.w3.org/2005/Atom">"#

  /// 30,000 nested elements killed the process (stack overflow freeing the tree).
  func testADeeplyNestedFeedImportsInsteadOfCrashing() throws {
    let folio = try FolioRunner(self)
    let depth = 30_000
    let feed =
      Self.atom + "<entry><id>http://arxiv.org/abs/2401.01234v1</id><title>Deep</title><summary>S"
      + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
      + "</summary></entry></feed>"
    let result = try folio.run(["import", try folio.file("deep.xml", text: feed)])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "imported 1 new, 0 updated, 0 unchanged\n")
    let unclosed = try folio.file(
      "unclosed.xml", text: "<rss><channel>" + String(repeating: "<item>", count: 100_000))
    let failed = try folio.run(["import", unclosed])
    XCTAssertEqual(failed.status, 65, failed.stderr)
    XCTAssertTrue(failed.stderr.hasPrefix("folio: error: \(unclosed):"), failed.stderr)
  }

  /// A latin-1 feed after a long prolog, with entities: detected, decoded as declared, and the
  /// text around an undefined entity kept.
  func testALatin1FeedWithALongPrologAndEntitiesImportsWhole() throws {
    let folio = try FolioRunner(self)
    let head =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!-- "
      + String(repeating: "x", count: 8_000)
      + " -->\n<!DOCTYPE feed [<!ENTITY ext SYSTEM \"e.txt\"><!ENTITY lab \"Lab\">]>\n" + Self.atom
      + "<entry><id>\n  http://arxiv.org/abs/2401.01234v1?x=1\n</id><title>Caf"
    let tail = " &lab; &ext; after</title><summary>Kept</summary></entry></feed>\n"
    let path = try folio.file("latin1.xml", Data(head.utf8) + Data([0xE9]) + Data(tail.utf8))
    let result = try folio.run(["import", path])
    XCTAssertEqual(result.status, 0, result.stderr)
    let rows = try folio.rows()
    XCTAssertEqual(rows.count, 1)
    XCTAssertEqual(rows.first?.first, "2401.01234")
    XCTAssertTrue(rows.first?.contains("Café Lab &ext; after") == true, "\(rows)")
  }
}
