import Foundation
import XCTest

@testable import FolioCore

/// Feeds built to break the XML importers (issue 15): deep nesting, entities, declared
/// encodings, odd ids and long prologs.
final class HostileFeedTests: XCTestCase {
  let context = ImportContext(file: "h.xml", day: Day("2026-11-27")!, source: "arxiv")

  func read(_ importer: some PaperImporter, _ bytes: [UInt8]) throws -> RecordingSink {
    var sink = RecordingSink()
    try importer.read(bytes, context: context, into: &sink)
    return sink
  }

  func read(_ importer: some PaperImporter, _ text: String) throws -> RecordingSink {
    try read(importer, Array(text.utf8))
  }

  static let atom = #"<feed xmlns="http://www.w3.org/2005/Atom">"#

  static func entry(
    id: String = "http://arxiv.org/abs/2401.01234v1", title: String, summary: String = "S"
  ) -> String {
    "<entry><id>\(id)</id><title>\(title)</title><summary>\(summary)</summary></entry>"
  }

  // MARK: - Depth (finding 4)

  /// 30,000 nested elements overflowed the stack freeing the tree (SIGSEGV through `R`).
  func testThirtyThousandNestedElementsDoNotCrash() throws {
    let depth = 30_000
    let deep =
      String(repeating: "<x>", count: depth) + "deep" + String(repeating: "</x>", count: depth)
    let feed = Self.atom + Self.entry(title: "Kept", summary: "S\(deep)") + "</feed>"
    let sink = try read(ArxivAtomImporter(), feed)
    XCTAssertEqual(sink.added.map(\.title), ["Kept"])
    XCTAssertEqual(sink.added.first?.abstract, "S")
    // Unclosed, and in RSS: an error, not a crash.
    let unclosed = "<rss><channel>" + String(repeating: "<item>", count: 100_000)
    XCTAssertThrowsError(try read(ArxivRSSImporter(), unclosed)) { error in
      XCTAssertTrue(error is ImportError, "\(error)")
    }
  }

  func testTheTreeIsNoDeeperThanTheCap() throws {
    let depth = 5_000
    let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
    var element = try XMLTreeElement.parse(Array(xml.utf8), file: "d.xml")
    var levels = 1
    while let child = element.children.first {
      element = child
      levels += 1
    }
    XCTAssertEqual(levels, XMLTreeElement.maxDepth)
  }

  // MARK: - Entities (finding 15)

  /// `Before &ext; After` read as `Before`; at the end of a title it wiped the abstract.
  func testAnExternalEntityKeepsTheTextAroundIt() throws {
    let feed = """
      <?xml version="1.0"?>
      <!DOCTYPE feed [
        <!ENTITY ext SYSTEM "http://example.com/ext.txt">
      ]>
      \(Self.atom)
      \(Self.entry(title: "Before &ext; After", summary: "First"))
      \(Self.entry(id: "2401.00002", title: "Ends in &ext;", summary: "Abstract kept"))
      \(Self.entry(id: "2401.00003", title: "Undeclared &nbsp; too", summary: "x &undefined; y"))
      </feed>
      """
    let sink = try read(ArxivAtomImporter(), feed)
    XCTAssertEqual(
      sink.added.map(\.title), ["Before &ext; After", "Ends in &ext;", "Undeclared &nbsp; too"])
    XCTAssertEqual(sink.added.map(\.abstract), ["First", "Abstract kept", "x &undefined; y"])
  }

