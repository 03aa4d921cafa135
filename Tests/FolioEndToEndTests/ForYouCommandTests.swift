import Foundation
import XCTest

/// Issue 19 from the command line: `list --sort for-you` and JSON `score`, `folio why`, the
/// digest's "Recommended for you" and `for_you_days`.
final class ForYouCommandTests: XCTestCase {
  /// `list --format json` (any other arguments) as objects.
  func objects(_ folio: FolioRunner, _ arguments: [String]) throws -> [[String: Any]] {
    let result = try folio.run(["list", "--format", "json"] + arguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    return try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
  }

  /// The sample, and the ids of four diffusion papers to star.
  func sampleWithDiffusion(_ folio: FolioRunner) throws -> [String] {
    try folio.run(["import", FolioRunner.sample, "--day", "2026-11-27"])
    let ids = try folio.rows(["--filter", "title:diffusion"]).map { $0[0] }
    XCTAssertGreaterThanOrEqual(ids.count, 4)
    return Array(ids.prefix(4))
  }

  /// Before three positive signals there is no model: every score is null, for-you lists the
  /// papers of the user's topics first, each part most upvoted first, and stderr says how to
  /// teach it; `why` says how many more papers to star and exits 0.
  func testColdStartRanksByTopicsThenUpvotesWithNullScores() throws {
    let folio = try FolioRunner(self)
    let ids = try sampleWithDiffusion(folio)
    try folio.run(["star", ids[0], ids[1]])
    let listed = try folio.run(["list", "--sort", "for-you", "--format", "json"])
    XCTAssertEqual(listed.status, 0)
    XCTAssertTrue(listed.stderr.contains("star a few papers"), listed.stderr)
    let papers = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(papers.count, 284)
    XCTAssertTrue(papers.allSatisfy { $0["score"] is NSNull })
    let inTopics = papers.map { !(($0["topics"] as? [String]) ?? []).isEmpty }
    XCTAssertEqual(inTopics, inTopics.sorted { $0 && !$1 }, "the topics' papers first")
    XCTAssertTrue(inTopics.contains(true) && inTopics.contains(false))
    let upvotes = papers.map { ($0["upvotes"] as? Int) ?? -1 }
    let boundary = inTopics.firstIndex(of: false)!
    for part in [upvotes[..<boundary], upvotes[boundary...]] {
      XCTAssertEqual(Array(part), part.sorted(by: >), "most upvoted first")
    }
    XCTAssertTrue(try objects(folio, []).allSatisfy { $0["score"] is NSNull })
    let why = try folio.run(["why", ids[2]])
    XCTAssertEqual(why.status, 0, why.stderr)
    XCTAssertTrue(why.stdout.contains("no model yet: star 1 more paper "), why.stdout)
    let json = try XCTUnwrap(
      try JSONSerialization.jsonObject(
        with: Data(try folio.run(["why", ids[2], "--format", "json"]).stdout.utf8))
        as? [String: Any])
    XCTAssertTrue(json["score"] is NSNull)
    XCTAssertEqual(json["positives_needed"] as? Int, 1)
  }

  /// With three stars the model learns: scores are numbers in every order, for-you is by score
  /// (best first) and works with --day, --filter, --limit and every format.
  func testForYouOrdersByScoreWithEveryOption() throws {
    let folio = try FolioRunner(self)
    let ids = try sampleWithDiffusion(folio)
    try folio.run(
      ["import", "-", "--day", "2026-11-26"],
      stdin: "Diffusion Models Dream\nA diffusion model.\nTax Law Today\nAbout taxes.\n")
    try folio.run(["star", ids[0], ids[1], ids[2]])
    let ranked = try folio.run(["list", "--sort", "for-you", "--format", "json"])
    XCTAssertEqual(ranked.stderr, "", "no cold-start note once the model has learnt")
    let papers = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(ranked.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(papers.count, 286)
    let scores = try papers.map { try XCTUnwrap($0["score"] as? Double) }
    XCTAssertEqual(scores, scores.sorted(by: >), "best score first")
    XCTAssertTrue(scores.allSatisfy { (0...1).contains($0) })
    let unstarredTop = try XCTUnwrap(papers.first { $0["starred"] as? Bool == false })
    XCTAssertTrue(
      (unstarredTop["title"] as? String ?? "").lowercased().contains("diffusion"),
      "the best unstarred paper is like the starred ones: \(unstarredTop["title"] ?? "")")
    // The listing order's JSON carries the same scores.
    let byID = Dictionary(uniqueKeysWithValues: papers.map { ($0["id"] as! String, $0["score"]) })
    // (A few papers are asked for by id; the whole listing, 286 papers, is scored in one pass.)
    for arguments in [["--limit", "20"], []] {
      let listed = try objects(folio, arguments)
      XCTAssertEqual(listed.count, arguments.isEmpty ? 286 : 20)
      for paper in listed {
        XCTAssertEqual(paper["score"] as? Double, byID[paper["id"] as! String] as? Double)
      }
    }
    // --limit and tsv: the first rows of the same order.
    let order = papers.map { $0["id"] as! String }
    XCTAssertEqual(
      try folio.rows(["--sort", "for-you", "--limit", "5"]).map { $0[0] }, Array(order.prefix(5)))
    // --filter: the filter's papers, in for-you order.
    let filtered = try folio.rows(["--sort", "for-you", "--filter", "diffusion"]).map { $0[0] }
    XCTAssertEqual(Set(filtered), Set(try folio.rows(["--filter", "diffusion"]).map { $0[0] }))
    XCTAssertEqual(filtered, order.filter(Set(filtered).contains))
    // --day: only that day's papers, the diffusion paper first.
    XCTAssertEqual(
      try folio.rows(["--sort", "for-you", "--day", "2026-11-26"]).map { $0[4] },
      ["Diffusion Models Dream", "Tax Law Today"])
    // The state flags and --limit 0 too.
    XCTAssertEqual(
      try folio.rows(["--sort", "for-you", "--starred"]).map { $0[0] },
      order.filter(Set(ids.prefix(3)).contains))
    XCTAssertEqual(try folio.rows(["--sort", "for-you", "--limit", "0"]).count, 0)
    let table = try folio.run(["list", "--sort", "for-you", "--limit", "3"])
    XCTAssertEqual(table.status, 0)
    XCTAssertEqual(table.stdout.split(separator: "\n").count, 4, "a header and three papers")
    // --sort listing names the default order.
    XCTAssertEqual(try folio.rows(["--sort", "listing"]), try folio.rows())
  }

  /// A dismissal teaches the model too, and a dismissed paper stays out of for-you unless
  /// the query asks for it; `dismissed` is in the JSON.
  func testDismissedPapersStayOutOfForYou() throws {
    let folio = try FolioRunner(self)
    let ids = try sampleWithDiffusion(folio)
    try folio.run(["star", ids[0], ids[1], ids[2]])
    try folio.run(["dismiss", ids[3]])
    let listed = try objects(folio, ["--sort", "for-you"])
    XCTAssertFalse(listed.contains { $0["id"] as? String == ids[3] })
    XCTAssertTrue(listed.allSatisfy { $0["dismissed"] as? Bool == false })
    let asked = try objects(folio, ["--sort", "for-you", "--filter", "is:dismissed"])
    XCTAssertEqual(asked.map { $0["id"] as? String }, [ids[3]])
    XCTAssertEqual(asked.first?["dismissed"] as? Bool, true)
    XCTAssertTrue(asked.first?["score"] is Double)
  }

  /// `why` names the features behind a score with signs and weights, and the starred papers
  /// most like it; an unknown id exits 1 like `star`.
  func testWhyNamesWordsWithSignsAndWeights() throws {
    let folio = try FolioRunner(self)
    let ids = try sampleWithDiffusion(folio)
    try folio.run(["star", ids[0], ids[1], ids[2]])
    let why = try folio.run(["why", ids[3]])
    XCTAssertEqual(why.status, 0, why.stderr)
    let lines = why.stdout.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines[0].hasPrefix(ids[3] + "  "), why.stdout)
    XCTAssertTrue(lines[1].hasPrefix("for-you score 0."), why.stdout)
    XCTAssertTrue(lines.contains("raised by:"), why.stdout)
    XCTAssertTrue(
      lines.contains {
        $0.hasPrefix("  +0.") && $0.contains("diffusion") && $0.contains("word, weight +")
      },
      why.stdout)
    let starredIndex = try XCTUnwrap(lines.firstIndex(of: "starred papers most like it:"))
    let neighbours = lines[(starredIndex + 1)...].map { $0.split(separator: " ").map(String.init) }
    XCTAssertFalse(neighbours.isEmpty)
    XCTAssertTrue(neighbours.allSatisfy { ids.prefix(3).contains($0[1]) }, why.stdout)

    let json = try XCTUnwrap(
      try JSONSerialization.jsonObject(
        with: Data(try folio.run(["why", ids[3], "--format", "json"]).stdout.utf8))
        as? [String: Any])
    XCTAssertEqual(json["id"] as? String, ids[3])
    XCTAssertEqual(json["positives_needed"] as? Int, 0)
    XCTAssertNotNil(json["score"] as? Double)
    let contributions = try XCTUnwrap(json["contributions"] as? [[String: Any]])
    XCTAssertTrue(
      contributions.contains {
        $0["feature"] as? String == "diffusion" && $0["kind"] as? String == "word"
          && ($0["weight"] as? Double ?? 0) > 0 && ($0["contribution"] as? Double ?? 0) > 0
      }, "\(contributions)")
    XCTAssertFalse((json["similar_starred"] as? [Any] ?? []).isEmpty)

    let unknown = try folio.run(["why", "no-such-paper"])
    XCTAssertEqual(unknown.status, 1)
    XCTAssertEqual(unknown.stderr, "folio: error: no paper with id 'no-such-paper'\n")
    XCTAssertEqual(unknown.stdout, "")
  }

  /// Titles, author names and words are the library's: `why` prints them inert.
  func testWhyKeepsUntrustedTextInert() throws {
    let folio = try FolioRunner(self)
    // Escapes, OSC and CSI in a title and an author's name, written as JSON escapes.
    let hostile = #"Diffusion \u001b]2;pwned\u0007Models \u001b[31mRed\u009b2J"#
    let jsonl = [hostile, "Diffusion Again", "Diffusion Thrice", "Diffusion Four"].enumerated()
      .map { index, title in
        #"{"id": "2401.0000\#(index + 1)", "title": "\#(title)", "abstract": "A diffusion "#
          + #"model.", "authors": "Eve \u001b[2J Mallory and Ann Smith"}"#
      }.joined(separator: "\n")
    let imported = try folio.run(["import", "-", "--format", "jsonl"], stdin: jsonl + "\n")
    XCTAssertEqual(imported.status, 0, imported.stderr)
    let ids = try folio.rows().map { $0[0] }
    XCTAssertEqual(ids.count, 4)
    try folio.run(["star"] + Array(ids.prefix(3)))
    for id in ids {
      let why = try folio.run(["why", id])
      XCTAssertEqual(why.status, 0, why.stderr)
      XCTAssertFalse(
        why.stdout.unicodeScalars.contains {
          $0.value == 0x1B || $0.value == 0x07 || (0x80..<0xA0).contains($0.value)
        }, why.stdout.debugDescription)
    }
  }

  /// The digest opens with "Recommended for you" only once the model has learnt.
  func testDigestRecommendsOnlyWithAModel() throws {
    let folio = try FolioRunner(self)
    let ids = try sampleWithDiffusion(folio)
    try folio.run(["star", ids[0], ids[1]])
    let before = try folio.run(["digest"])
    XCTAssertEqual(before.status, 0, before.stderr)
    XCTAssertFalse(before.stdout.contains("Recommended for you"))
    try folio.run(["star", ids[2]])
    let after = try folio.run(["digest"])
    XCTAssertEqual(after.status, 0, after.stderr)
    XCTAssertTrue(
      after.stdout.hasPrefix(
        "# Papers of 2026-11-27\n\n284 papers in 12 groups.\n\n## Recommended for you (10)\n\n"),
      after.stdout)
    let section = after.stdout.components(separatedBy: "## Recommended for you (10)\n\n")[1]
      .components(separatedBy: "\n## ")[0]
    let first = try XCTUnwrap(try objects(folio, ["--sort", "for-you", "--limit", "1"]).first)
    XCTAssertTrue(section.contains("`\(first["id"] as! String)`"), section)
    XCTAssertEqual(section.components(separatedBy: "\n- ").count, 10, "ten papers")
  }

  /// `for_you_days` is checked like every key: `folio config` reports a bad value.
  func testForYouDaysIsCheckedByFolioConfig() throws {
    let folio = try FolioRunner(self)
    let directory = folio.directory.appendingPathComponent("config/folio")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("config.toml").path
    try Data("for_you_days = 400\n".utf8).write(to: URL(fileURLWithPath: path))
    let bad = try folio.run(["config"])
    XCTAssertEqual(bad.status, 65)
    XCTAssertEqual(
      bad.stderr,
      "folio: warning: \(path):1: 'for_you_days' must be a whole number of days from 1 to 365;"
        + " using 7\n")
    try Data("for_you_days = 14\n".utf8).write(to: URL(fileURLWithPath: path))
    let good = try folio.run(["config"])
    XCTAssertEqual(good.status, 0, good.stderr)
  }
}
