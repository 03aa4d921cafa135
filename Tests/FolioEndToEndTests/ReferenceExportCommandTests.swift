import Foundation
import XCTest

/// `folio export --format ris|csljson` (issue 20), read back by real parsers: RIS by `rispy`,
/// CSL-JSON by `citeproc-py`, which also renders a bibliography from it. `.ci/run` installs
/// both into a virtual environment and names its Python in `FOLIO_TEST_PYTHON`; without it, the
/// `python3` on PATH is used when it has them, else the tests skip, saying how to get them.
final class ReferenceExportCommandTests: XCTestCase {
  /// Three arXiv papers (names with particles, hyphens, accents) beside the sample's: two of
  /// them starred (one tagged, one with a note), the third tagged but not starred, which
  /// `--starred` must leave out; a starred sample paper (no arXiv id) that the filters do not
  /// select.
  func library() throws -> FolioRunner {
    let folio = try FolioRunner(self)
    try folio.run(["import", FolioRunner.sample, "--day", "2026-11-27"])
    let papers = try folio.file("papers.jsonl", text: Self.arxivPapers)
    XCTAssertEqual(try folio.run(["import", papers, "--day", "2026-11-27"]).status, 0)
    let sample = try folio.rows()[3][0]
    XCTAssertEqual(try folio.run(["star", "2411.00001", "2411.00002", sample]).status, 0)
    XCTAssertEqual(try folio.run(["tag", "reading-group", "2411.00001", "2411.00003"]).status, 0)
    XCTAssertEqual(try folio.run(["note", "2411.00002", "Read first\nTY  - JOUR"]).status, 0)
    return folio
  }

  static let arxivPapers = """
    {"id": "2411.00001", "authors": "Ada Lovelace, Ludwig van Beethoven and Zoë Müller", \
    "title": "Analytical Engines for Symphonies", "categories": "cs.LG", "abstract": "We compose.", \
    "versions": [{"version": "v1", "created": "Mon, 4 Nov 2024 10:00:00 GMT"}]}
    {"id": "2411.00002", "authors": "Jean-Paul Sartre and Simone de Beauvoir", \
    "title": "Being and Nothingness in Transformers", "categories": "cs.CL", \
    "abstract": "Existence precedes attention.", \
    "versions": [{"version": "v1", "created": "Tue, 5 Nov 2024 10:00:00 GMT"}]}
    {"id": "2411.00003", "authors": "Grace Hopper", "title": "Compilers All the Way Down", \
    "categories": "cs.PL", "abstract": "Nanoseconds.", \
    "versions": [{"version": "v1", "created": "Wed, 6 Nov 2024 10:00:00 GMT"}]}

    """

  /// The selected papers as paper JSON, the reference the exports are checked against.
  func papers(_ folio: FolioRunner, _ selection: [String]) throws -> [[String: Any]] {
    let json = try folio.run(["export", "--format", "json"] + selection)
    XCTAssertEqual(json.status, 0, json.stderr)
    return try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
  }

