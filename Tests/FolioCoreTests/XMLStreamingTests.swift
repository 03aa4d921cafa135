import Foundation
import XCTest

@testable import FolioCore

/// Issue 15, finding 8: Atom and RSS feeds were parsed into one tree, after whole copies of
/// the document for decoding and entities (a 38 MB feed peaked at ~300 MB). They are now read
/// entry by entry, through passes that each work a piece at a time.
final class XMLStreamingTests: XCTestCase {
  let context = ImportContext(file: "s.xml", day: Day("2026-11-27")!, source: "arxiv")

  /// Records, for each paper, how far through the input reading was when it arrived; and
  /// can fail at the first paper.
  struct TimingSink: PaperSink {
    var bytesRead = 0
    var arrivedAt: [Int] = []
    var failFirst = false
    struct Stop: Error {}

    mutating func add(_ paper: Paper) throws {
      if failFirst { throw Stop() }
      arrivedAt.append(bytesRead)
    }
    mutating func progress(bytesRead: Int) { self.bytesRead = bytesRead }
  }

  static func atom(entries: Int, tail: String = "</feed>") -> [UInt8] {
    var feed = #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
    let abstract = String(repeating: "An abstract about learning. ", count: 40)
    for index in 0..<entries {
      feed += "<entry><id>http://arxiv.org/abs/2401.\(String(format: "%05d", index))v1</id>"
      feed += "<title>Paper \(index)</title><summary>\(abstract)</summary></entry>\n"
    }
    return Array((feed + tail).utf8)
  }

  static func rss(items: Int, tail: String = "</channel></rss>") -> [UInt8] {
    var feed = "<rss><channel><pubDate>Mon, 01 Jan 2024 00:00:00 -0500</pubDate>\n"
    let abstract = String(repeating: "An abstract about learning. ", count: 40)
    for index in 0..<items {
      feed += "<item><title>Paper \(index)</title><link>https://arxiv.org/abs/2401."
      feed +=
        "\(String(format: "%05d", index))</link><description>\(abstract)</description></item>\n"
    }
    return Array((feed + tail).utf8)
  }

  /// Entries reach the sink while the feed is being read, not after all of it was parsed.
  func testEntriesArriveBeforeTheEndOfInput() throws {
    for (importer, bytes) in [
      (ArxivAtomImporter() as any PaperImporter, Self.atom(entries: 2_000)),
      (ArxivRSSImporter(), Self.rss(items: 2_000)),
    ] {
      var sink = TimingSink()
      try importer.read(bytes, context: context, into: &sink)
      XCTAssertEqual(sink.arrivedAt.count, 2_000)
      XCTAssertLessThan(try XCTUnwrap(sink.arrivedAt.first), bytes.count / 4, "\(importer)")
      XCTAssertLessThan(sink.arrivedAt[1_000], bytes.count, "\(importer)")
      XCTAssertGreaterThan(sink.arrivedAt[1_000], sink.arrivedAt[0], "\(importer)")
    }
  }

  /// A feed broken at its very end: the sink's failure at the first entry is what stops the
  /// import, because the entry arrived before the parser got to the break.
  func testTheFirstEntryArrivesBeforeABrokenEnd() throws {
    for (importer, bytes) in [
      (ArxivAtomImporter() as any PaperImporter, Self.atom(entries: 2_000, tail: "<broken")),
      (ArxivRSSImporter(), Self.rss(items: 2_000, tail: "<broken")),
    ] {
      var sink = TimingSink()
      XCTAssertThrowsError(try importer.read(bytes, context: context, into: &sink)) {
        XCTAssertTrue($0 is ImportError, "\($0)")
      }
      sink = TimingSink(failFirst: true)
      XCTAssertThrowsError(try importer.read(bytes, context: context, into: &sink)) {
        XCTAssertTrue($0 is TimingSink.Stop, "\(importer): \($0)")
      }
    }
  }

  /// The export API's error report (one entry titled "Error") is still recognised, though
  /// entries are handed on as they come; two entries, one titled "Error", are papers.
  func testTheErrorFeedIsRecognisedWhileStreaming() throws {
    let report =
      #"<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>Error</title>"#
      + "<summary>bad query</summary></entry></feed>"
    var sink = RecordingSink()
    XCTAssertThrowsError(
      try ArxivAtomImporter().read(Array(report.utf8), context: context, into: &sink)
    ) { XCTAssertTrue("\($0)".contains("the feed reports an error: bad query"), "\($0)") }
    XCTAssertTrue(sink.added.isEmpty)
    let two = report.replacingOccurrences(
      of: "</feed>", with: "<entry><id>2401.00001</id><title>Other</title></entry></feed>")
    try ArxivAtomImporter().read(Array(two.utf8), context: context, into: &sink)
    XCTAssertEqual(sink.added.map(\.title), ["Error", "Other"])
  }