  /// `<!ENTITY x "text">` lost its text.
  func testInternalEntitiesExpandInTextAndAttributes() throws {
    let feed = """
      <!DOCTYPE feed [
        <!-- a comment with ] and " in it -->
        <!ENTITY name "Learning">
        <!ENTITY title "&name; to &amp; from &#233;xamples">
        <!ENTITY cat 'cs."LG"'>
        <!ENTITY % param "ignored">
        <!ENTITY name "the first declaration wins">
      ]>
      \(Self.atom)<entry><id>2401.01234</id><title>&title;</title>
      <summary>An
      &name; abstract</summary><category term="&cat;"/></entry>
      <entry><id>2401.00002</id><title>Line after</title><summary>x</summary></entry>
      </feed>
      """
    let sink = try read(ArxivAtomImporter(), feed)
    XCTAssertEqual(sink.added.first?.title, "Learning to & from éxamples")
    XCTAssertEqual(sink.added.first?.abstract, "An Learning abstract")
    XCTAssertEqual(sink.added.first?.categories, [#"cs."LG""#])
    XCTAssertEqual(sink.added.count, 2)
    // Line numbers in messages stay those of the file.
    let broken = feed.replacingOccurrences(of: "<title>Line after</title>", with: "<title>")
    XCTAssertThrowsError(try read(ArxivAtomImporter(), broken)) { error in
      XCTAssertEqual((error as? ImportError)?.line, 12, "\(error)")
    }
  }

  /// Nested entities ("billion laughs") and one big entity used many times stop at the cap.
  func testEntityExpansionIsCapped() throws {
    var laughs = #"<!DOCTYPE feed [<!ENTITY lol0 "lol">"#
    for level in 1...9 {
      laughs += "<!ENTITY lol\(level) \""
      laughs += String(repeating: "&lol\(level - 1);", count: 10) + "\">"
    }
    laughs += "]>" + Self.atom + Self.entry(title: "&lol9;") + "</feed>"
    let big = String(repeating: "x", count: 100_000)
    let many =
      "<!DOCTYPE feed [<!ENTITY big \"\(big)\">]>" + Self.atom
      + Self.entry(title: String(repeating: "&big;", count: 20)) + "</feed>"
    for feed in [laughs, many] {
      XCTAssertThrowsError(try read(ArxivAtomImporter(), feed)) { error in
        XCTAssertTrue(
          (error as? ImportError)?.reason.contains("entity references expand past 1 MiB") == true,
          "\(error)")
      }
    }
    // Below the cap, expansion works.
    let fine =
      "<!DOCTYPE feed [<!ENTITY big \"\(big)\">]>" + Self.atom
      + Self.entry(title: "&big;&big;") + "</feed>"
    XCTAssertEqual(try read(ArxivAtomImporter(), fine).added.first?.title.count, 200_000)
  }

  // MARK: - Encodings (finding 15)

  /// A declared latin-1 encoding was ignored: "Café" read as "Caf\u{FFFD}".
  func testTheDeclaredEncodingIsHonoured() throws {
    func feed(_ encoding: String, title: [UInt8]) -> [UInt8] {
      Array(
        "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n\(Self.atom)<entry><id>2401.01234</id><title>"
          .utf8)
        + title + Array("</title><summary>S</summary></entry></feed>".utf8)
    }
    let cafe: [UInt8] = [0x43, 0x61, 0x66, 0xE9]
    for encoding in ["ISO-8859-1", "latin1", "iso_8859-1", "windows-1252", "CP1252"] {
      XCTAssertEqual(
        try read(ArxivAtomImporter(), feed(encoding, title: cafe)).added.first?.title, "Café",
        encoding)
    }
    XCTAssertEqual(
      try read(ArxivAtomImporter(), feed("windows-1252", title: [0x93, 0x51, 0x94, 0x80]))
        .added.first?.title, "\u{201C}Q\u{201D}\u{20AC}")
    XCTAssertEqual(
      try read(ArxivAtomImporter(), feed("ISO-8859-15", title: cafe + [0x20, 0xA4])).added.first?
        .title, "Café €")
    for encoding in ["UTF-8", "utf-16"] {
      XCTAssertEqual(
        try read(ArxivAtomImporter(), feed(encoding, title: Array("Café".utf8))).added.first?.title,
        "Café", encoding)
    }
    let rss: [UInt8] =
      Array("<?xml version='1.0' encoding='ISO-8859-1'?><rss><channel><item><title>".utf8) + cafe
      + Array("</title><link>https://arxiv.org/abs/2401.01234</link></item></channel></rss>".utf8)
    XCTAssertEqual(try read(ArxivRSSImporter(), rss).added.first?.title, "Café")
    XCTAssertThrowsError(try read(ArxivAtomImporter(), feed("EBCDIC-US", title: cafe))) { error in
      XCTAssertEqual(
        (error as? ImportError)?.description,
        "h.xml:1: unsupported encoding 'EBCDIC-US' in the XML declaration "
          + "(Folio reads UTF-8, ISO-8859-1, ISO-8859-15 and windows-1252)")
    }
    XCTAssertThrowsError(try read(ArxivAtomImporter(), feed("\u{1B}]2;x", title: cafe))) { error in
      XCTAssertFalse((error as? ImportError)?.description.contains("\u{1B}") ?? true)
    }
  }

  // MARK: - Ids (finding 15)

  /// An `<id>` with surrounding whitespace, a query or a fragment was not an arXiv id, so the
  /// paper came in twice.
  func testAtomIdsWithWhitespaceQueryOrFragmentAreArxivIds() throws {
    let feed =
      Self.atom
      + Self.entry(id: "\n    http://arxiv.org/abs/2401.01234v1\n  ", title: "A")
      + Self.entry(id: "http://arxiv.org/abs/2401.00002v2?x=1", title: "B")
      + Self.entry(id: "http://arxiv.org/abs/2401.00003#frag", title: "C") + "</feed>"
    let sink = try read(ArxivAtomImporter(), feed)
    XCTAssertEqual(sink.added.map(\.id), ["2401.01234", "2401.00002", "2401.00003"])
    XCTAssertEqual(sink.added.map(\.arxivID), ["2401.01234", "2401.00002", "2401.00003"])
  }

  // MARK: - Detection (finding 15)

  /// An Atom feed with more than 4 KB before `<feed` was not detected.
  func testFeedsAreDetectedAfterAPrologOfAnySize() throws {
    let prolog =
      "<?xml version=\"1.0\"?>\n<!-- " + String(repeating: "padding <rss> ", count: 80_000)
      + " -->\n<?style sheet=\"x > y\"?>\n"
      + "<!DOCTYPE feed [ <!-- ] > \" --> <!ENTITY e \"<rss> ]>\"> ]>\n"
      + String(repeating: " \n", count: 5_000)
    let atom = prolog + Self.atom + Self.entry(title: "T") + "</feed>"
    XCTAssertGreaterThan(atom.utf8.count, 1_000_000)
    XCTAssertEqual(try FormatDetector.detect(Array(atom.utf8), file: "f"), .arxivAtom)
    XCTAssertEqual(try read(ArxivAtomImporter(), atom).added.map(\.title), ["T"])
    XCTAssertEqual(
      try FormatDetector.detect(Array((prolog + "<rss><channel/></rss>").utf8), file: "f"),
      .arxivRSS)
    let prefixed = #"<a:feed xmlns:a="http://www.w3.org/2005/Atom"></a:feed>"#
    XCTAssertEqual(try FormatDetector.detect(Array(prefixed.utf8), file: "f"), .arxivAtom)
    for other in ["<html><feed/></html>", "<!-- unclosed <feed>", "<?pi <feed> ", "< feed/>"] {
      XCTAssertThrowsError(try FormatDetector.detect(Array(other.utf8), file: "f"), other)
    }
  }

  /// The scan is fed in pieces: a prolog split anywhere gives the same answer.
  func testThePrologScannerWorksAcrossAnySplit() {
    let document = Array(
      "<?xml version='1.0'?><!-- c --><!DOCTYPE x [<!-- ' --><!ENTITY a '>'>]><p:feed a='1'>"
        .utf8)
    for split in 0...document.count {
      var scanner = XMLPrologScanner()
      for byte in document[..<split] { scanner.take(byte) }
      for byte in document[split...] where !scanner.isFinished { scanner.take(byte) }
      XCTAssertEqual(scanner.rootName, "feed", "split at \(split)")
    }
  }
}
