import Foundation
import Ink
import XCTest

@testable import FolioCore

final class ExportTests: XCTestCase {
  static let day = Day("2026-11-27")!

  /// A fixed set: hostile titles, an arXiv paper with many authors, a note with Markdown in it,
  /// papers on two days, two papers whose BibTeX keys clash.
  static func document(_ entries: [ExportDocument.Entry]? = nil) -> ExportDocument {
    func paper(
      _ title: String, abstract: String = "An abstract.", authors: [String] = [],
      arxivID: String? = nil,
      day: Day = day, links: PaperLinks = PaperLinks(), categories: [String] = [],
      note: String? = nil,
      upvotes: Int? = nil, tags: [String] = []
    ) -> LibraryPaper {
      var paper = Paper.fromSource(
        title: title, abstract: abstract, authors: authors, arxivID: arxivID, day: day,
        source: "test",
        links: links, upvotes: upvotes, categories: categories)!
      paper.links = arxivID == nil ? links : paper.links
      return LibraryPaper(
        paper: paper,
        state: PaperState(starredAt: Date(timeIntervalSince1970: 0), note: note, tags: tags))
    }
    let all =
      entries ?? [
        .init(
          paper(
            "Scaling [Laws] for *Long* _Abstracts_ with `code` <html> | pipes",
            abstract: "We *scale* things & more.",
            authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"],
            arxivID: "2411.01234",
            categories: ["cs.LG", "cs.CL"],
            note: "Read for Friday\n- not a list\n1. not numbered either",
            tags: ["survey", "Week"]),
          topics: ["LLMs", "Efficient ML"]),
        .init(
          paper(
            "Braces {and} 100% of & #hash_tags $x$ \\cmd ~tilde ^caret",
            authors: ["Zoë Müller", "Jürgen Ô"],
            links: PaperLinks(
              github: "https://github.com/a/b_c", project: "https://p.example/x (1)")),
          topics: ["Vision"]),
        .init(paper("A Title Without Links Or Authors", day: day.adding(days: -1)), topics: []),
        .init(
          paper(
            "Deep Nets", authors: ["Ann Smith"], arxivID: "2401.00001", upvotes: 5,
            tags: ["Survey"]),
          topics: ["LLMs"]),
        .init(
          paper("Deep Nets Again", authors: ["Bo Smith"], arxivID: "2401.00002", upvotes: 9),
          topics: ["LLMs"]),
        .init(
          paper("javascript link", links: PaperLinks(project: "javascript:alert(1)")), topics: []),
      ]
    return ExportDocument(
      title: "Starred papers — 2026-11-27", entries: all,
      topicOrder: ["LLMs", "Vision", "Efficient ML"],
      emptyMessage: "Nothing is starred yet.")
  }

  func testMarkdownGoldenFiles() {
    for grouping in ExportDocument.Grouping.allCases {
      assertGolden(
        MarkdownExporter.render(Self.document(), grouping: grouping, abstracts: grouping == .topic),
        named: "starred-\(grouping.rawValue).md")
    }
    assertGolden(
      MarkdownExporter.render(Self.document([]), grouping: .topic, abstracts: false),
      named: "empty.md")
  }

  func testBibTeXGoldenFiles() {
    assertGolden(BibTeXExporter.render(Self.document()), named: "starred.bib")
    assertGolden(BibTeXExporter.render(Self.document([])), named: "empty.bib")
  }

