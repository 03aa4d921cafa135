import Foundation
import XCTest

final class QueryCommandTests: XCTestCase {
  func testListFilterSelectsMatchingPapers() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let rows = try folio.rows(["--filter", "title:re-identification"])
    XCTAssertGreaterThan(rows.count, 20)
    XCTAssertTrue(
      rows.allSatisfy { $0[4].lowercased().contains("re-identification") }, "\(rows.map { $0[4] })")
    try folio.run(["star", rows[0][0]])
    XCTAssertEqual(
      try folio.rows(["--filter", "title:re-identification is:starred"]).map { $0[0] }, [rows[0][0]]
    )
    XCTAssertEqual(try folio.rows(["--filter", "re-identification", "--starred"]).count, 1)
  }

  func testABadQueryIsADataErrorWithTheColumn() throws {
    let folio = try FolioRunner(self)
    let result = try folio.run(["list", "--filter", "(agents OR diffusion"])
    XCTAssertEqual(result.status, 65)
    XCTAssertEqual(
      result.stderr, "folio: error: query: column 21: expected ')' after 'diffusion'\n")
  }

  func testTopicOptionAndUnknownTopic() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let reID = try folio.rows(["--topic", "person"])
    XCTAssertEqual(reID.count, 31)
    let unknown = try folio.run(["list", "--topic", "cooking"])
    XCTAssertEqual(unknown.status, 65)
    XCTAssertTrue(
      unknown.stderr.hasPrefix("folio: error: no topic named 'cooking'; topics are: LLMs, "),
      unknown.stderr)
  }

  func testTopicsCommandCountsAndReadsTheUserFile() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let configDirectory = folio.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
    try Data("[topics]\nGraphs = 'graph*'\nRobotics = \"\"\nBroken = \"(oops\"\n".utf8)
      .write(to: configDirectory.appendingPathComponent("topics.toml"))
    let result = try folio.run(["topics", "--format", "tsv"])
    XCTAssertEqual(result.status, 0)
    let lines = result.stdout.split(separator: "\n").map {
      $0.split(separator: "\t").map(String.init)
    }
    XCTAssertEqual(lines.map { $0[0] }.last, "Graphs")
    XCTAssertFalse(lines.contains { $0[0] == "Robotics" })
    let reID = try XCTUnwrap(lines.first { $0[0] == "Person re-identification" })
    XCTAssertEqual(reID[1], "31")
    XCTAssertEqual(reID[2], "31")
    XCTAssertEqual(reID[3], "0")
    XCTAssertEqual(
      result.stderr,
      "folio: warning: \(configDirectory.path)/topics.toml:4: topic 'Broken': query: column 6: expected ')' after 'oops'\n"
    )
  }

  func testJSONListsEachPapersTopics() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let output = try folio.run([
      "list", "--format", "json", "--filter", "title:\"Omni-Scale Feature Learning for Person\"",
    ]).stdout
    let papers = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
    XCTAssertEqual(papers.count, 1)
    XCTAssertEqual(papers[0]["topics"] as? [String], ["Person re-identification"])
  }

  func testSimilarListsMostlyReIDPapersForAReIDPaper() throws {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample])
    let id = try XCTUnwrap(
      try folio.rows(["--filter", "title:\"Omni-Scale Feature Learning for Person\""]).first?[0])
    let result = try folio.run(["similar", id, "--limit", "10", "--format", "tsv"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let titles = result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[4]) }
    XCTAssertEqual(titles.count, 10)
    XCTAssertGreaterThanOrEqual(
      titles.filter { $0.lowercased().contains("re-identification") }.count, 7, "\(titles)")
    XCTAssertEqual(
      try folio.run(["similar", "nope"]).stderr, "folio: error: no paper with id 'nope'\n")
  }
}
