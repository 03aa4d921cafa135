import Foundation
import XCTest

@testable import FolioCore

/// The Zotero connector item (issue 20): every field Zotero reads, names split as Zotero keeps
/// them, the note as escaped HTML, and nothing a paper carries left live.
final class ZoteroItemTests: XCTestCase {
  static let arxivPaper = Paper.fromSource(
    title: "Analytical Engines for Symphonies", abstract: "We compose.",
    authors: [
      "Ada Lovelace", "Ludwig van Beethoven", "Martin Luther King Jr.", "ATLAS Collaboration",
    ],
    arxivID: "2411.00001", published: Day("2024-11-04")!, day: Day("2026-11-27")!,
    source: "test")!

  /// The item as Foundation reads it back.
  func object(_ value: JSONValue) throws -> [String: Any] {
    try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(value.rendered().utf8)) as? [String: Any])
  }

  func testAnArXivPaperBecomesAPreprintWithEveryField() throws {
    let library = LibraryPaper(
      paper: Self.arxivPaper,
      state: PaperState(note: "Read first\n<b>bold</b> & \"more\"", tags: ["reading-group", "ml"]))
    let item = try object(
      ZoteroItem.item(library, pdfURL: "https://arxiv.org/pdf/2411.00001", connectorID: "k1"))
    XCTAssertEqual(item["itemType"] as? String, "preprint")
    XCTAssertEqual(item["id"] as? String, "k1")
    XCTAssertEqual(item["title"] as? String, "Analytical Engines for Symphonies")
    XCTAssertEqual(item["abstractNote"] as? String, "We compose.")
    XCTAssertEqual(item["date"] as? String, "2024-11-04")
    XCTAssertEqual(item["url"] as? String, "https://arxiv.org/abs/2411.00001")
    XCTAssertEqual(item["repository"] as? String, "arXiv")
    XCTAssertEqual(item["archiveID"] as? String, "arXiv:2411.00001")
    XCTAssertEqual(item["DOI"] as? String, "10.48550/arXiv.2411.00001")
    let creators = try XCTUnwrap(item["creators"] as? [[String: Any]])
    XCTAssertEqual(
      creators.map { $0["firstName"] as? String }, ["Ada", "Ludwig", "Martin Luther, Jr.", ""])
    XCTAssertEqual(
      creators.map { $0["lastName"] as? String },
      ["Lovelace", "van Beethoven", "King", "ATLAS Collaboration"])
    XCTAssertEqual(Set(creators.map { $0["creatorType"] as? String }), ["author"])
    XCTAssertEqual(creators.map { $0["fieldMode"] as? Int }, [nil, nil, nil, 1])
    let tags = try XCTUnwrap(item["tags"] as? [[String: String]])
    XCTAssertEqual(tags, [["tag": "reading-group"], ["tag": "ml"]])
    let notes = try XCTUnwrap(item["notes"] as? [[String: String]])
    XCTAssertEqual(
      notes,
      [["note": "<p>Read first</p><p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;more&quot;</p>"]])
    let attachments = try XCTUnwrap(item["attachments"] as? [[String: String]])
    XCTAssertEqual(
      attachments,
      [
        [
          "title": "Full Text PDF", "url": "https://arxiv.org/pdf/2411.00001",
          "mimeType": "application/pdf",
        ]
      ])
  }

  func testAPaperWithoutArXivIDOrPDFHasNoArchiveFields() throws {
    let paper = Paper.fromSource(
      title: "A Blog Post", abstract: "", authors: ["Plato"], day: Day("2026-11-27")!,
      source: "test", links: PaperLinks(abs: "https://example.org/post"))!
    let item = try object(ZoteroItem.item(LibraryPaper(paper: paper), pdfURL: nil))
    XCTAssertEqual(item["itemType"] as? String, "preprint")
    XCTAssertEqual(item["date"] as? String, "2026-11-27", "the listing day when unpublished")
    XCTAssertEqual(item["url"] as? String, "https://example.org/post")
    for key in ["repository", "archiveID", "DOI", "abstractNote"] {
      XCTAssertNil(item[key], key)
    }
    XCTAssertEqual((item["attachments"] as? [Any])?.count, 0)
    XCTAssertEqual((item["notes"] as? [Any])?.count, 0)
    XCTAssertEqual((item["tags"] as? [Any])?.count, 0)
  }

  func testTheRequestBodyHoldsOneItemItsPageAndTheSession() throws {
    let body = ZoteroItem.saveItemsBody(
      LibraryPaper(paper: Self.arxivPaper), pdfURL: nil, sessionID: "abc12345")
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    XCTAssertEqual((object["items"] as? [Any])?.count, 1)
    XCTAssertEqual(object["uri"] as? String, "https://arxiv.org/abs/2411.00001")
    XCTAssertEqual(object["sessionID"] as? String, "abc12345")
  }

  /// Escape sequences and controls in a title, name, tag or note never reach Zotero.
  func testHostileTextIsCleaned() throws {
    let paper = Paper.fromSource(
      title: "Evil \u{1B}]52;c;eA==\u{7}title", abstract: "a\u{9B}2Jb",
      authors: ["Grace \u{1B}[31mHopper"], arxivID: "2401.00001", day: Day("2026-11-27")!,
      source: "test")!
    let library = LibraryPaper(
      paper: paper, state: PaperState(note: "one\u{1B}[2Jtwo", tags: ["t\u{7}ag"]))
    let text = ZoteroItem.item(library, pdfURL: "https://arxiv.org/pdf/2401.00001\u{1B}[0m")
      .rendered()
    XCTAssertFalse(text.contains("\\u001b"), text)
    XCTAssertFalse(text.contains("\\u0007"), text)
    XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x1B }, text)
    let item = try object(ZoteroItem.item(library, pdfURL: nil))
    XCTAssertEqual(item["title"] as? String, "Evil title")
    let creators = try XCTUnwrap(item["creators"] as? [[String: Any]])
    XCTAssertEqual(creators.first?["lastName"] as? String, "Hopper")
  }
}
