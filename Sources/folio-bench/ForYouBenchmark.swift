import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio-bench foryou` (issue 19): a synthetic library with a simulated reader's signals
/// (positives from a dozen of the sample's papers' clusters, negatives spread over the rest);
/// full retrain, scoring a day, the For you view's first screen over a week and over every
/// paper (with the candidate path's recall of the exhaustive top 50), `folio list --sort
/// for-you --limit 50` as a whole process, and the model's size.
struct ForYouBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "foryou",
    abstract: "Time for-you training and ranking on a synthetic library with signals.")

  @Option(help: "Papers in the synthetic library.") var papers = 100_000
  @Option(help: "Library file to reuse or create (default: a temporary file).") var library: String?
  @Option(help: "Positive signals (stars); scaled to at most papers/20.") var positives = 2_000
  @Option(help: "Negative signals (read 4 in 5, dismissed 1 in 5); at most papers/2.")
  var negatives = 50_000
  @Option(help: "Repetitions of each measure.") var repeats = 5
  @Option(help: "Repetitions of the full retrain.") var retrains = 3
  @Option(help: "The folio binary (default: next to this one).") var folio: String?

  func run() throws {
    let path =
      library
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-bench-foryou-\(papers).sqlite").path
    if !FileManager.default.fileExists(atPath: path) {
      let seconds = try SyntheticLibrary(count: papers, seed: 1).write(to: path)
      print("built \(papers) papers in \(format(seconds, digits: 1)) s at \(path)")
    }
    let store = try LibraryStore.open(at: path)
    let total = try store.count()
    let wantedPositives = min(positives, total / 20)
    let wantedNegatives = min(negatives, total / 2)
    if try store.forYouSignals(limits: Self.everything).isEmpty {
      let seconds = try measure {
        try Self.teach(store, positives: wantedPositives, negatives: wantedNegatives)
      }
      print("signals written in \(format(seconds, digits: 1)) s")
    }
    let signals = try store.forYouSignals(limits: Self.everything)
    let positiveCount = signals.filter(\.signal.isPositive).count
    print(
      "library: \(total) papers, \(positiveCount) positive and \(signals.count - positiveCount) negative signals"
    )

    // Full retrain: read the signals and documents, learn, save.
    var model: ForYouModel?
    let train = Statistics(
      try (0..<max(1, retrains)).map { _ in
        try measure { model = try store.retrainForYouModel() } * 1000
      })
    report("full retrain (read, learn, save)", train, budget: 300)
    guard let model else { return print("no model: too few positive signals") }
    print("model: \(model.weights.count) features, \(model.encoded().count) bytes")

    let today = try store.days().first ?? Day.today()
    _ = try store.forYouRanking(PaperFilter(day: today), limit: 50)  // decode the model once
    let day = Statistics(
      try (0..<repeats).map { _ in
        try measure { _ = try store.forYouRanking(PaperFilter(day: today), limit: 300) } * 1000
      })
    report(
      "score one day (\(try store.counts(PaperFilter(day: today)).total) papers)", day, budget: 10)

    let week = PaperFilter(state: .unread, condition: .day(.greaterOrEqual, today.adding(days: -6)))
    let weekRuns = Statistics(
      try (0..<repeats).map { _ in
        try measure { _ = try store.forYouRanking(week, limit: 50) } * 1000
      })
    report("For you, last 7 days (\(try store.counts(week).total) unread)", weekRuns, budget: 50)

    let all = PaperFilter(state: .unread)
    var fast: ForYouRanking?
    let allRuns = Statistics(
      try (0..<repeats).map { _ in
        try measure { fast = try store.forYouRanking(all, limit: 50) } * 1000
      })
    report("For you, every paper (exact: \(fast?.isExact ?? false))", allRuns, budget: 200)
    var exhaustive: ForYouRanking?
    let exhaustiveSeconds = try measure {
      exhaustive = try store.forYouRanking(all, limit: 50, exactCap: Int.max)
    }
    let truth = Set(exhaustive?.ids ?? [])
    let found = Set(fast?.ids ?? []).intersection(truth).count
    // Ties at the 50th score make "the" top 50 ambiguous: a paper scoring as high as the
    // exhaustive 50th counts as found.
    let threshold = exhaustive?.ids.last.flatMap { exhaustive?.scores[$0] } ?? 1
    let tiedFound = (fast?.ids ?? []).filter {
      truth.contains($0) || (fast?.scores[$0] ?? 0) >= threshold
    }.count
    print(
      "recall of the exhaustive top 50: \(found)/\(truth.count) (\(tiedFound) at or above its 50th score; exhaustive ranking took \(format(exhaustiveSeconds, digits: 2)) s)"
    )
    // Near-ties: the synthetic library repeats its sample papers, so many score within a
    // hair of each other. Rank by rank, how far the candidates' scores fall below the
    // exhaustive ones, and how many candidates score within `epsilon` of its 50th.
    let exactScores = (exhaustive?.ids ?? []).compactMap { exhaustive?.scores[$0] }
    let fastScores = (fast?.ids ?? []).compactMap { fast?.scores[$0] }
    let gap = zip(exactScores, fastScores).map { $0 - $1 }.max() ?? 0
    let epsilon = 1e-3
    let withinEpsilon = fastScores.filter { $0 >= threshold - epsilon }.count
    print(
      "scores: exhaustive \(format(exactScores.first ?? 0, digits: 4))…\(format(exactScores.last ?? 0, digits: 4)), candidates \(format(fastScores.first ?? 0, digits: 4))…\(format(fastScores.last ?? 0, digits: 4)); largest gap at a rank \(format(gap, digits: 5)); \(withinEpsilon)/\(truth.count) within \(epsilon) of the exhaustive 50th"
    )

    let binary = folio ?? SuiteBenchmark.siblingBinary("folio")
    if FileManager.default.isExecutableFile(atPath: binary) {
      var status: Int32 = 0
      let runs = Statistics(
        try (0..<repeats).map { _ in
          try measure {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [
              "list", "--db", path, "--sort", "for-you", "--limit", "50", "--format", "tsv",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            status = process.terminationStatus
          } * 1000
        })
      report("folio list --sort for-you --limit 50 (exit \(status))", runs, budget: 500)
    }
  }

  private func report(_ name: String, _ runs: Statistics, budget: Double) {
    print(
      "\(name): p50 \(format(runs.median, digits: 2)) ms, max \(format(runs.maximum, digits: 2)) ms (budget \(Int(budget)) ms)"
    )
  }

  static let everything: ForYouTrainingLimits = {
    var limits = ForYouTrainingLimits()
    limits.positives = .max
    limits.negatives = .max
    return limits
  }()

  /// A simulated reader: stars `positives` papers made from twelve of the sample's papers
  /// (their "study" copies, so one interest), reads 4 in 5 and dismisses 1 in 5 of
  /// `negatives` others, all chosen by a seeded generator.
  static func teach(_ store: LibraryStore, positives: Int, negatives: Int) throws {
    let rows = try store.summaries(PaperFilter.all, limit: Int.max, offset: 0)
    var sample: [Paper] = []
    let context = ImportContext(file: "sample", day: Day.today(), source: "synthetic")
    try TextListingImporter().read(BundledSample.bytes, context: context) { sample.append($0) }
    let liked = Set(sample.prefix(12).map(\.title))
    func base(_ title: String) -> String {
      guard let range = title.range(of: " (study ", options: .backwards) else { return title }
      return String(title[..<range.lowerBound])
    }
    var generator = SplitMix64(seed: 19)
    var inInterest = rows.filter { liked.contains(base($0.title)) }.map(\.id)
    var others = rows.filter { !liked.contains(base($0.title)) }.map(\.id)
    inInterest.shuffle(using: &generator)
    others.shuffle(using: &generator)
    try store.setStarred(true, ids: Array(inInterest.prefix(positives)))
    let negative = Array(others.prefix(negatives))
    let dismissed = negative.count / 5
    try store.setDismissed(true, ids: Array(negative.prefix(dismissed)))
    try store.setRead(true, ids: Array(negative.dropFirst(dismissed)))
  }
}
