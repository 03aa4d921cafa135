import FolioCore
import FolioStore
import Foundation
import XCTest

/// Issue 20, Semantic Scholar's facts from the command line: kept in the library (as
/// `folio enrich` keeps them), then read back by `folio show`, `folio list --format json`,
/// `cites:` and `--sort citations` in the real binary.
final class ScholarCommandTests: XCTestCase {
  let asked = Date(timeIntervalSince1970: 1_795_000_000)

  /// The recorded Hugging Face listing and the bundled sample: the first paper cited 7 times,
  /// the second unknown to Semantic Scholar, the third cited 1,234 times, the rest never
  /// asked; their ids in listing order.
  func enrichedLibrary() throws -> (FolioRunner, [String]) {
    let folio = try FolioRunner(self)
    let path = FetchCommandTests.fixtures.appendingPathComponent("hf-daily.json").path
    XCTAssertEqual(try folio.run(["import", path]).status, 0)
    XCTAssertEqual(try folio.run(["import", FolioRunner.sample]).status, 0)
    let listed = try folio.run(["list", "--format", "json"])
    let ids = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
    ).compactMap { $0["id"] as? String }
    XCTAssertGreaterThanOrEqual(ids.count, 4)
    let store = try LibraryStore.open(at: folio.databasePath)
    try store.recordScholarFacts([
      ids[2]: ScholarFacts(
        citations: 1234, influentialCitations: 56, tldr: "A benchmark of \u{1B}[31mscience code.",
        checkedAt: asked),
      ids[1]: ScholarFacts(checkedAt: asked),
      ids[0]: ScholarFacts(citations: 7, influentialCitations: 0, checkedAt: asked),
    ])
    return (folio, ids)
  }

  func testShowPrintsTheCountsAndTheTLDROnlyOnceAsked() throws {
    let (folio, ids) = try enrichedLibrary()
    let known = try folio.run(["show", ids[2]], environment: ["COLUMNS": "100"])
    XCTAssertEqual(known.status, 0, known.stderr)
    XCTAssertTrue(
      known.stdout.contains("Cited by   1,234 · 56 influential (Semantic Scholar, asked "),
      known.stdout)
    XCTAssertTrue(
      known.stdout.contains("TL;DR      Semantic Scholar: A benchmark of science code."),
      known.stdout)
    XCTAssertFalse(known.stdout.contains("\u{1B}"), "the TL;DR is inert")
    let unknown = try folio.run(["show", ids[1]])
    XCTAssertTrue(
      unknown.stdout.contains("Cited by   not known to Semantic Scholar"), unknown.stdout)
    XCTAssertFalse(unknown.stdout.contains("TL;DR"))
    let never = try folio.run(["show", ids[3]])
    XCTAssertFalse(never.stdout.contains("Cited by"), never.stdout)
  }

  func testJSONCarriesTheFactsNullWhenUnknown() throws {
    let (folio, ids) = try enrichedLibrary()
    // Export's default selection: the starred papers.
    XCTAssertEqual(try folio.run(["star"] + ids.prefix(4)).status, 0)
    let result = try folio.run(["export", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let papers = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let byID = Dictionary(uniqueKeysWithValues: papers.map { ($0["id"] as! String, $0) })
    XCTAssertEqual(byID[ids[2]]?["citations"] as? Int, 1234)
    XCTAssertEqual(byID[ids[2]]?["influential_citations"] as? Int, 56)
    XCTAssertEqual(byID[ids[2]]?["tldr"] as? String, "A benchmark of science code.")
    for id in [ids[1], ids[3]] {
      for key in ["citations", "influential_citations", "tldr"] {
        XCTAssertTrue(byID[id]?[key] is NSNull, "\(id) \(key)")
      }
    }
    XCTAssertEqual(byID[ids[0]]?["influential_citations"] as? Int, 0, "0 is a count, not null")
  }

  func testCitesAndTheCitationsOrder() throws {
    let (folio, ids) = try enrichedLibrary()
    func listed(_ arguments: [String]) throws -> [String] {
      let result = try folio.run(["list", "--format", "json"] + arguments)
      XCTAssertEqual(result.status, 0, result.stderr)
      return try XCTUnwrap(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
      ).compactMap { $0["id"] as? String }
    }
    XCTAssertEqual(try listed(["--filter", "cites:>100"]), [ids[2]])
    XCTAssertEqual(try listed(["--filter", "cites:<=1234"]), [ids[0], ids[2]])
    XCTAssertEqual(try listed(["--filter", "cites:7"]), [ids[0]])
    XCTAssertEqual(
      Set(try listed(["--filter=-cites:>=0"])), Set(ids).subtracting([ids[0], ids[2]]),
      "never asked and unknown have no count")
    let byCitations = try listed(["--sort", "citations"])
    XCTAssertEqual(byCitations.prefix(2), [ids[2], ids[0]])
    XCTAssertEqual(
      Array(byCitations.dropFirst(2)), ids.filter { $0 != ids[0] && $0 != ids[2] },
      "the rest in the listing order")
    let bad = try folio.run(["list", "--filter", "cites:many"])
    XCTAssertEqual(bad.status, 65)
    XCTAssertTrue(bad.stderr.contains("column 7"), bad.stderr)
  }
}
