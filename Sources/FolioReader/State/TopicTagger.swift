import FolioCore
import FolioQuery
import FolioStore

/// Tags listing rows with the topics they match, a page at a time: the page's papers are read
/// in one query and each topic is evaluated against their text in memory (with the meaning
/// its SQL has; see ``FolioQuery/QueryEvaluator``).
struct TopicTagger: Sendable {
  let topics: TopicSet
  let today: Day
  /// The PDF cache's names: what `has:pdf` in a topic matches.
  let cachedPDFs: Set<String>
  private let evaluator: QueryEvaluator

  init(topics: TopicSet, today: Day, cachedPDFs: Set<String> = []) {
    self.topics = topics
    self.today = today
    self.cachedPDFs = cachedPDFs
    var evaluator = QueryEvaluator(topics: topics, today: today)
    evaluator.cachedPDFs = cachedPDFs
    self.evaluator = evaluator
  }

  /// The topic names of each row of `page`, in topic order.
  func tags(_ page: [ListedPaper], in library: any LibraryReading)
    throws(StoreError) -> [[String]]
  {
    guard evaluator.topics.topics.isEmpty == false else { return page.map { _ in [] } }
    let papers = try library.papers(sortKeys: page.map(\.sortKey))
    return page.map { row in
      guard let paper = papers[row.sortKey] else { return [] }
      return evaluator.topicNames(for: SearchDocument(paper))
    }
  }
}
