import FolioCore
import FolioQuery
import FolioStore

/// The topics of the listing rows the reader has loaded, worked out a page at a time as rows
/// arrive and kept by paper id, so that scrolling back costs nothing.
struct RowTopics: Sendable {
  /// Topic names per paper id; emptied when it holds more than ``limit`` papers.
  private var names: [String: [String]] = [:]
  /// Works out the topics of rows as they are loaded.
  private var tagger: TopicTagger
  /// The PDF cache's names as last listed in the background (``ReaderEvent/pdfCacheListed(_:)``):
  /// what `has:pdf` in a topic matches. Empty until then.
  private(set) var cachedPDFs: Set<String> = []
  /// Changes each time the topic picker opens, so counts for an earlier one are dropped.
  var pickerGeneration = 0

  /// The most papers whose topics are kept: a few thousand rows of scrolling.
  static let limit = 5000

  init(topics: TopicSet, today: Day) {
    tagger = TopicTagger(topics: topics, today: today)
  }

  /// The topics of paper `id`, when its row was loaded.
  subscript(id: String) -> [String]? { names[id] }

  /// Forgets paper `id`'s topics (its state changed, and a topic may test state).
  mutating func forget(_ id: String) {
    names[id] = nil
  }

  /// Forgets every paper's topics (the library changed).
  mutating func forgetAll() {
    names.removeAll(keepingCapacity: true)
  }

  /// Takes a new listing of the PDF cache; true when the rows' topics must be worked out again
  /// (the names changed and a topic of `topics` says `has:pdf`), having forgotten them all.
  mutating func takeCachedPDFs(_ names: Set<String>, topics: TopicSet) -> Bool {
    guard names != cachedPDFs else { return false }
    cachedPDFs = names
    tagger = TopicTagger(topics: tagger.topics, today: tagger.today, cachedPDFs: names)
    guard topics.mentionsCachedPDF else { return false }
    forgetAll()
    return true
  }

  /// Works out the topics of the rows of `page` not seen before, with `topics` as of `today`.
  mutating func learn(
    _ page: [ListedPaper], topics: TopicSet, today: Day, from library: any LibraryReading
  ) throws(StoreError) {
    let untagged = page.filter { names[$0.summary.id] == nil }
    guard !untagged.isEmpty else { return }
    if tagger.topics != topics || tagger.today != today {
      tagger = TopicTagger(topics: topics, today: today, cachedPDFs: cachedPDFs)
    }
    if names.count > Self.limit { forgetAll() }
    let tags = try tagger.tags(untagged, in: library)
    for (row, found) in zip(untagged, tags) { names[row.summary.id] = found }
  }
}