  /// An RSS channel's date after its items still dates the items that give none; a second
  /// channel's items are not read, as before.
  func testTheChannelDateAfterTheItemsStillApplies() throws {
    let feed = """
      <rss><channel><item><title>Undated</title></item>
      <item><title>Dated</title><pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate></item>
      <lastBuildDate>Wed, 03 Jan 2024 00:00:00 GMT</lastBuildDate>
      <pubDate>Thu, 04 Jan 2024 00:00:00 GMT</pubDate></channel>
      <channel><item><title>Second channel</title></item></channel></rss>
      """
    var sink = RecordingSink()
    try ArxivRSSImporter().read(Array(feed.utf8), context: context, into: &sink)
    XCTAssertEqual(sink.added.map(\.title), ["Undated", "Dated"])
    XCTAssertEqual(sink.added.map(\.day), [Day("2024-01-04")!, Day("2024-01-02")!])
    XCTAssertThrowsError(
      try ArxivRSSImporter().read(
        Array("<feed><channel/></feed>".utf8), context: context, into: &sink)
    ) { XCTAssertTrue("\($0)".contains("not an RSS feed (root element <feed>)"), "\($0)") }
  }

  /// Decoding a piece at a time gives what decoding the whole gives, wherever the pieces
  /// split characters, invalid sequences included.
  func testDecodingInPiecesMatchesDecodingWhole() {
    let text: [UInt8] =
      Array("Café ✓ 𝔸 ".utf8) + [0xE2, 0x82, 0x41, 0xF0, 0x9F, 0xC3, 0xFF, 0xED, 0xA0, 0x80]
      + Array(" end é".utf8) + [0xF0, 0x9F, 0x98]
    let whole = Array(String(decoding: text, as: UTF8.self).utf8)
    for size in 1...7 {
      var decoder = XMLEncoding.Decoder(.utf8)
      var output: [UInt8] = []
      var start = 0
      while start < text.count {
        decoder.decode(text[start..<min(start + size, text.count)], into: &output)
        start += size
      }
      decoder.finish(into: &output)
      XCTAssertEqual(output, whole, "pieces of \(size)")
    }
    var latin = XMLEncoding.Decoder(.windows1252)
    var output: [UInt8] = []
    latin.decode([0x43, 0x61, 0x66, 0xE9, 0x80, 0x81], into: &output)
    XCTAssertEqual(String(decoding: output, as: UTF8.self), "Café€\u{FFFD}")
  }

  /// The entity pass hands out bounded pieces however long a comment, tag, text line or
  /// document type declaration is, and the pieces put together are the document rewritten.
  func testTheEntityPassWorksInBoundedPieces() throws {
    let long = String(repeating: "x", count: 300_000)
    let newlines = String(repeating: "\n", count: 200_000)
    let document =
      "<!DOCTYPE feed [<!ENTITY e \"ent\">\(newlines)]><!--\(long)--><feed a=\"\(long)&e;\">"
      + "\(long)&e;<![CDATA[\(long)]]></feed>"
    let bytes = Array(document.utf8)
    var pieces: [Int] = []
    var output: [UInt8] = []
    try bytes.withUnsafeBufferPointer { buffer in
      var pass = XMLEntities(buffer, file: "e.xml")
      var piece: [UInt8] = []
      while try pass.next(into: &piece) {
        pieces.append(piece.count)
        output += piece
        piece.removeAll()
      }
    }
    XCTAssertLessThanOrEqual(pieces.max() ?? 0, XMLEntities.pieceSize + 8)
    let expected =
      "\(newlines)<!--\(long)--><feed a=\"\(long)ent\">\(long)ent<![CDATA[\(long)]]></feed>"
    XCTAssertEqual(String(decoding: output, as: UTF8.self), expected)
  }

  /// Padding empty processing instructions gives the same result split anywhere.
  func testInstructionPaddingAcrossPieces() {
    let text = Array("<?a?><?b c?><??><?<?d?><?x?y?><? a?>?<?".utf8)
    let whole = XMLTreeElement.paddingEmptyInstructions(text)
    XCTAssertEqual(whole, Array("<?a ?><?b c?><? ?><?<?d ?><?x?y?><? a?>?<?".utf8))
    for size in 1...5 {
      var padding = InstructionPadding()
      var output: [UInt8] = []
      var start = 0
      while start < text.count {
        padding.pad(Array(text[start..<min(start + size, text.count)]), into: &output)
        start += size
      }
      padding.finish(into: &output)
      XCTAssertEqual(output, whole, "pieces of \(size)")
    }
  }

  /// Entity names are kept in memory as well as their text: many declarations with long
  /// names and no references count against the expansion cap too.
  func testManyEntityDeclarationsCountAgainstTheCap() throws {
    var doctype = "<!DOCTYPE feed ["
    for index in 0..<20_000 {
      doctype += "<!ENTITY name\(index)\(String(repeating: "n", count: 50)) \"v\">"
    }
    let feed =
      doctype + "]><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>2401.00001</id>"
      + "<title>T</title></entry></feed>"
    var sink = RecordingSink()
    XCTAssertThrowsError(
      try ArxivAtomImporter().read(Array(feed.utf8), context: context, into: &sink)
    ) {
      XCTAssertTrue(
        ($0 as? ImportError)?.reason.contains("entity references expand past 1 MiB") == true,
        "\($0)")
    }
  }
}
