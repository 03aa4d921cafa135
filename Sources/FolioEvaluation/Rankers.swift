import FolioCore
import FolioQuery
import FolioStore
import Foundation

/// The rankings compared by the evaluation.
public enum Ranker: String, CaseIterable, Sendable {
  case listing = "listing order"
  case upvotes = "upvotes"
  case moreLikeThis = "more like this (last star)"
  case centroid = "BM25 centroid of stars"
  case arxivSanity = "arxiv-sanity-lite (as shipped)"
  case arxivSanityAdjusted = "arxiv-sanity-lite (max_df 0.5, min_df 2)"
  case forYou = "Folio for you"

  /// Whether the ranker is a baseline (everything but ours).
  public var isBaseline: Bool { self != .forYou }
}

/// The corpus and the structures every ranker needs, built once per evaluation.
public final class RankingCorpus: @unchecked Sendable {
  public let papers: [Paper]
  public let documents: [RecommendDocument]
  let store: LibraryStore
  let storeEntries: [LibraryPaper]
  let indexOfID: [String: Int]
  let shipped: (vectorizer: TfidfVectorizer, rows: [LinearSVM.Row])
  let adjusted: (vectorizer: TfidfVectorizer, rows: [LinearSVM.Row])
  public let frequencies: DocumentFrequencies

  /// The TF-IDF vocabulary sizes of the as-shipped and the adjusted arxiv-sanity-lite settings.
  public var vocabularySizes: (shipped: Int, adjusted: Int) {
    (shipped.vectorizer.vocabulary.count, adjusted.vectorizer.vocabulary.count)
  }

  /// Terms of the centroid's BM25 query.
  public static let centroidTermCount = 20

  /// Puts `papers` in a temporary in-memory library and fits both TF-IDF settings.
  public init(papers: [Paper]) throws {
    self.papers = papers
    documents = papers.map(RecommendDocument.init)
    store = try LibraryStore.inMemory()
    _ = try store.importPapers(file: "sample", format: "text", source: "sample") { session in
      for paper in papers { try session.add(paper) }
    }
    var entries: [LibraryPaper] = []
    var indexOfID: [String: Int] = [:]
    for (index, paper) in papers.enumerated() {
      guard let entry = try store.paper(id: paper.id) else {
        throw EvaluationError("paper \(index) is not in the temporary library")
      }
      entries.append(entry)
      indexOfID[entry.paper.id] = index
    }
    storeEntries = entries
    self.indexOfID = indexOfID
    let texts = papers.map { ([$0.title, $0.abstract] + $0.authors).joined(separator: " ") }
    let asShipped = TfidfVectorizer(fitting: texts)
    shipped = (asShipped, texts.map(asShipped.transform))
    let loosened = TfidfVectorizer(
      fitting: texts, settings: TfidfVectorizer.Settings(minDF: 2, maxDF: 0.5))
    adjusted = (loosened, texts.map(loosened.transform))
    var counts: [String: Int] = [:]
    for document in documents {
      for key in ForYouFeatures.keys(document) { counts[key, default: 0] += 1 }
    }
    frequencies = DocumentFrequencies(documentCount: papers.count, counts: counts)
  }

