import Foundation
import XCTest

/// Issue 18, "What Hugging Face already sends": the recorded daily_papers payload imported by
/// the real binary, then read back by `folio show`, `folio list --format json` and the new
/// query fields.
final class HuggingFaceFieldsTests: XCTestCase {
  func importedLibrary() throws -> FolioRunner {
    let folio = try FolioRunner(self)
    let path = FetchCommandTests.fixtures.appendingPathComponent("hf-daily.json").path
    XCTAssertEqual(try folio.run(["import", path]).status, 0)
    return folio
  }

  func testShowPrintsSummaryStarsOrganisationAndWithdrawnMark() throws {
    let folio = try importedLibrary()
    let scicode = try folio.run(["show", "2407.13168"], environment: ["COLUMNS": "100"])
    XCTAssertEqual(scicode.status, 0, scicode.stderr)
    for expected in [
      "HF summary Hugging Face AI: An AI summary.",
      "code https://github.com/scicode-bench/SciCode ★ 80",
      "hf https://huggingface.co/papers/2407.13168",
      "Org        SciCode Bench (scicode-bench)",
      "Keywords   code generation, benchmark",
      "Submitter  akhaliq",
    ] {
      XCTAssertTrue(scicode.stdout.contains(expected), "\(expected) in:\n\(scicode.stdout)")
    }
    XCTAssertFalse(scicode.stdout.contains("Withdrawn"))
    let hostile = try folio.run(["show", "2407.99999"])
    XCTAssertTrue(hostile.stdout.contains("Withdrawn  yes"), hostile.stdout)
    XCTAssertFalse(hostile.stdout.contains("\u{1B}"), "escape sequences stay out of the output")
  }

  func testListJSONHasTheNewKeys() throws {
    let folio = try importedLibrary()
    let result = try folio.run(["list", "--format", "json", "--filter", "id:2407.13168"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let objects =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
    XCTAssertEqual(objects.count, 1)
    let object = objects[0]
    XCTAssertEqual(object["summary"] as? String, "An AI summary.")
    XCTAssertEqual(object["keywords"] as? [String], ["code generation", "benchmark"])
    XCTAssertEqual(object["categories"] as? [String], [])
    XCTAssertEqual(object["github_stars"] as? Int, 80)
    let organization = object["organization"] as? [String: Any]
    XCTAssertEqual(organization?["name"] as? String, "scicode-bench")
    XCTAssertEqual(organization?["fullname"] as? String, "SciCode Bench")
    XCTAssertEqual(
      (object["links"] as? [String: Any])?["hf"] as? String,
      "https://huggingface.co/papers/2407.13168")
    let minimal = try folio.run(["list", "--format", "json", "--filter", "id:2407.11111"])
    let bare =
      (try JSONSerialization.jsonObject(with: Data(minimal.stdout.utf8)) as! [[String: Any]])[0]
    XCTAssertTrue(bare["summary"] is NSNull)
    XCTAssertTrue(bare["organization"] is NSNull)
    XCTAssertTrue(bare["github_stars"] is NSNull)
  }

  func testQueryFieldsFromTheCommandLine() throws {
    let folio = try importedLibrary()
    func ids(_ query: String) throws -> [String] {
      let result = try folio.run(["list", "--format", "tsv", "--filter", query])
      XCTAssertEqual(result.status, 0, "\(query): \(result.stderr)")
      return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        .sorted()
    }
    XCTAssertEqual(try ids("kw:benchmark"), ["2407.13168"])
    XCTAssertEqual(try ids("kw:\"code gen\"*"), ["2407.13168"])
    XCTAssertEqual(try ids("org:scicode-bench"), ["2407.13168"])
    XCTAssertEqual(try ids("org:\"SciCode Bench\""), ["2407.13168"])
    XCTAssertEqual(try ids("has:summary"), ["2407.13168", "2407.99999"])
    XCTAssertEqual(try ids("is:withdrawn"), ["2407.99999"])
    XCTAssertEqual(try ids("cat:cs.*"), [])
    let bad = try folio.run(["list", "--filter", "cat:"])
    XCTAssertEqual(bad.status, 65, "a bad query is bad data, as for the other fields")
    XCTAssertTrue(bad.stderr.contains("expected a value after 'cat:'"), bad.stderr)
  }
}
