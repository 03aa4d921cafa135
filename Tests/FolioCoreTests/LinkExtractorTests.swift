import XCTest

@testable import FolioCore

final class LinkExtractorTests: XCTestCase {
  func testTrimsSentencePunctuationAndUnbalancedParentheses() {
    XCTAssertEqual(
      LinkExtractor.urls(in: "Code: https://github.com/a/b. Data (https://x.org/d). Done"),
      ["https://github.com/a/b", "https://x.org/d"])
  }

  func testKeepsBalancedParentheses() {
    XCTAssertEqual(
      LinkExtractor.urls(in: "see https://en.wikipedia.org/wiki/A_(b), then"),
      ["https://en.wikipedia.org/wiki/A_(b)"])
  }

  func testSplitsLaTeXHrefLeftovers() {
    XCTAssertEqual(
      LinkExtractor.urls(
        in: "at \\href{https://github.com/AI4fun/DQ-LoRe}{https://github.com/AI4fun/DQ-LoRe}."),
      ["https://github.com/AI4fun/DQ-LoRe", "https://github.com/AI4fun/DQ-LoRe"])
  }

  func testClassifiesLinks() {
    let links = LinkExtractor.links(
      in: "Project https://vrroom.github.io/synthlight/ code https://github.com/org/repo, "
        + "paper http://arxiv.org/abs/2401.01234v2 and https://github.com/ alone")
    XCTAssertEqual(links.project, "https://vrroom.github.io/synthlight/")
    XCTAssertEqual(links.github, "https://github.com/org/repo")
    XCTAssertEqual(links.abs, "https://arxiv.org/abs/2401.01234")
    XCTAssertNil(links.pdf)
  }

  func testBareGitHubIsNotACodeLink() {
    XCTAssertNil(LinkExtractor.links(in: "https://github.com/ and https://github.com/org").github)
  }

  func testMainLinkPrefersArxivThenProjectThenCode() {
    XCTAssertEqual(PaperLinks(arxivID: "2401.01234").main, "https://arxiv.org/abs/2401.01234")
    XCTAssertEqual(
      PaperLinks(github: "https://github.com/a/b", project: "https://p.io").main, "https://p.io")
    XCTAssertEqual(PaperLinks(github: "https://github.com/a/b").main, "https://github.com/a/b")
  }

  /// The text after `}{` is a link only when it is a URL: `\href{https://a.org}{a.org/x}`
  /// gave the scheme-less "a.org/x" as a link (found by the wrap fuzz target).
  func testTheLinkTextOfAnHrefIsNoLinkWithoutAScheme() {
    XCTAssertEqual(
      LinkExtractor.urls(in: "\\href{https://a.org/p}{a.org/x} and https://b.org}{c"),
      ["https://a.org/p", "https://b.org"])
  }

  // MARK: - Linear time (issue 15 #9)

  /// A URL followed by 200,000 `)`: each bracket used to recount the URL's brackets, so this
  /// took hours; now one pass. The output is what it always was: the unbalanced run trimmed.
  func testAURLFollowedByAFloodOfClosingBracketsIsTrimmed() {
    let flood = String(repeating: ")", count: 200_000)
    XCTAssertEqual(
      LinkExtractor.urls(in: "see https://x.org/a_(b)" + flood + " end"),
      ["https://x.org/a_(b)"])
    XCTAssertEqual(
      LinkExtractor.urls(in: "https://x.org/" + String(repeating: "]).", count: 100_000)),
      ["https://x.org/"])
  }

  /// Many openings keep every closing bracket they balance, however many there are.
  func testAFloodOfBalancedBracketsIsKept() {
    let url =
      "https://x.org/" + String(repeating: "(", count: 50_000)
      + String(repeating: ")", count: 50_000)
    XCTAssertEqual(LinkExtractor.urls(in: url + ")))."), [url])
  }

  /// The one-pass trimming gives what the old recounting one did, on seeded random text made
  /// of the characters trimming cares about.
  func testTrimmingMatchesTheRecountingDefinition() {
    var random = SplitMix64(seed: 15_09)
    let pieces = [
      "https://a.b/", "http://", "(", ")", "[", "]", ".", ",", "}", "}{", "x", " ", "'",
    ]
    for _ in 0..<2_000 {
      let length = Int(random.next() % 24)
      let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
        .joined()
      XCTAssertEqual(LinkExtractor.urls(in: text), Self.referenceURLs(in: text), text)
    }
  }

  /// The definition, as it was written before it was made linear: recount per bracket.
  static func referenceURLs(in text: String) -> [String] {
    var found: [String] = []
    var rest = Substring(text)
    while let range = rest.range(of: "http", options: .caseInsensitive) {
      let tail = rest[range.lowerBound...]
      guard tail.lowercased().hasPrefix("https://") || tail.lowercased().hasPrefix("http://")
      else {
        rest = rest[range.upperBound...]
        continue
      }
      let candidate = tail.prefix { !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\"" }
      rest = rest[candidate.endIndex...]
      for (index, piece) in candidate.components(separatedBy: "}{").enumerated() {
        guard
          index == 0 || piece.lowercased().hasPrefix("http://")
            || piece.lowercased().hasPrefix("https://")
        else { continue }
        var url = Substring(piece)
        while let last = url.last {
          if ".,;:!?'*}".contains(last) {
            url = url.dropLast()
          } else if last == ")" && url.filter({ $0 == "(" }).count < url.filter({ $0 == ")" }).count
          {
            url = url.dropLast()
          } else if last == "]" && url.filter({ $0 == "[" }).count < url.filter({ $0 == "]" }).count
          {
            url = url.dropLast()
          } else {
            break
          }
        }
        var host = url.lowercased()[...]
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) {
          host = host.dropFirst(scheme.count)
        }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        if !host.isEmpty, host.first != "/" { found.append(String(url)) }
      }
    }
    return found
  }
}
