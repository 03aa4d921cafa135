import FolioCore
import XCTest

@testable import FolioQuery

final class QueryParserTests: XCTestCase {
  func parse(_ text: String, mode: QueryParser.Mode = .complete) throws -> QueryNode {
    try QueryParser.parse(text, mode: mode)
  }

  func word(_ text: String, prefix: Bool = false, field: TextField = .any) -> QueryNode {
    .text(field, TextTerm(text: text, isPrefix: prefix))
  }

  func assertError(
    _ query: String, column: Int, _ message: String, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertThrowsError(try parse(query), file: file, line: line) { error in
      XCTAssertEqual(
        error as? QueryError, QueryError(column: column, message), file: file, line: line)
    }
  }

  func testEmptyQueryMatchesEverything() throws {
    XCTAssertEqual(try parse(""), .all)
    XCTAssertEqual(try parse("   "), .all)
  }

  func testJuxtapositionIsAnd() throws {
    XCTAssertEqual(try parse("person reid"), .and([word("person"), word("reid")]))
  }

  func testPrecedenceIsNotThenAndThenOr() throws {
    XCTAssertEqual(
      try parse("a b OR c NOT d"),
      .or([.and([word("a"), word("b")]), .and([word("c"), .not(word("d"))])]))
    XCTAssertEqual(try parse("a AND b or c"), .or([.and([word("a"), word("b")]), word("c")]))
    XCTAssertEqual(try parse("NOT a b"), .and([.not(word("a")), word("b")]))
  }

  func testParenthesesGroup() throws {
    XCTAssertEqual(
      try parse("(llm OR agent) -survey"),
      .and([.or([word("llm"), word("agent")]), .not(word("survey"))]))
    XCTAssertEqual(try parse("((a))"), word("a"))
  }

  func testKeywordsAreCaseInsensitiveButQuotedOnesAreText() throws {
    XCTAssertEqual(try parse("a or b"), .or([word("a"), word("b")]))
    XCTAssertEqual(try parse("a Not b"), .and([word("a"), .not(word("b"))]))
    XCTAssertEqual(try parse("\"and\""), word("and"))
  }

