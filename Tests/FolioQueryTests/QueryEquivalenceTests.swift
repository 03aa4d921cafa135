import FolioCore
import FolioStore
import XCTest

@testable import FolioQuery

/// The compiled SQL and the in-memory evaluator must select the same papers: hundreds of
/// random queries over the sample library.
final class QueryEquivalenceTests: XCTestCase {
  static let store = Result { try makeQueryLibrary() }

  func testRandomQueriesSelectTheSamePapersInSQLAndInMemory() throws {
    let store = try Self.store.get()
    let papers = try store.papers(everyPaper)
    let documents = papers.map { ($0.id, SearchDocument($0)) }
    let vocabulary = Self.vocabulary(papers)
    var compiler = QueryCompiler(topics: .defaults, today: queryToday)
    var evaluator = QueryEvaluator(topics: .defaults, today: queryToday)
    // `has:pdf`: every third paper's PDF is "cached", and a name no paper has.
    let cached = Set(
      papers.enumerated().filter { $0.offset % 3 == 0 }.map {
        PDFCache.fileName(for: $0.element.paper)
      }
        + ["none.pdf"])
    compiler.cachedPDFs = cached
    evaluator.cachedPDFs = cached
    var generator = SplitMix64(seed: 20_261_127)
    var nonEmpty = 0
    for round in 0..<400 {
      let node = Self.randomNode(
        depth: 3, vocabulary: vocabulary, papers: papers, using: &generator)
      let text = QueryPrinter.text(node)
      let parsed = try QueryParser.parse(text)
      let condition = try compiler.compile(parsed)
      let viaSQL = Set(try store.papers(PaperFilter(condition: condition)).map(\.id))
      let inMemory = Set(try documents.filter { try evaluator.lists(parsed, $0.1) }.map(\.0))
      // The listing form (full-text driven where it can be) selects the same papers, and
      // keeps the listing order.
      let listing = try store.papers(try compiler.filter(parsed)).map(\.id)
      XCTAssertEqual(Set(listing), viaSQL, "round \(round): \(text) as a listing filter")
      XCTAssertEqual(
        listing, papers.map(\.id).filter(viaSQL.contains), "round \(round): order")
      if !viaSQL.isEmpty && viaSQL.count < papers.count { nonEmpty += 1 }
      XCTAssertEqual(
        viaSQL, inMemory,
        "round \(round): \(text)\nonly SQL: \(viaSQL.subtracting(inMemory))\nonly memory: \(inMemory.subtracting(viaSQL))"
      )
      if viaSQL != inMemory { break }
    }
    XCTAssertGreaterThan(nonEmpty, 150, "most random queries select some papers but not all")
  }

  func testEveryDefaultTopicSelectsTheSamePapersBothWays() throws {
    let store = try Self.store.get()
    let papers = try store.papers(everyPaper)
    let evaluator = QueryEvaluator(topics: .defaults, today: queryToday)
    let compiler = QueryCompiler(topics: .defaults, today: queryToday)
    for topic in TopicSet.defaults.topics {
      let viaSQL = Set(
        try store.papers(PaperFilter(condition: try compiler.compile(topic.node))).map(\.id))
      let inMemory = Set(
        papers.filter { (try? evaluator.lists(topic.node, SearchDocument($0))) == true }.map(\.id)
      )
      XCTAssertEqual(viaSQL, inMemory, topic.name)
      XCTAssertFalse(viaSQL.isEmpty, "\(topic.name) matches something in the sample")
    }
  }

  // MARK: - Dismissed papers (triage)

  /// Every paper, dismissed or not, in listing order: mentioning `is:dismissed` lifts the
  /// default exclusion.
  let everyPaper = PaperFilter(
    condition: .or([.state(.dismissed), .not(.state(.dismissed))]))

  func testDismissedPapersAreLeftOutUnlessTheQueryMentionsThem() throws {
    let store = try Self.store.get()
    let compiler = QueryCompiler(topics: .defaults, today: queryToday)
    let all = try store.papers(everyPaper).map(\.id)
    let dismissed = try store.papers(try compiler.filter(try QueryParser.parse("is:dismissed")))
      .map(\.id)
    XCTAssertFalse(dismissed.isEmpty, "the test library dismisses some papers")
    let listed = try store.papers(try compiler.filter(try QueryParser.parse(""))).map(\.id)
    XCTAssertEqual(listed, all.filter { !dismissed.contains($0) })
    let notDismissed = try store.papers(
      try compiler.filter(try QueryParser.parse("not is:dismissed"))
    ).map(\.id)
    XCTAssertEqual(notDismissed, listed)
    XCTAssertEqual(try store.counts(PaperFilter()).total, listed.count, "the fast count agrees")
    XCTAssertEqual(
      try store.counts(PaperFilter(day: queryToday)).total,
      try store.papers(PaperFilter(day: queryToday)).count)
  }

  // MARK: - Random queries

  struct Vocabulary {
    var words: [String]
    var phrases: [String]
    var authorWords: [String]
  }

