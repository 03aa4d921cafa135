import Foundation
import XCTest

/// Re-importing an older file does not roll data back, and a paper stays on the listing day it
/// was first imported on, whichever source comes later.
final class ReimportCommandTests: XCTestCase {
  func hfFile(upvotes: Int, comments: Int, summary: String, featured: String) -> String {
    """
    [{"paper": {"id": "2411.01234", "title": "Counting Votes", "summary": "\(summary)",
                "upvotes": \(upvotes), "publishedAt": "2024-11-02T10:00:00.000Z",
                "submittedOnDailyAt": "\(featured)T08:00:00.000Z"},
      "publishedAt": "\(featured)T08:00:00.000Z", "numComments": \(comments)}]
    """
  }

  func paper(_ folio: FolioRunner) throws -> [String: Any] {
    let result = try folio.run(["list", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let papers =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    XCTAssertEqual(papers?.count, 1)
    return papers?.first ?? [:]
  }

  func testAnOlderHuggingFaceFileDoesNotRollBack() throws {
    // The later file set upvotes 99, the older one set them back to 42 ("1 updated").
    let folio = try FolioRunner(self)
    let later = try folio.file(
      "later.json",
      text: hfFile(upvotes: 99, comments: 5, summary: "Fixed.", featured: "2024-11-06"))
    let older = try folio.file(
      "older.json", text: hfFile(upvotes: 42, comments: 3, summary: "Typo.", featured: "2024-11-05")
    )
    XCTAssertEqual(
      try folio.run(["import", later]).stdout, "imported 1 new, 0 updated, 0 unchanged\n")
    XCTAssertEqual(
      try folio.run(["import", older]).stdout, "imported 0 new, 0 updated, 1 unchanged\n")
    let stored = try paper(folio)
    XCTAssertEqual(stored["upvotes"] as? Int, 99)
    XCTAssertEqual(stored["comments"] as? Int, 5)
    XCTAssertEqual(stored["abstract"] as? String, "Fixed.")
  }

  func testSameDayFilesKeepTheLargerCountsAndTheLaterText() throws {
    let folio = try FolioRunner(self)
    let morning = try folio.file(
      "a.json", text: hfFile(upvotes: 99, comments: 5, summary: "Morning.", featured: "2024-11-05"))
    let evening = try folio.file(
      "b.json", text: hfFile(upvotes: 42, comments: 7, summary: "Evening.", featured: "2024-11-05"))
    try folio.run(["import", morning])
    XCTAssertEqual(
      try folio.run(["import", evening]).stdout, "imported 0 new, 1 updated, 0 unchanged\n")
    let stored = try paper(folio)
    XCTAssertEqual(stored["upvotes"] as? Int, 99)
    XCTAssertEqual(stored["comments"] as? Int, 7)
    XCTAssertEqual(stored["abstract"] as? String, "Evening.")
  }

  func testAnArxivFeedAfterHuggingFaceKeepsTheListingDay() throws {
    // Importing arXiv Atom after Hugging Face moved 2411.01234 from the day HF featured it to
    // its first version's day, 2024-11-02.
    let folio = try FolioRunner(self)
    let hf = try folio.file(
      "hf.json", text: hfFile(upvotes: 9, comments: 0, summary: "HF.", featured: "2024-11-05"))
    let atom = try folio.file(
      "feed.atom",
      text: """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>arXiv</title>
          <entry>
            <id>http://arxiv.org/abs/2411.01234v2</id>
            <updated>2024-11-08T10:00:00Z</updated>
            <published>2024-11-02T10:00:00Z</published>
            <title>Counting Votes</title>
            <summary>The revised abstract.</summary>
            <author><name>Ada Lovelace</name></author>
          </entry>
        </feed>
        """)
    try folio.run(["import", hf])
    XCTAssertEqual(
      try folio.run(["import", atom]).stdout, "imported 0 new, 1 updated, 0 unchanged\n")
    let stored = try paper(folio)
    XCTAssertEqual(stored["day"] as? String, "2024-11-05")
    XCTAssertEqual(stored["abstract"] as? String, "The revised abstract.")
    XCTAssertEqual(try folio.rows(["--day", "2024-11-05"]).map { $0[4] }, ["Counting Votes"])
    // And the Hugging Face file again: older than arXiv's v2, it rolls nothing back.
    XCTAssertEqual(
      try folio.run(["import", hf]).stdout, "imported 0 new, 0 updated, 1 unchanged\n")
    XCTAssertEqual(try paper(folio)["abstract"] as? String, "The revised abstract.")
  }
}
