import ArgumentParser
import FolioCore
import FolioEvaluation
import Foundation

/// `folio-bench recommend`: the for-you model's offline evaluation (docs/recommendations.md)
/// and the time to score one day's papers.
struct RecommendBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "Evaluate the for-you ranking against the baselines on the bundled sample.")

  /// The seeds the learner's settings were chosen on; the table reports the others.
  static let tuningSeeds: [UInt64] = Array(1...5)
  static let reportSeeds: [UInt64] = Array(101...110)

  @Flag(help: "Run the seeds the settings were tuned on instead of the held-out ones.")
  var tuningSeeds = false

  @Option(help: "Override the weight of unlabelled papers (for tuning).")
  var unlabelledWeight: Double?

  @Option(help: "Override the SGD epochs (for tuning).")
  var epochs: Int?

  @Option(help: "Override the L2 regularisation (for tuning).")
  var lambda: Double?

  @Option(help: "Override the Rocchio start's negative share (for tuning).")
  var rocchioNegative: Double?

  @Option(help: "Override the scale of negative signals (for tuning).")
  var negativeScale: Double?

  @Option(help: "Override the SGD step size (for tuning).")
  var learningRate: Double?

  @Flag(help: "Only rank with ours (faster, for tuning).")
  var oursOnly = false

  func run() throws {
    var settings = ForYouModel.Settings()
    if let unlabelledWeight { settings.unlabelledWeight = unlabelledWeight }
    if let epochs { settings.epochs = epochs }
    if let lambda { settings.lambda = lambda }
    if let rocchioNegative { settings.rocchioNegativeShare = rocchioNegative }
    if let negativeScale { settings.negativeScale = negativeScale }
    if let learningRate { settings.learningRate = learningRate }
    let papers = try RecommendEvaluation.samplePapers()
    let evaluation = try RecommendEvaluation(papers: papers)
    let seeds = tuningSeeds ? Self.tuningSeeds : Self.reportSeeds
    print("# For you: offline evaluation on the bundled sample\n")
    print("\(papers.count) papers; interests (title rules, ReaderInterest.sample):")
    for (interest, members) in zip(evaluation.interests, evaluation.members) {
      print("- \(interest.name): \(members.count) papers")
    }
    print(
      "\nSplit seeds \(seeds.first!)…\(seeds.last!) (\(tuningSeeds ? "tuning" : "held out"));"
        + " \(Int(SimulatedReader.trainingShare * 100)) % of papers train, the rest are ranked.\n")
    let sizes = evaluation.corpus.vocabularySizes
    print(
      "arxiv-sanity-lite's TF-IDF vocabulary: \(sizes.shipped) terms as shipped,"
        + " \(sizes.adjusted) with max_df 0.5, min_df 2.\n")
    let start = ContinuousClock.now
    let outcome = try evaluation.run(
      seeds: seeds, rankers: oursOnly ? [.forYou] : Ranker.allCases, settings: settings)
    print(outcome.markdown())
    print("\nnDCG@10 per interest, ours / the best baseline for that interest:\n")
    print(outcome.interestMarkdown())
    print(
      "\nReaders per k: \(outcome.readers.sorted { $0.key < $1.key }.map { "k=\($0.key): \($0.value)" }.joined(separator: ", ")); evaluation took \(seconds(start)) s."
    )
    try measureScoring(evaluation, settings: settings)
  }

  /// Trains on one reader's 30 stars and times scoring 300 papers (the sample, cycled).
  func measureScoring(_ evaluation: RecommendEvaluation, settings: ForYouModel.Settings) throws {
    let documents = evaluation.corpus.documents
    let interest = evaluation.members[0].sorted()
    let now = Date()
    let examples = interest.prefix(30).map {
      TrainingExample(document: documents[$0], signal: .starred, at: now)
    }
    let trainStart = ContinuousClock.now
    guard
      let model = ForYouModel.train(
        examples: examples, unlabelled: documents, frequencies: evaluation.corpus.frequencies,
        now: now, settings: settings)
    else { return }
    let trainTime = ContinuousClock.now - trainStart
    let day = (0..<300).map { documents[$0 % documents.count] }
    var times: [Double] = []
    // One untimed pass first: the stop-word hashes and the caches are set up once per process.
    var total = day.reduce(0) { $0 + model.score($1) }
    for _ in 0..<50 {
      let start = ContinuousClock.now
      for document in day { total += model.score(document) }
      times.append(milliseconds(ContinuousClock.now - start))
    }
    times.sort()
    print(
      "\nScoring 300 papers: median \(String(format: "%.2f", times[times.count / 2])) ms,"
        + " worst \(String(format: "%.2f", times.last!)) ms (50 runs; model of"
        + " \(model.weights.count) features; checksum \(String(format: "%.1f", total)))."
        + " Training on 30 stars + \(documents.count) unlabelled papers:"
        + " \(String(format: "%.1f", milliseconds(trainTime))) ms.")
  }

  func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }

  func seconds(_ start: ContinuousClock.Instant) -> String {
    String(format: "%.1f", milliseconds(ContinuousClock.now - start) / 1000)
  }
}