  /// The test papers of `reader` ranked by `ranker`, best first.
  public func rank(
    _ ranker: Ranker, reader: SimulatedReader, settings: ForYouModel.Settings, now: Date
  ) throws -> [Int] {
    switch ranker {
    case .listing: return reader.test
    case .upvotes:
      return reader.test.sorted { (papers[$0].upvotes ?? -1) > (papers[$1].upvotes ?? -1) }
    case .moreLikeThis:
      guard let last = reader.starred.last else { return reader.test }
      let ids = try SimilarPapers.ids(
        similarTo: storeEntries[last], in: store, limit: papers.count)
      return completed(ids.compactMap { indexOfID[$0] }, test: reader.test)
    case .centroid:
      return completed(try centroidMatches(reader.starred), test: reader.test)
    case .arxivSanity: return svmRanking(shipped.rows, reader: reader)
    case .arxivSanityAdjusted: return svmRanking(adjusted.rows, reader: reader)
    case .forYou:
      func example(_ index: Int, _ signal: ForYouSignal) -> TrainingExample {
        TrainingExample(document: documents[index], signal: signal, at: now)
      }
      let examples =
        reader.starred.map { example($0, .starred) }
        + reader.dismissed.map { example($0, .dismissed) }
        + reader.skipped.map { example($0, .skipped) }
      guard
        let model = ForYouModel.train(
          examples: examples, unlabelled: reader.unlabelled.map { documents[$0] },
          frequencies: frequencies, now: now, settings: settings)
      else { return reader.test }
      return byScore(reader.test) { model.score(documents[$0]) }
    }
  }

  /// `ranked` restricted to `test`, then the test papers it missed in listing order.
  func completed(_ ranked: [Int], test: [Int]) -> [Int] {
    let wanted = Set(test)
    var seen = Set<Int>()
    var result = ranked.filter { wanted.contains($0) && seen.insert($0).inserted }
    result += test.filter { !seen.contains($0) }
    return result
  }

  /// `items` by descending score, ties in listing order.
  func byScore(_ items: [Int], score: (Int) -> Double) -> [Int] {
    items.map { ($0, score($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
  }

  /// arxiv-sanity-lite's `serve.py`: the stars against every other training paper, a linear
  /// SVM, the test papers by its decision function.
  func svmRanking(_ rows: [LinearSVM.Row], reader: SimulatedReader) -> [Int] {
    let starred = Set(reader.starred)
    let training = (reader.starred + reader.dismissed + reader.skipped + reader.unlabelled).sorted()
    let svm = LinearSVM(
      rows: training.map { rows[$0] }, labels: training.map { starred.contains($0) ? 1 : -1 },
      dimension: rows.reduce(0) { max($0, ($1.last?.index ?? -1) + 1) })
    return byScore(reader.test) { svm.decision(rows[$0]) }
  }

  /// The starred papers' mean TF-IDF vector (title words three times, as "more like this"
  /// weighs them), its `centroidTermCount` heaviest words ORed into one full-text query ranked
  /// by the index's BM25.
  func centroidMatches(_ starred: [Int]) throws -> [Int] {
    var perPaper: [[String: Double]] = []
    var vocabulary = Set<String>()
    for index in starred {
      var counts: [String: Double] = [:]
      for token in SearchTokenizer.tokens(papers[index].title) where Self.isTerm(token) {
        counts[token, default: 0] += 3
      }
      for token in SearchTokenizer.tokens(papers[index].abstract) where Self.isTerm(token) {
        counts[token, default: 0] += 1
      }
      perPaper.append(counts)
      vocabulary.formUnion(counts.keys)
    }
    let frequencies = try store.documentFrequencies(Array(vocabulary))
    let total = Double(papers.count)
    var centroid: [String: Double] = [:]
    for counts in perPaper {
      var vector: [String: Double] = [:]
      for (term, count) in counts {
        guard let documents = frequencies[term], documents >= 2 else { continue }
        vector[term] = count * log(total / Double(documents))
      }
      let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
      for (term, value) in vector where norm > 0 { centroid[term, default: 0] += value / norm }
    }
    let terms = centroid.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(Self.centroidTermCount).map(\.key)
    guard !terms.isEmpty else { return [] }
    let expression = terms.map { "\"\($0)\"" }.joined(separator: " OR ")
    return try store.bestMatches(expression, excluding: "", limit: papers.count)
      .compactMap { indexOfID[$0] }
  }

  static func isTerm(_ token: String) -> Bool {
    token.count >= 3 && !token.allSatisfy(\.isNumber) && !StopWords.english.contains(token)
  }
}

/// An evaluation that could not be set up.
public struct EvaluationError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}