  func testRISWithStarredAndFilterReadsBackThroughRispy() throws {
    let python = try Self.python(needing: "rispy")
    let folio = try library()
    let selection = ["--starred", "--filter", "tag:reading-group or has:note"]
    let expected = try papers(folio, selection)
    XCTAssertEqual(
      expected.count, 2, "the tagged and the noted starred papers, not the unstarred tagged one")
    let file = folio.directory.appendingPathComponent("starred.ris").path
    let result = try folio.run(["export", "--format", "ris", "-o", file] + selection)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "exported 2 papers to \(file)\n")
    let bytes = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertTrue(bytes.hasPrefix("TY  - PREP\r\n"), bytes)
    XCTAssertFalse(bytes.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CR LF only")

    let script = """
      import json, sys, rispy
      with open(sys.argv[1], encoding="utf-8") as f:
          entries = rispy.load(f)
      print(json.dumps(entries))
      """
    let parsed = try Self.runPython(python, script, file)
    let records = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [[String: Any]])
    XCTAssertEqual(records.count, 2, parsed)
    for paper in expected {
      let id = try XCTUnwrap(paper["arxiv_id"] as? String)
      let record = try XCTUnwrap(
        records.first { ($0["doi"] as? String) == "10.48550/arXiv.\(id)" }, "\(id) in \(parsed)")
      XCTAssertEqual(record["type_of_reference"] as? String, "PREP")
      XCTAssertEqual(record["title"] as? String, paper["title"] as? String)
      XCTAssertEqual(record["urls"] as? [String], ["https://arxiv.org/abs/\(id)"])
      let published = (paper["published"] as? String) ?? (paper["day"] as? String) ?? ""
      XCTAssertEqual(record["year"] as? String, String(published.prefix(4)))
      XCTAssertEqual(
        record["date"] as? String, published.replacingOccurrences(of: "-", with: "/"))
      // "Family, Given" back in byline order is the name as the library has it.
      let authors = try XCTUnwrap(record["authors"] as? [String])
      let names = try XCTUnwrap(paper["authors"] as? [String])
      XCTAssertEqual(authors.count, names.count)
      for (inverted, name) in zip(authors, names) {
        let parts = inverted.components(separatedBy: ", ")
        XCTAssertEqual(parts.count, 2, inverted)
        XCTAssertEqual(parts.reversed().joined(separator: " "), name)
      }
      let tags = paper["tags"] as? [String] ?? []
      XCTAssertEqual(Array((record["keywords"] as? [String] ?? []).prefix(tags.count)), tags)
      if let note = paper["note"] as? String {
        XCTAssertEqual(
          record["notes"] as? [String], [note.replacingOccurrences(of: "\n", with: " ")])
      }
    }
  }

  func testCSLJSONReadsBackThroughCiteprocAndRendersABibliography() throws {
    let python = try Self.python(needing: "citeproc")
    let folio = try library()
    let selection = ["--filter", "tag:reading-group"]
    let expected = try papers(folio, selection)
    XCTAssertEqual(expected.count, 2, "starred or not: a filter alone selects")
    let file = folio.directory.appendingPathComponent("papers.csl.json").path
    let result = try folio.run(["export", "--format", "csljson", "-o", file] + selection)
    XCTAssertEqual(result.status, 0, result.stderr)

    // What citeproc-py reads, field by field, and the bibliography it renders.
    let script = """
      import json, sys
      from citeproc import CitationStylesStyle, CitationStylesBibliography, Citation, CitationItem
      from citeproc import formatter
      from citeproc.source.json import CiteProcJSON
      with open(sys.argv[1], encoding="utf-8") as f:
          source = CiteProcJSON(json.load(f))
      out = {}
      for key, ref in source.items():
          out[key] = {
              "title": str(ref.title),
              "authors": [[str(a.get("family")), str(a.get("given")),
                           str(a.get("non-dropping-particle") or "")] for a in ref.author],
              "DOI": str(ref.DOI), "URL": str(ref.URL), "number": str(ref.number),
              "year": ref.issued.year, "month": ref.issued.month, "day": ref.issued.day,
          }
      style = CitationStylesStyle("harvard-cite-them-right", validate=False)
      bibliography = CitationStylesBibliography(style, source, formatter.plain)
      for key in source:
          bibliography.register(Citation([CitationItem(key)]))
      out["_bibliography"] = [str(item) for item in bibliography.bibliography()]
      print(json.dumps(out))
      """
    let parsed = try Self.runPython(python, script, file)
    let items = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [String: Any])
    let bibliography = try XCTUnwrap(items["_bibliography"] as? [String])
    XCTAssertEqual(bibliography.count, 2, parsed)
    for paper in expected {
      let id = try XCTUnwrap(paper["id"] as? String)
      let arxivID = try XCTUnwrap(paper["arxiv_id"] as? String)
      // citeproc-py keys items by their id in lower case.
      let item = try XCTUnwrap(items[id.lowercased()] as? [String: Any], parsed)
      let title = try XCTUnwrap(paper["title"] as? String)
      XCTAssertEqual(item["title"] as? String, title)
      XCTAssertEqual(item["DOI"] as? String, "10.48550/arXiv.\(arxivID)")
      XCTAssertEqual(item["URL"] as? String, "https://arxiv.org/abs/\(arxivID)")
      XCTAssertEqual(item["number"] as? String, arxivID)
      let published = (paper["published"] as? String) ?? (paper["day"] as? String) ?? ""
      let parts = published.split(separator: "-").compactMap { Int($0) }
      XCTAssertEqual([item["year"], item["month"], item["day"]].compactMap { $0 as? Int }, parts)
      let authors = try XCTUnwrap(item["authors"] as? [[String]])
      let names = try XCTUnwrap(paper["authors"] as? [String])
      XCTAssertEqual(
        authors.map { [$0[1], $0[2], $0[0]].filter { !$0.isEmpty }.joined(separator: " ") }, names)
      XCTAssertTrue(
        bibliography.contains { $0.contains(authors[0][0]) && $0.contains(String(parts[0])) },
        "\(authors[0][0]) \(parts[0]) in \(bibliography)")
    }
  }

  // MARK: - Python

  /// The Python to run the parsers with, if it can import `module`.
  static func python(needing module: String) throws -> String {
    if let configured = ProcessInfo.processInfo.environment["FOLIO_TEST_PYTHON"],
      !configured.isEmpty
    {
      // CI installed the parsers: a missing one is a failure, not a skip.
      _ = try runPython(configured, "import \(module)")
      return configured
    }
    let found = try? runPython("python3", "import \(module)")
    guard found != nil else {
      throw XCTSkip(
        "python3 cannot import \(module): pip install rispy citeproc-py (as .ci/run does), "
          + "or set FOLIO_TEST_PYTHON to a Python that has them")
    }
    return "python3"
  }

  struct PythonFailure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `script` with `python` (a path, or a name looked up on PATH), returning its output.
  @discardableResult
  static func runPython(_ python: String, _ script: String, _ arguments: String...) throws
    -> String
  {
    let command =
      python.contains("/") ? [python] : ["/usr/bin/env", python]
    let result = try FolioRunner.execute(
      command + ["-c", script] + arguments,
      environment: ProcessInfo.processInfo.environment)
    guard result.status == 0 else {
      throw PythonFailure(description: "\(python) failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
  }
}