  func testJSONGoldenFile() {
    let document = Self.document()
    let text =
      JSONValue.array(document.entries.map { PaperJSON.value($0.paper, topics: $0.topics) })
      .rendered() + "\n"
    assertGolden(text, named: "starred.json")
    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)))
  }

  func testJSONEscapesEveryControlSoItIsInertOnATerminal() throws {
    let text = JSONValue.string("a\u{1B}[2J b\u{9B}c \u{202E}d\u{2066} e\u{7F}").rendered()
    XCTAssertEqual(text, #""a\u001b[2J b\u009bc \u202ed\u2066 e\u007f""#)
    let decoded = try JSONSerialization.jsonObject(
      with: Data(text.utf8), options: .fragmentsAllowed)
    XCTAssertEqual(decoded as? String, "a\u{1B}[2J b\u{9B}c \u{202E}d\u{2066} e\u{7F}")
  }

  func testDigestGoldenFile() {
    assertGolden(DigestExporter.render(Self.document(), includeOthers: true), named: "digest.md")
  }

  /// Issue 19: with a model, the digest opens with the best-scored papers it lists, in score
  /// order; ids it does not list are skipped; without a model (nil) it is as before.
  func testDigestRecommendedForYouGoldenFile() {
    let document = Self.document()
    let ids = document.entries.map(\.paper.paper.id)
    let ranking = ["not-listed", ids[5], ids[0], ids[3]]
    assertGolden(
      DigestExporter.render(document, includeOthers: true, forYou: ranking),
      named: "digest-for-you.md")
    XCTAssertEqual(
      DigestExporter.render(document, includeOthers: true, forYou: nil),
      DigestExporter.render(document, includeOthers: true))
    XCTAssertEqual(
      DigestExporter.render(document, includeOthers: true, forYou: []),
      DigestExporter.render(document, includeOthers: true), "a model that ranks nothing listed")
  }

  /// At most ten recommendations, and only among the papers the digest lists (its topics).
  func testDigestRecommendsTenOfThePapersItLists() {
    let entries = (1...12).map { index in
      ExportDocument.Entry(
        LibraryPaper(
          paper: Paper.fromSource(
            title: "Paper \(index)", abstract: "A.", day: Self.day, source: "test")!),
        topics: index == 12 ? ["Vision"] : ["LLMs"])
    }
    let document = ExportDocument(
      title: "Papers", entries: entries, topicOrder: ["LLMs"], emptyMessage: "None.")
    let ranking = entries.reversed().map(\.paper.paper.id)
    let digest = DigestExporter.render(document, includeOthers: false, forYou: ranking)
    XCTAssertTrue(digest.contains("## Recommended for you (10)\n\n- Paper 11\\\n"), digest)
    XCTAssertFalse(digest.contains("Paper 12"), "not in the digest's topics")
    let section = digest.components(separatedBy: "## LLMs")[0]
    XCTAssertFalse(section.contains("- Paper 1\\"), "the eleventh best")
    XCTAssertTrue(section.contains("- Paper 2\\"), section)
  }

  /// Issue 16 #7: a digest's first sentence does not stop at an abbreviation, an initial or
  /// a decimal number; it does stop at a real sentence end, and a long one is cut at the cap.
  func testDigestSentencesKnowAbbreviations() {
    let cases: [(String, String)] = [
      (
        "We study large models on many tasks (e.g. Translation, i.e. Text) and more. Then x.",
        "We study large models on many tasks (e.g. Translation, i.e. Text) and more."
      ),
      (
        "Building on the earlier work of Smith et al. We propose a method for tables. Second.",
        "Building on the earlier work of Smith et al. We propose a method for tables."
      ),
      (
        "Accuracy on the benchmark rises as shown in Fig. 3 and Eq. 2 from 3.5 to 4.25! Next.",
        "Accuracy on the benchmark rises as shown in Fig. 3 and Eq. 2 from 3.5 to 4.25!"
      ),
      (
        "Recurrent networks compared with transformers vs. Mamba, cf. J. Doe on arXiv:2401.01234. "
          + "Next.",
        "Recurrent networks compared with transformers vs. Mamba, cf. J. Doe on arXiv:2401.01234."
      ),
      (
        "Does the model generalise beyond the data it was trained on? We find it does.",
        "Does the model generalise beyond the data it was trained on?"
      ),
      (
        "Short. But the first sentence is too short to stand alone here. More.",
        "Short. But the first sentence is too short to stand alone here."
      ),
    ]
    for (abstract, sentence) in cases {
      XCTAssertEqual(DigestExporter.firstSentence(abstract), sentence)
    }
    let long = String(repeating: "word ", count: 100)
    XCTAssertEqual(
      DigestExporter.firstSentence(long), String(long.prefix(DigestExporter.sentenceLimit)) + "…")
    XCTAssertEqual(DigestExporter.firstSentence("No end at all"), "No end at all")
  }

  /// Issue 15 #14: Markdown never carries an escape sequence or control, whatever the topic
  /// names, titles or query text hold; line breaks in a one-line field become spaces.
  func testMarkdownEscapeIsInert() {
    XCTAssertEqual(
      MarkdownExporter.escape("Evil \u{1B}]2;T\u{7}\u{1B}[31mred\u{9B}6n\u{202E} a\nb\tc"),
      "Evil red a b\tc")
    XCTAssertEqual(TextCleaner.inert("a\tb\nc\u{1B}[2Jd\u{85}e\u{2066}f"), "a\tb\ncdef")
    let plain = "already fine\ttext\n"
    XCTAssertEqual(TextCleaner.inert(plain), plain)
  }

  /// What a CommonMark-style parser makes of the Markdown: every title's text and link come
  /// back exactly as they are.
  func testMarkdownRendersAsItsTextSays() throws {
    let document = Self.document()
    let html = MarkdownParser().html(
      from: MarkdownExporter.render(document, grouping: .none, abstracts: false))
    let links = Self.links(in: html)
    for entry in document.entries {
      let paper = entry.paper.paper
      if let url = paper.bestURL {
        let link = try XCTUnwrap(
          links.first { $0.text == paper.title }, "\(paper.title) in \(links)")
        XCTAssertEqual(link.href.removingPercentEncoding, url)
      } else {
        XCTAssertTrue(Self.unescapeHTML(html).contains(paper.title), paper.title)
        XCTAssertFalse(links.contains { $0.text == paper.title })
      }
    }
    XCTAssertFalse(html.contains("<em>"), "no stray emphasis")
    XCTAssertFalse(html.contains("<code>scale"), "no stray code")
    XCTAssertFalse(html.contains("javascript:"), "only http(s) links")
    XCTAssertTrue(Self.unescapeHTML(html).contains("Read for Friday"))
    XCTAssertTrue(Self.unescapeHTML(html).contains("- not a list"))
  }

  func testBibTeXKeysAreUniqueAndSpecialCharactersEscaped() {
    let text = BibTeXExporter.render(Self.document())
    let keys = text.split(separator: "\n").filter { $0.hasPrefix("@misc{") }.map {
      $0.dropFirst(6).dropLast()
    }
    XCTAssertEqual(Set(keys).count, keys.count)
    XCTAssertTrue(keys.contains("smith2026deep"))
    XCTAssertTrue(keys.contains("smith2026deepa"))
    XCTAssertTrue(keys.contains("muller2026braces"))
    XCTAssertTrue(
      text.contains(
        ##"title={Braces \{and\} 100\% of \& \#hash\_tags \$x\$ \textbackslash{}cmd \textasciitilde{}tilde \textasciicircum{}caret}"##
      ))
    XCTAssertTrue(text.contains("author={Zoë Müller and Jürgen Ô}"), "non-ASCII stays UTF-8")
    XCTAssertTrue(
      text.contains(
        "eprint={2411.01234},\n  archivePrefix={arXiv},\n  primaryClass={cs.LG},\n  url={https://arxiv.org/abs/2411.01234}"
      ))
  }

  func testGroupingPutsAPaperUnderItsFirstTopicInTopicOrder() {
    let groups = Self.document().groups(.topic)
    XCTAssertEqual(groups.map(\.heading), ["LLMs", "Vision", "Other papers"])
    XCTAssertEqual(groups[0].entries.count, 3)
    XCTAssertEqual(groups.flatMap(\.entries).count, 6)
    let days = Self.document().groups(.day)
    XCTAssertEqual(days.map(\.heading), ["2026-11-27", "2026-11-26"])
  }

  func testExportPaths() {
    XCTAssertEqual(
      ExportPath.expand("~/papers/{date}.md", home: "/home/u", today: Self.day),
      "/home/u/papers/2026-11-27.md")
    XCTAssertEqual(
      ExportPath.with(extension: "bib", "/home/u/folio-starred.md"), "/home/u/folio-starred.bib")
    XCTAssertEqual(ExportPath.with(extension: "json", "/tmp/out"), "/tmp/out.json")
    XCTAssertEqual(ExportPath.abbreviate("/home/u/x.md", home: "/home/u"), "~/x.md")
  }

  static func links(in html: String) -> [(href: String, text: String)] {
    var links: [(String, String)] = []
    var rest = Substring(html)
    while let start = rest.range(of: "<a href=\"") {
      let afterHref = rest[start.upperBound...]
      guard let hrefEnd = afterHref.firstIndex(of: "\""),
        let textStart = afterHref[hrefEnd...].firstIndex(of: ">"),
        let textEnd = afterHref.range(of: "</a>")
      else { break }
      links.append(
        (
          String(afterHref[..<hrefEnd]),
          unescapeHTML(String(afterHref[afterHref.index(after: textStart)..<textEnd.lowerBound]))
        ))
      rest = afterHref[textEnd.upperBound...]
    }
    return links
  }

  static func unescapeHTML(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&#92;", with: "\\")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
  }
}
