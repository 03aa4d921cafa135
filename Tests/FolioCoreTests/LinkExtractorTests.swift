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
}
