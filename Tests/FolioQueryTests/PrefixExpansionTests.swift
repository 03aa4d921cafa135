import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

/// A prefix searched as the words it stands for finds exactly what the prefix query finds.
final class PrefixExpansionTests: XCTestCase {
  func testExpandedPrefixesFindWhatPrefixesFind() throws {
    let store = try makeQueryLibrary()
    let plain = QueryCompiler(topics: .defaults, today: queryToday)
    let expanding = QueryCompiler.forLibrary(store, topics: .defaults, today: queryToday)
    var expanded = 0
    for query in [
      "lear*", "\"person re-i\"*", "title:trans*", "netw* -lear*", "diff* OR segm*", "zzzz*",
      "gene* is:unread", "lea*", "topic:LLMs mode*",
    ] {
      let node = try QueryParser.parse(query)
      let topicsExpanded = try plain.expanded(node)
      if expanding.expandingPrefixes(topicsExpanded) != topicsExpanded { expanded += 1 }
      XCTAssertEqual(
        try store.papers(try expanding.filter(node)).map(\.paper.id),
        try store.papers(try plain.filter(node)).map(\.paper.id), query)
    }
    XCTAssertGreaterThanOrEqual(expanded, 6, "most of these prefixes are expanded")
  }

  func testOnlyLongPrefixesWithFewWordsAreExpanded() throws {
    let compiler = QueryCompiler(topics: .defaults, today: queryToday) { prefix in
      prefix == "many" ? nil : [prefix + "a", prefix + "b"]
    }
    let short = try compiler.expanded(try QueryParser.parse("lea*"))
    XCTAssertEqual(compiler.expandingPrefixes(short), short, "three letters use the prefix index")
    let tooMany = try compiler.expanded(try QueryParser.parse("many*"))
    XCTAssertEqual(compiler.expandingPrefixes(tooMany), tooMany)
    XCTAssertEqual(
      compiler.expandingPrefixes(try compiler.expanded(try QueryParser.parse("\"deep lear\"*"))),
      .or([
        .text(.any, TextTerm(text: "deep leara")), .text(.any, TextTerm(text: "deep learb")),
      ]))
  }
}
