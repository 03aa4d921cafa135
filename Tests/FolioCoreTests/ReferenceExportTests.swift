import Foundation
import XCTest

@testable import FolioCore

/// RIS and CSL-JSON (issue 20): golden files, name splitting, and text that stays inert.
final class ReferenceExportTests: XCTestCase {
  func testRISGoldenFiles() {
    assertGolden(RISExporter.render(ExportTests.document()), named: "starred.ris")
    XCTAssertEqual(RISExporter.render(ExportTests.document([])), "")
  }

  func testCSLJSONGoldenFiles() throws {
    let text = CSLJSONExporter.render(ExportTests.document())
    assertGolden(text, named: "starred.csl.json")
    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    XCTAssertEqual(CSLJSONExporter.render(ExportTests.document([])), "[]\n")
  }

  func testNamesSplitAsReferenceManagersSplitThem() {
    let cases: [(String, PersonName, String)] = [
      ("Ada Lovelace", PersonName(family: "Lovelace", given: "Ada"), "Lovelace, Ada"),
      ("Jean-Paul Sartre", PersonName(family: "Sartre", given: "Jean-Paul"), "Sartre, Jean-Paul"),
      (
        "Ludwig van Beethoven", PersonName(family: "Beethoven", given: "Ludwig", particle: "van"),
        "van Beethoven, Ludwig"
      ),
      (
        "Jean de la Fontaine", PersonName(family: "Fontaine", given: "Jean", particle: "de la"),
        "de la Fontaine, Jean"
      ),
      ("Zoë Müller", PersonName(family: "Müller", given: "Zoë"), "Müller, Zoë"),
      ("A. B. Smith", PersonName(family: "Smith", given: "A. B."), "Smith, A. B."),
      ("Van Morrison", PersonName(family: "Morrison", given: "Van"), "Morrison, Van"),
      ("Plato", PersonName(literal: "Plato"), "Plato"),
      ("ATLAS Collaboration", PersonName(literal: "ATLAS Collaboration"), "ATLAS Collaboration"),
      ("Li, Fei-Fei", PersonName(family: "Li", given: "Fei-Fei"), "Li, Fei-Fei"),
      (
        "van Beethoven, Ludwig", PersonName(family: "Beethoven", given: "Ludwig", particle: "van"),
        "van Beethoven, Ludwig"
      ),
      (
        "Martin Luther King Jr.",
        PersonName(family: "King", given: "Martin Luther", suffix: "Jr."),
        "King, Martin Luther, Jr."
      ),
      (
        "Martin Luther King, Jr.",
        PersonName(family: "King", given: "Martin Luther", suffix: "Jr."),
        "King, Martin Luther, Jr."
      ),
      (
        "King, Martin Luther, Jr.",
        PersonName(family: "King", given: "Martin Luther", suffix: "Jr."),
        "King, Martin Luther, Jr."
      ),
      ("da Silva", PersonName(family: "Silva", particle: "da"), "da Silva"),
      (
        "de la Fontaine, Jean", PersonName(family: "Fontaine", given: "Jean", particle: "de la"),
        "de la Fontaine, Jean"
      ),
      (
        "  Grace \u{1B}[31mHopper\n ", PersonName(family: "Hopper", given: "Grace"), "Hopper, Grace"
      ),
    ]
    for (raw, expected, inverted) in cases {
      let name = PersonName(parsing: raw)
      XCTAssertEqual(name, expected, raw)
      XCTAssertEqual(name.inverted, inverted, raw)
    }
  }

  /// A hostile title, author or note cannot start a tag of its own, nor carry a control.
  func testRISValuesAreOneInertLine() {
    let paper = Paper.fromSource(
      title: "Evil\r\nTY  - JOUR\u{2028}ER  - \u{1B}]52;c;eA==\u{7}title",
      abstract: "Line one\nAU  - Mallory, Eve\n\nline\u{85}three", authors: ["Bad\nAU  - Guy"],
      arxivID: "2401.00001", day: ExportTests.day, source: "test")!
    let entry = ExportDocument.Entry(
      LibraryPaper(paper: paper, state: PaperState(note: "first\nER  - \nsecond\u{9B}2J")),
      topics: [])
    let text = RISExporter.render(
      ExportDocument(title: "t", entries: [entry], topicOrder: [], emptyMessage: ""))
    let lines = text.components(separatedBy: "\r\n")
    XCTAssertEqual(lines.filter { $0.hasPrefix("TY  - ") }, ["TY  - PREP"])
    XCTAssertEqual(lines.filter { $0.hasPrefix("ER  - ") }, ["ER  - "])
    XCTAssertEqual(lines.filter { $0.hasPrefix("AU  - ") }.count, 1, text)
    XCTAssertEqual(lines.last, "")
    for line in lines where !line.isEmpty {
      XCTAssertNotNil(line.range(of: #"^[A-Z][A-Z0-9]  - "#, options: .regularExpression), line)
      XCTAssertFalse(
        line.unicodeScalars.contains {
          $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0 == "\u{2028}"
        }, line)
    }
    XCTAssertTrue(text.contains("\r\nN1  - first ER - second\r\n"), text)
  }

  /// CSL-JSON strings lose escape sequences and controls (a citeproc would print them); the
  /// note keeps its line breaks, which JSON escapes.
  func testCSLJSONStringsAreCleaned() throws {
    var paper = Paper.fromSource(
      title: "Clean", abstract: "Abstract.", authors: ["Eve Mallory"], day: ExportTests.day,
      source: "test")!
    paper.title = "Evil \u{1B}[2Jtitle\u{202E}"
    paper.authors = ["Eve \u{9B}31mMallory"]
    let entry = ExportDocument.Entry(
      LibraryPaper(paper: paper, state: PaperState(note: "one\u{7}\ntwo")), topics: [])
    let text = CSLJSONExporter.render(
      ExportDocument(title: "t", entries: [entry], topicOrder: [], emptyMessage: ""))
    let items = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    XCTAssertEqual(items.first?["title"] as? String, "Evil title")
    XCTAssertEqual(
      items.first?["author"] as? [[String: String]], [["family": "Mallory", "given": "Eve"]])
    XCTAssertEqual(items.first?["note"] as? String, "one\ntwo")
    XCTAssertFalse(text.contains("\\u001b") || text.contains("\\u009b"), text)
  }

  func testCSLJSONNamesAndFields() throws {
    let text = CSLJSONExporter.render(ExportTests.document())
    let items = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    let scaling = try XCTUnwrap(items.first { ($0["number"] as? String) == "2411.01234" })
    XCTAssertEqual(scaling["type"] as? String, "article")
    XCTAssertEqual(scaling["DOI"] as? String, "10.48550/arXiv.2411.01234")
    XCTAssertEqual(scaling["URL"] as? String, "https://arxiv.org/abs/2411.01234")
    let authors = try XCTUnwrap(scaling["author"] as? [[String: String]])
    XCTAssertEqual(authors.first, ["family": "Lovelace", "given": "Ada"])
    let issued = try XCTUnwrap(scaling["issued"] as? [String: [[Int]]])
    XCTAssertEqual(issued["date-parts"], [[2026, 11, 27]])
    XCTAssertEqual(scaling["keyword"] as? String, "survey, Week")
  }
}