  func testQuotesPhrasesEscapesAndPrefixes() throws {
    XCTAssertEqual(try parse("\"large language model\""), word("large language model"))
    XCTAssertEqual(try parse("learn*"), word("learn", prefix: true))
    XCTAssertEqual(try parse("\"language model\"*"), word("language model", prefix: true))
    guard case .text(_, let term) = try parse(#""say \"hi\" \\ now""#) else { return XCTFail() }
    XCTAssertEqual(term.text, #"say "hi" \ now"#)
    XCTAssertEqual(term.tokens, ["say", "hi", "now"])
  }

  func testHyphenatedWordsArePhrasesButLeadingMinusNegates() throws {
    guard case .text(_, let term) = try parse("re-identification") else { return XCTFail() }
    XCTAssertEqual(term.tokens, ["re", "identification"])
    XCTAssertEqual(try parse("-survey"), .not(word("survey")))
  }

  func testUnicodeIsFoldedLikeTheIndex() throws {
    guard case .text(_, let term) = try parse("Müller CAFÉ 漢字") else {
      guard case .and(let children) = try parse("Müller CAFÉ 漢字"),
        case .text(_, let first) = children[0], case .text(_, let second) = children[1],
        case .text(_, let third) = children[2]
      else { return XCTFail() }
      XCTAssertEqual(first.tokens + second.tokens + third.tokens, ["muller", "cafe", "漢字"])
      return
    }
    XCTFail("three words expected, got \(term)")
  }

  func testFields() throws {
    XCTAssertEqual(try parse("title:diffusion"), word("diffusion", field: .title))
    XCTAssertEqual(try parse("ABSTRACT:\"zero shot\""), word("zero shot", field: .abstract))
    XCTAssertEqual(try parse("author:zhou"), word("zhou", field: .author))
    XCTAssertEqual(try parse("id:arXiv:2401.01234v2"), .id("2401.01234", prefix: false))
    XCTAssertEqual(try parse("id:2401.*"), .id("2401.", prefix: true))
    XCTAssertEqual(try parse("topic:\"Speech & audio\""), .topic("Speech & audio", column: 7))
    XCTAssertEqual(try parse("source:HF"), .source("hf"))
    XCTAssertEqual(try parse("day:2026-11-27"), .day(.equal, .date(Day("2026-11-27")!)))
    XCTAssertEqual(try parse("day:>=2026-11-01"), .day(.greaterOrEqual, .date(Day("2026-11-01")!)))
    XCTAssertEqual(try parse("day:today"), .day(.equal, .today))
    XCTAssertEqual(try parse("day:-7d"), .day(.greaterOrEqual, .lastDays(7)))
    XCTAssertEqual(try parse("day:<-7d"), .day(.less, .lastDays(7)))
    XCTAssertEqual(try parse("upvotes:>=10"), .upvotes(.greaterOrEqual, 10))
    XCTAssertEqual(try parse("upvotes:3"), .upvotes(.equal, 3))
    // Semantic Scholar's citation count (issue 20), every comparison upvotes has.
    XCTAssertEqual(try parse("cites:>100"), .citations(.greater, 100))
    XCTAssertEqual(try parse("CITES:<=5"), .citations(.lessOrEqual, 5))
    XCTAssertEqual(try parse("cites:0"), .citations(.equal, 0))
    XCTAssertEqual(try parse("is:starred is:UNREAD"), .and([.state(.starred), .state(.unread)]))
    XCTAssertEqual(
      try parse("has:note has:code has:arxiv"), .and([.has(.note), .has(.code), .has(.arxiv)]))
  }

  func testIncrementalModeMakesALongEnoughLastWordAPrefix() throws {
    XCTAssertEqual(try parse("lea", mode: .incremental), word("lea", prefix: true))
    XCTAssertEqual(try parse("le", mode: .incremental), word("le"))
    XCTAssertEqual(
      try parse("person re", mode: .incremental), .and([word("person"), word("re")]))
    XCTAssertEqual(
      try parse("title:diff", mode: .incremental), word("diff", prefix: true, field: .title))
    XCTAssertEqual(try parse("\"deep lea\"", mode: .incremental), word("deep lea"))
    XCTAssertEqual(try parse("re-", mode: .incremental), word("re-"))
    XCTAssertEqual(try parse("re-i", mode: .incremental), word("re-i"))
    XCTAssertEqual(try parse("re-ide", mode: .incremental), word("re-ide", prefix: true))
  }

  func testErrorsSayWhereAndWhatWasExpected() {
    assertError("(agents OR diffusion", column: 21, "expected ')' after 'diffusion'")
    assertError("(llm diffusion", column: 15, "expected ')' after 'diffusion'")
    assertError("()", column: 2, "expected a search term after '('")
    assertError("llm AND", column: 8, "expected a search term after 'AND'")
    assertError("llm OR OR x", column: 8, "expected a search term after 'OR'")
    assertError("OR llm", column: 1, "expected a search term before 'OR'")
    assertError("llm NOT", column: 8, "expected a search term after 'NOT'")
    assertError("llm )", column: 5, "unexpected ')' without a matching '('")
    assertError("say \"hello", column: 5, "unterminated quote: no closing '\"'")
    assertError("a - b", column: 4, "expected a search term after '-'")
    assertError(
      "titel:x", column: 1,
      "unknown field 'titel:'; fields are title: abstract: author: id: topic: source: day: upvotes: cites: is: has: tag:"
    )
    assertError("title:", column: 7, "expected a value after 'title:'")
    assertError(
      "day:someday", column: 5,
      "expected a day (YYYY-MM-DD, today, yesterday or -7d, optionally after >= > <= < =) after 'day:'"
    )
    assertError(
      "day:2026-02-30", column: 5,
      "expected a day (YYYY-MM-DD, today, yesterday or -7d, optionally after >= > <= < =) after 'day:'"
    )
    assertError(
      "upvotes:lots", column: 9, "expected a number, optionally after >= > <= < = after 'upvotes:'")
    assertError(
      "cites:>-1", column: 7, "expected a number, optionally after >= > <= < = after 'cites:'")
    assertError(
      "is:famous", column: 4,
      "expected starred, unstarred, unread, read, dismissed or withdrawn after 'is:'")
    assertError(
      "has:cake", column: 5, "expected note, code, arxiv, tag, summary or pdf after 'has:'")
    assertError("a ++", column: 3, "'++' has no letters or digits to search for")
    assertError("ab\"cd\"", column: 3, "unexpected '\"' inside 'ab'")
  }

  func testColumnsCountCharactersNotBytes() {
    // In bytes the end would be column 10.
    assertError("漢字 (x", column: 6, "expected ')' after 'x'")
  }
}

final class SearchTokenizerTests: XCTestCase {
  func testASCIIAndGeneralPathsAgree() {
    for text in [
      "Re-Identification of PERSONS, 3D-aware (v2)!", "C++ & x86_64: GPT-4o", "  ", "a",
      "déjà vu Müller 漢字 x",
    ] {
      XCTAssertEqual(SearchTokenizer.tokens(text), SearchTokenizer.spans(text).map(\.text), text)
    }
    XCTAssertEqual(SearchTokenizer.tokens("Re-ID, GPT-4o"), ["re", "id", "gpt", "4o"])
    XCTAssertEqual(SearchTokenizer.tokens("Zoë Müller"), ["zoe", "muller"])
  }
}

// MARK: - hf (issue 18): cat:, kw:, org:, has:summary, is:withdrawn

final class FacetQueryParserTests: XCTestCase {
  func parse(_ text: String) throws -> QueryNode { try QueryParser.parse(text) }

  func testFacetFields() throws {
    XCTAssertEqual(try parse("cat:cs.LG"), .facet(.category("cs.LG", prefix: false)))
    XCTAssertEqual(try parse("cat:cs.*"), .facet(.category("cs.", prefix: true)))
    XCTAssertEqual(
      try parse("kw:\"large language\"*"), .facet(.keyword("large language", prefix: true)))
    XCTAssertEqual(try parse("org:google"), .facet(.organization("google", prefix: false)))
    XCTAssertEqual(try parse("has:summary"), .facet(.hasSummary))
    XCTAssertEqual(try parse("has:PDF"), .facet(.cachedPDF([])), "the compiler adds the names")
    XCTAssertEqual(try parse("is:Withdrawn"), .facet(.withdrawn))
    XCTAssertEqual(
      try parse("cat:cs.LG -is:withdrawn"),
      .and([.facet(.category("cs.LG", prefix: false)), .not(.facet(.withdrawn))]))
  }

  func testAValueBeingTypedIsAPrefix() throws {
    XCTAssertEqual(
      try QueryParser.parse("is:unread cat:cs.L", mode: .incremental),
      .and([.state(.unread), .facet(.category("cs.L", prefix: true))]))
    XCTAssertEqual(
      try QueryParser.parse("org:g", mode: .incremental),
      .facet(.organization("g", prefix: true)), "even one letter: entries are short")
    XCTAssertEqual(
      try QueryParser.parse("cat:cs.L", mode: .complete), .facet(.category("cs.L", prefix: false)))
  }

  func testAStarAloneIsNoValue() {
    XCTAssertThrowsError(try parse("cat:*")) { error in
      XCTAssertEqual(
        (error as? QueryError)?.description, "query: column 5: expected a value after 'cat:'")
    }
  }
}
