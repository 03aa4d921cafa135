import FolioCore
import FolioQuery
import FolioStore
import XCTest

@testable import FolioReader

final class TopicTaggerTests: XCTestCase {
  /// Tagging a page through the index gives what evaluating each paper's text gives.
  func testTagsAgreeWithTheInMemoryEvaluator() throws {
    let store = try makeLibrary()
    var topics = TopicSet.defaults
    topics.set(try Topic(name: "Starred vision", query: "is:starred OR topic:Vision -video"))
    topics.set(try Topic(name: "Popular", query: "upvotes:>=20"))
    let tagger = TopicTagger(topics: topics, today: sampleDay)
    let evaluator = QueryEvaluator(topics: topics, today: sampleDay)
    let all = try store.listing(PaperFilter(), from: .position(0), limit: 10_000)
    var tagged = 0
    for start in stride(from: 0, to: all.count, by: 37) {
      let page = Array(all[start..<min(all.count, start + 37)])
      let tags = try tagger.tags(page, in: store)
      for (row, names) in zip(page, tags) {
        let paper = try XCTUnwrap(try store.paper(id: row.summary.id))
        XCTAssertEqual(names, evaluator.topicNames(for: SearchDocument(paper)), row.summary.title)
        if !names.isEmpty { tagged += 1 }
      }
    }
    XCTAssertGreaterThan(tagged, 50)
  }
}