  static func vocabulary(_ papers: [LibraryPaper]) -> Vocabulary {
    var counts: [String: Int] = [:]
    var phrases: [String] = []
    for paper in papers {
      let tokens = SearchTokenizer.tokens(paper.paper.title + " " + paper.paper.abstract)
      for token in tokens { counts[token, default: 0] += 1 }
      if tokens.count > 6 { phrases.append(tokens[2...3].joined(separator: " ")) }
    }
    // Words of every frequency: common ones select much, rare ones little.
    let words = counts.filter { $0.key.count > 2 }.sorted { $0.value > $1.value }.map(\.key)
    let sampled = stride(from: 0, to: min(words.count, 3000), by: 7).map { words[$0] }
    let authorWords = Set(
      papers.flatMap { $0.paper.authors.flatMap { SearchTokenizer.tokens($0) } })
    return Vocabulary(words: Array(sampled), phrases: phrases, authorWords: authorWords.sorted())
  }

  static func randomNode(
    depth: Int, vocabulary: Vocabulary, papers: [LibraryPaper],
    using generator: inout SplitMix64
  ) -> QueryNode {
    let roll = Int.random(in: 0..<100, using: &generator)
    if depth > 0 && roll < 35 {
      let count = Int.random(in: 2...3, using: &generator)
      let children = (0..<count).map { _ in
        randomNode(depth: depth - 1, vocabulary: vocabulary, papers: papers, using: &generator)
      }
      return roll < 20 ? .and(children) : .or(children)
    }
    if depth > 0 && roll < 45 {
      return .not(
        randomNode(depth: depth - 1, vocabulary: vocabulary, papers: papers, using: &generator))
    }
    return randomLeaf(vocabulary: vocabulary, papers: papers, using: &generator)
  }

  static func randomLeaf(
    vocabulary: Vocabulary, papers: [LibraryPaper], using generator: inout SplitMix64
  ) -> QueryNode {
    let word = vocabulary.words.randomElement(using: &generator)!
    switch Int.random(in: 0..<31, using: &generator) {
    case 0...5: return .text(.any, TextTerm(text: word))
    case 6:
      return .text(
        .any,
        TextTerm(
          text: String(word.prefix(Int.random(in: 2...4, using: &generator))), isPrefix: true))
    case 7: return .text(.any, TextTerm(text: vocabulary.phrases.randomElement(using: &generator)!))
    case 8: return .text(.title, TextTerm(text: word))
    case 9: return .text(.abstract, TextTerm(text: word))
    case 10:
      return .text(
        .author, TextTerm(text: vocabulary.authorWords.randomElement(using: &generator)!))
    case 11:
      let paper = papers.randomElement(using: &generator)!
      return .id(paper.paper.arxivID ?? paper.id, prefix: false)
    case 12: return .id("24", prefix: true)
    case 13:
      return .topic(TopicSet.defaults.topics.randomElement(using: &generator)!.name, column: 1)
    case 14: return .source(["sample", "hf", "arxiv"].randomElement(using: &generator)!)
    case 15:
      let value: DayValue = [.today, .yesterday, .lastDays(2), .date(queryToday.adding(days: -1))]
        .randomElement(using: &generator)!
      return .day(Comparison.allCases.randomElement(using: &generator)!, value)
    case 16:
      return .upvotes(
        Comparison.allCases.randomElement(using: &generator)!,
        Int.random(in: 0...60, using: &generator))
    case 29, 30:
      // `cites:` (issue 20) around the counts the library holds (0..<250).
      return .citations(
        Comparison.allCases.randomElement(using: &generator)!,
        [0, 1, 100, Int.random(in: 0...260, using: &generator)].randomElement(using: &generator)!)
    case 17, 18: return .state(PaperStateKind.allCases.randomElement(using: &generator)!)
    case 19...21: return .has(PaperFeature.allCases.randomElement(using: &generator)!)
    case 22, 23:
      return .tag(["survey", "week/1", "none"].randomElement(using: &generator)!)
    default: return randomFacet(using: &generator)
    }
  }

  /// A `cat:`/`kw:`/`org:`/`has:summary`/`is:withdrawn`/`has:pdf` leaf (hf, issue 18): exact values in
  /// another case, prefixes of them, and values no paper has.
  static func randomFacet(using generator: inout SplitMix64) -> QueryNode {
    func value(_ pool: [String]) -> (String, Bool) {
      let chosen = pool.randomElement(using: &generator)!
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: return (chosen, false)
      case 1: return (chosen.uppercased(), false)
      case 2: return (String(chosen.prefix(Int.random(in: 1...3, using: &generator))), true)
      default: return (chosen + "x", Bool.random(using: &generator))
      }
    }
    let organizations = queryOrganizations.flatMap { [$0.name] + ($0.fullName.map { [$0] } ?? []) }
    switch Int.random(in: 0..<6, using: &generator) {
    case 5: return .facet(.cachedPDF([]))
    case 0:
      let (text, prefix) = value(queryCategories)
      return .facet(.category(text, prefix: prefix))
    case 1:
      let (text, prefix) = value(queryKeywords)
      return .facet(.keyword(text, prefix: prefix))
    case 2:
      let (text, prefix) = value(organizations)
      return .facet(.organization(text, prefix: prefix))
    case 3: return .facet(.hasSummary)
    default: return .facet(.withdrawn)
    }
  }
}
