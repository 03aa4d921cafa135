import Foundation
import XCTest

@testable import FolioCore

/// Collects what an importer hands over.
struct RecordingSink: PaperSink {
  var added: [Paper] = []
  var updates: [Paper] = []
  var skipped: [ImportError] = []
  var progress: [Int] = []

  mutating func add(_ paper: Paper) throws { added.append(paper) }
  mutating func update(_ paper: Paper) throws { updates.append(paper) }
  mutating func skip(_ problem: ImportError) { skipped.append(problem) }
  mutating func progress(bytesRead: Int) { progress.append(bytesRead) }
}

final class SourceImporterTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  let today = Day("2026-11-27")!

  func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
  }

  func read(
    _ importer: some PaperImporter, _ data: some Collection<UInt8>, file: String = "f",
    day: Day? = nil,
    skipBad: Bool = false
  ) throws -> RecordingSink {
    var sink = RecordingSink()
    let context = ImportContext(
      file: file, day: day ?? today, source: "src", dayIsExplicit: day != nil, skipBad: skipBad)
    try importer.read(data, context: context, into: &sink)
    return sink
  }

  // MARK: - Hugging Face

  func testHuggingFaceDailyPapers() throws {
    let sink = try read(HuggingFaceImporter(), try fixture("hf-daily.json"))
    XCTAssertEqual(sink.added.count, 3)
    let scicode = sink.added[0]
    XCTAssertEqual(scicode.id, "2407.13168")
    XCTAssertEqual(scicode.title, "SciCode: A Research Coding Benchmark")
    XCTAssertEqual(scicode.authors, ["Ada Lovelace", "Zoë Müller"], "hidden authors are skipped")
    XCTAssertEqual(scicode.published, Day("2024-07-18"))
    XCTAssertEqual(scicode.day, Day("2024-07-19"), "the day it was featured")
    XCTAssertEqual(scicode.upvotes, 14)
    XCTAssertEqual(scicode.commentCount, 3)
    XCTAssertEqual(scicode.keywords, ["code generation", "benchmark"])
    XCTAssertEqual(scicode.links.github, "https://github.com/scicode-bench/SciCode")
    XCTAssertEqual(scicode.links.project, "https://scicode-bench.github.io")
    XCTAssertEqual(scicode.links.abs, "https://arxiv.org/abs/2407.13168")
    XCTAssertTrue(scicode.abstract.contains(#"$\mathcal{O}(n)$ and \'e"#), "TeX is kept as text")
    XCTAssertFalse(scicode.abstract.contains("\n"))
  }

  func testHostileTextIsInertAfterImport() throws {
    let sink = try read(HuggingFaceImporter(), try fixture("hf-daily.json"))
    let hostile = sink.added[1]
    XCTAssertEqual(hostile.title, "Hostile red title with OSC")
    XCTAssertEqual(hostile.authors, ["Eve Mallory"])
    XCTAssertEqual(hostile.abstract, "Lone surrogate: \u{FFFD} and bidi override. NULhere.")
    for text in [hostile.title, hostile.abstract] + hostile.authors {
      XCTAssertFalse(
        text.unicodeScalars.contains {
          $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
        })
    }
  }

  func testHuggingFaceMissingFieldsAndTheFlatSearchShape() throws {
    let minimal = try read(HuggingFaceImporter(), try fixture("hf-daily.json")).added[2]
    XCTAssertEqual(minimal.title, "Minimal Item")
    XCTAssertEqual(minimal.day, today)
    XCTAssertNil(minimal.upvotes)
    XCTAssertEqual(minimal.authors, [])
    let flat = try read(HuggingFaceImporter(), try fixture("hf-search.json")).added
    XCTAssertEqual(flat.map(\.id), ["2401.00001"])
    XCTAssertEqual(flat[0].upvotes, 7)
    XCTAssertEqual(flat[0].day, Day("2024-01-02"))
    XCTAssertEqual(try read(HuggingFaceImporter(), try fixture("hf-empty.json")).added.count, 0)
  }

  func testExplicitDayOverridesTheSourcesDay() throws {
    let day = Day("2025-05-05")!
    XCTAssertTrue(
      try read(HuggingFaceImporter(), try fixture("hf-daily.json"), day: day).added.allSatisfy {
        $0.day == day
      })
  }

  func testBadJSONIsAnErrorNamingTheFile() {
    XCTAssertThrowsError(
      try read(HuggingFaceImporter(), Array("[{\"paper\": ".utf8), file: "x.json")
    ) { error in
      XCTAssertEqual((error as? ImportError)?.description, "x.json:1:2: not valid JSON")
    }
  }

  // MARK: - arXiv Atom

  func testArxivAtomExportFeed() throws {
    let sink = try read(ArxivAtomImporter(), try fixture("arxiv-atom.xml"))
    XCTAssertEqual(sink.added.map(\.id), ["1605.08386", "hep-th/9901001", "2401.00002"])
    let first = sink.added[0]
    XCTAssertEqual(first.title, #"Heat-bath random walks with Markov bases and $\ell_1$ norms"#)
    XCTAssertTrue(
      first.abstract.hasPrefix(
        "Graphs on lattice points are studied whose edges come from a finite set of allowed moves"))
    XCTAssertEqual(first.authors, ["Caprice Stanley", "Tobias Windisch"])
    XCTAssertEqual(first.categories, ["math.CO", "math.ST"], "primary first, once")
    XCTAssertEqual(first.published, Day("2016-05-26"))
    XCTAssertEqual(first.day, Day("2016-05-26"))
    XCTAssertEqual(first.links.abs, "https://arxiv.org/abs/1605.08386")
    XCTAssertEqual(first.links.pdf, "https://arxiv.org/pdf/1605.08386")
    XCTAssertEqual(sink.added[1].abstract, "Strings & things.")
    XCTAssertEqual(sink.added[2].abstract, "")
  }

  func testArxivAtomErrorFeedAndEmptyFeed() throws {
    XCTAssertThrowsError(
      try read(ArxivAtomImporter(), try fixture("arxiv-atom-error.xml"), file: "e.xml")
    ) { error in
      XCTAssertEqual(
        (error as? ImportError)?.description,
        "e.xml:3: the feed reports an error: incorrect id format for 1234")
    }
    XCTAssertEqual(
      try read(ArxivAtomImporter(), try fixture("arxiv-atom-empty.xml")).added.count, 0)
  }

  func testMalformedXMLNamesLineAndColumn() {
    XCTAssertThrowsError(
      try read(ArxivAtomImporter(), Array("<feed>\n  <entry>\n</feed>".utf8), file: "m.xml")
    ) { error in
      let error = error as! ImportError
      XCTAssertEqual(error.file, "m.xml")
      XCTAssertEqual(error.line, 3)
      XCTAssertNotNil(error.column)
      XCTAssertTrue(error.reason.hasPrefix("not well-formed XML"), error.reason)
    }
  }

  /// Found by fuzzing: Foundation's XMLParser crashed (SIGSEGV) on a processing instruction
  /// without data, so `folio import` of such a feed died.
  func testAProcessingInstructionWithoutDataDoesNotCrash() throws {
    let feed = """
      <?xml version="1.0"?><?empty?>
      <feed xmlns="http://www.w3.org/2005/Atom"><?also?><entry><id>http://arxiv.org/abs/2401.01234v1</id>
      <title>Kept <![CDATA[<?cdata?>]]></title><summary>S</summary></entry></feed>
      """
    let sink = try read(ArxivAtomImporter(), Array(feed.utf8))
    XCTAssertEqual(sink.added.map(\.title), ["Kept <?cdata ?>"])
    _ = try? read(ArxivRSSImporter(), Array("<rss><?x?><channel/></rss>".utf8))
    XCTAssertEqual(
      XMLTreeElement.paddingEmptyInstructions(Array("<?a?><?b c?><??><?<?d?><?".utf8)),
      Array("<?a ?><?b c?><? ?><?<?d ?><?".utf8))
    // The declaration goes, so libxml2 cannot decode the bytes as another encoding.
    XCTAssertEqual(
      XMLTreeElement.withoutDeclaration(
        Array("<?xml version='1.0'\n encoding='UTF-7'?><rss/>".utf8)),
      Array("\n<rss/>".utf8))
    let utf7 = "<?xml version=\"1.0\" encoding=\"UTF-7\"?><rss>+ADw-?x?+AD4-<channel/></rss>"
    _ = try? read(ArxivRSSImporter(), Array(utf7.utf8))
  }

  /// libxml2 refused a document given to it whole past 10 MB ("not well-formed" at its last
  /// line); an Atom export of a few thousand papers is that large.
  func testAFeedLargerThanTenMegabytesImports() throws {
    let abstract = String(repeating: "A long abstract about learning. ", count: 60)
    var feed =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    var count = 0
    while feed.utf8.count < 11_000_000 {
      feed += "<entry><id>http://arxiv.org/abs/2401.\(String(format: "%05d", count))v1</id>"
      feed += "<title>Paper \(count)</title><summary>\(abstract)</summary></entry>\n"
      count += 1
    }
    feed += "</feed>\n"
    let sink = try read(ArxivAtomImporter(), Array(feed.utf8))
    XCTAssertEqual(sink.added.count, count)
    XCTAssertEqual(sink.added.last?.title, "Paper \(count - 1)")
  }

  // MARK: - arXiv RSS

  func testArxivRSSNewCrossAndReplace() throws {
    let sink = try read(ArxivRSSImporter(), try fixture("arxiv-rss.xml"))
    XCTAssertEqual(sink.added.map(\.id), ["2401.01234", "2401.05555"])
    XCTAssertEqual(sink.updates.map(\.id), ["2312.00001"], "a replacement only updates")
    let paper = sink.added[0]
    XCTAssertEqual(paper.authors, ["Alice Smith", "Bob Jones", "Carol Lee", "Dan Brown"])
    XCTAssertEqual(paper.abstract, "We learn to learn. Code at https://github.com/x/learn2learn.")
    XCTAssertEqual(paper.links.github, "https://github.com/x/learn2learn")
    XCTAssertEqual(paper.categories, ["cs.LG", "cs.AI"])
    XCTAssertEqual(paper.day, Day("2024-01-15"))
    XCTAssertEqual(
      sink.added[1].day, Day("2024-01-15"), "the channel's date when the item has none")
    XCTAssertEqual(try read(ArxivRSSImporter(), try fixture("arxiv-rss-empty.xml")).added.count, 0)
  }

  func testCreatorSplitting() {
    XCTAssertEqual(
      ArxivRSSImporter.authors("A. One (Uni, Dept), B. Two (X (Y, Z), W), C. Three and D. Four"),
      ["A. One", "B. Two", "C. Three", "D. Four"])
    XCTAssertEqual(ArxivRSSImporter.authors("Solo Author"), ["Solo Author"])
  }

  // MARK: - JSON Lines

  func testArxivMetadataJSONLines() throws {
    let sink = try read(ArxivJSONLinesImporter(), try fixture("arxiv.jsonl"))
    XCTAssertEqual(sink.added.map(\.id), ["0704.0001", "hep-th/9901001"])
    let first = sink.added[0]
    XCTAssertEqual(
      first.title,
      "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies")
    XCTAssertEqual(first.authors, ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"])
    XCTAssertEqual(first.categories, ["hep-ph"])
    XCTAssertEqual(first.published, Day("2007-04-02"))
    XCTAssertEqual(first.day, Day("2007-04-02"))
    XCTAssertEqual(sink.added[1].authors, ["A. Author", "B. Writer"])
    XCTAssertEqual(sink.progress.last, try fixture("arxiv.jsonl").count)
  }

  func testABadLineStopsTheImportNamingIt() throws {
    XCTAssertThrowsError(
      try read(ArxivJSONLinesImporter(), try fixture("arxiv-bad.jsonl"), file: "s.jsonl")
    ) { error in
      XCTAssertEqual((error as? ImportError)?.description, "s.jsonl:2: not valid JSON")
    }
  }

  func testSkipBadSkipsAndCountsBadLines() throws {
    let sink = try read(
      ArxivJSONLinesImporter(), try fixture("arxiv-bad.jsonl"), file: "s.jsonl", skipBad: true)
    XCTAssertEqual(sink.added.map(\.id), ["hep-th/9901001", "2101.00002", "2101.00003"])
    XCTAssertEqual(
      sink.added[1].title, "Invalid \u{FFFD} UTF-8", "invalid UTF-8 is replaced, not fatal")
    XCTAssertEqual(
      sink.skipped.map(\.description), ["s.jsonl:2: not valid JSON", "s.jsonl:4: missing 'id'"])
  }

  func testAOneMegabyteAbstract() throws {
    let abstract = String(repeating: "word ", count: 210_000)
    let line = #"{"id": "2101.11408", "title": "Big", "abstract": "\#(abstract)"}"# + "\n"
    let sink = try read(ArxivJSONLinesImporter(), Array(line.utf8))
    XCTAssertEqual(sink.added.first?.abstract.count, abstract.count - 1)
  }

  // MARK: - Detection

  func testFormatsAreDetectedFromContent() throws {
    XCTAssertEqual(try FormatDetector.detect(try fixture("hf-daily.json"), file: "f"), .hf)
    XCTAssertEqual(try FormatDetector.detect(try fixture("hf-empty.json"), file: "f"), .hf)
    XCTAssertEqual(try FormatDetector.detect(try fixture("arxiv-atom.xml"), file: "f"), .arxivAtom)
    XCTAssertEqual(try FormatDetector.detect(try fixture("arxiv-rss.xml"), file: "f"), .arxivRSS)
    XCTAssertEqual(try FormatDetector.detect(try fixture("arxiv.jsonl"), file: "f"), .jsonl)
    XCTAssertEqual(
      try FormatDetector.detect(
        Array("{\n \"id\": \"2401.00001\",\n \"title\": \"x\"\n}".utf8), file: "f"), .hf)
    XCTAssertEqual(try FormatDetector.detect(Array("Title\nAbstract\n".utf8), file: "f"), .text)
  }
}
