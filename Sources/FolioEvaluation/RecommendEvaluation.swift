import FolioCore
import Foundation

/// The offline evaluation of the for-you model (docs/recommendations.md): for each interest,
/// split seed and number of stars, a simulated reader, every ranker's ranking of the held-out
/// papers, precision@10 and nDCG@10 averaged over interests and splits.
public struct RecommendEvaluation {
  public let corpus: RankingCorpus
  public let interests: [ReaderInterest]
  /// Each interest's papers (indices into the corpus).
  public let members: [Set<Int>]

  /// The bundled sample's papers in listing order.
  public static func samplePapers() throws -> [Paper] {
    var papers: [Paper] = []
    let context = ImportContext(
      file: "sample", day: Day(year: 2026, month: 1, day: 5)!, source: "sample")
    try TextListingImporter().read(BundledSample.bytes, context: context) { papers.append($0) }
    return papers
  }

  public init(papers: [Paper], interests: [ReaderInterest] = ReaderInterest.sample) throws {
    corpus = try RankingCorpus(papers: papers)
    self.interests = interests
    members = interests.map { interest in
      Set(papers.indices.filter { interest.contains(title: papers[$0].title) })
    }
  }

  /// One cell of the table: a ranker's mean measures over the readers of one star count.
  public struct Cell: Hashable, Sendable {
    public var precision: Double
    public var ndcg: Double
  }

  /// The evaluation's outcome.
  public struct Outcome: Sendable {
    public var stars: [Int]
    /// Mean measures by ranker and star count.
    public var cells: [Ranker: [Int: Cell]]
    /// Mean stars actually given per star count (fewer than asked when an interest has fewer
    /// training papers).
    public var starsGiven: [Int: Double]
    /// Readers per star count.
    public var readers: [Int: Int]
    /// Per-interest means of ours and the best baseline at each star count (nDCG@10).
    public var perInterest: [String: [Int: (ours: Double, best: Double, bestName: Ranker)]]
  }

  /// From this many stars on, a reader has two interests (the sample's interests hold 13–30
  /// papers, so fewer than 30 of one are ever in a training split): interests 1 and 2, 3 and
  /// 4, … of ``ReaderInterest/sample`` together.
  public static let pairedFromStars = 30

  /// The readers' interests for `stars` stars: each interest alone, or pairs of them.
  func profiles(stars: Int) -> [(name: String, members: Set<Int>)] {
    let single = zip(interests.map(\.name), members).map { (name: $0, members: $1) }
    guard stars >= Self.pairedFromStars else { return single }
    return stride(from: 0, to: single.count - 1, by: 2).map {
      (
        single[$0].name + " + " + single[$0 + 1].name,
        single[$0].members.union(single[$0 + 1].members)
      )
    }
  }

  /// Runs every ranker for every interest, split seed in `seeds` and star count in `stars`.
  public func run(
    seeds: [UInt64], stars: [Int] = [3, 10, 30], rankers: [Ranker] = Ranker.allCases,
    settings: ForYouModel.Settings = ForYouModel.Settings()
  ) throws -> Outcome {
    let now = Date(timeIntervalSince1970: 1_767_571_200)
    var sums: [Ranker: [Int: (Double, Double)]] = [:]
    var perInterestSums: [String: [Ranker: [Int: Double]]] = [:]
    var given: [Int: Int] = [:]
    var readers: [Int: Int] = [:]
    for k in stars {
      for seed in seeds {
        for (position, interest) in profiles(stars: k).enumerated() {
          let reader = SimulatedReader(
            count: corpus.papers.count, interesting: interest.members, stars: k,
            splitSeed: seed, readerSeed: seed &* 1_000_003 &+ UInt64(position) &* 7919 &+ UInt64(k))
          readers[k, default: 0] += 1
          given[k, default: 0] += reader.starred.count
          for ranker in rankers {
            let ranking = try corpus.rank(ranker, reader: reader, settings: settings, now: now)
            let precision = RankingMetrics.precision(ranking, relevant: reader.relevant)
            let ndcg = RankingMetrics.ndcg(ranking, relevant: reader.relevant)
            let old = sums[ranker]?[k] ?? (0, 0)
            sums[ranker, default: [:]][k] = (old.0 + precision, old.1 + ndcg)
            perInterestSums[interest.name, default: [:]][ranker, default: [:]][k, default: 0] +=
              ndcg
          }
        }
      }
    }
    var cells: [Ranker: [Int: Cell]] = [:]
    for (ranker, byK) in sums {
      for (k, sum) in byK {
        let count = Double(readers[k] ?? 1)
        cells[ranker, default: [:]][k] = Cell(precision: sum.0 / count, ndcg: sum.1 / count)
      }
    }
    var perInterest: [String: [Int: (ours: Double, best: Double, bestName: Ranker)]] = [:]
    for (name, byRanker) in perInterestSums {
      for k in stars where byRanker.values.contains(where: { $0[k] != nil }) {
        let ours = (byRanker[.forYou]?[k] ?? 0) / Double(seeds.count)
        let best = byRanker.filter { $0.key.isBaseline }.max {
          ($0.value[k] ?? 0, $1.key.rawValue) < ($1.value[k] ?? 0, $0.key.rawValue)
        }
        perInterest[name, default: [:]][k] = (
          ours, (best?.value[k] ?? 0) / Double(seeds.count), best?.key ?? .listing
        )
      }
    }
    return Outcome(
      stars: stars, cells: cells,
      starsGiven: given.mapValues { Double($0) }.merging(readers.mapValues(Double.init)) {
        $0 / $1
      },
      readers: readers,
      perInterest: perInterest)
  }
}
