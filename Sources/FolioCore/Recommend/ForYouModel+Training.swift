import Foundation

extension ForYouModel {
  /// Learning settings (chosen by the offline evaluation, docs/recommendations.md).
  public struct Settings: Hashable, Sendable {
    /// Days after which a signal counts half as much.
    public var halfLifeDays = 90.0
    /// Weight of each unlabelled paper, a weak negative.
    public var unlabelledWeight = 0.05
    /// Passes of stochastic gradient descent. Five beat 20 (and 3, 10, 40) on the evaluation's
    /// tuning seeds: a few passes refine the Rocchio start; more fit the few stars too closely.
    public var epochs = 5
    /// L2 regularisation.
    public var lambda = 1e-4
    /// How much the negatives' centroid is taken from the positives' in the Rocchio start.
    public var rocchioNegativeShare = 0.5
    /// Multiplies the strength of negative signals (dismissed, skipped) against positives.
    public var negativeScale = 1.0
    /// The first step size of SGD (it decays as 1 / (1 + epoch)).
    public var learningRate = 0.5
    /// Seed of the example order.
    public var seed: UInt64 = 0x466F_6C69_6F21

    public init() {}
  }

  /// Learns a model from `examples` (the reader's signals) and `unlabelled` papers (weak
  /// negatives), or nil while there are fewer than ``minimumPositives`` positive signals.
  /// Logistic regression by SGD, started from the Rocchio centroid of the positives minus the
  /// negatives, examples weighted by signal strength and age, the classes balanced.
  public static func train(
    examples: [TrainingExample], unlabelled: [RecommendDocument] = [],
    frequencies: DocumentFrequencies, now: Date, settings: Settings = Settings()
  ) -> ForYouModel? {
    guard examples.filter(\.signal.endsColdStart).count >= minimumPositives else { return nil }
    var idf: [String: Double] = [:]
    func vector(_ document: RecommendDocument) -> [String: Double] {
      Self.vector(ForYouFeatures.counts(document)) { key in
        if let known = idf[key] { return known }
        let value = frequencies.idf(key)
        idf[key] = value
        return value
      }
    }
    var rows: [(vector: [String: Double], label: Double, weight: Double)] = []
    for example in examples {
      let age = max(0, now.timeIntervalSince(example.at)) / 86_400
      let decay = pow(0.5, age / settings.halfLifeDays)
      let scale = example.signal.isPositive ? 1 : settings.negativeScale
      rows.append(
        (vector(example.document), example.signal.label, example.signal.strength * scale * decay))
    }
    for document in unlabelled {
      rows.append((vector(document), -1, settings.unlabelledWeight))
    }
    balance(&rows)
    var weights = rocchio(rows, negativeShare: settings.rocchioNegativeShare)
    var bias = 0.0
    var generator = SplitMix64(seed: settings.seed)
    var order = Array(rows.indices)
    for epoch in 0..<settings.epochs {
      order.shuffle(using: &generator)
      let rate = settings.learningRate / (1 + Double(epoch))
      for index in order {
        let row = rows[index]
        var margin = bias
        for (key, value) in row.vector { margin += (weights[key] ?? 0) * value }
        // The logistic loss's gradient: large for a row on the wrong side, small otherwise.
        let gradient = -row.label / (1 + exp(row.label * margin)) * row.weight
        for (key, value) in row.vector {
          let old = weights[key] ?? 0
          weights[key] = old - rate * (gradient * value + settings.lambda * old)
        }
        bias -= rate * gradient * 0.1
      }
    }
    if weights.count > featureCap {
      let kept = weights.sorted { abs($0.value) > abs($1.value) }.prefix(featureCap)
      weights = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }
    let knownIDF = idf.filter { weights[$0.key] != nil }
    let average = knownIDF.isEmpty ? 1 : knownIDF.values.reduce(0, +) / Double(knownIDF.count)
    return ForYouModel(
      weights: weights, idf: knownIDF, defaultIDF: average, bias: bias,
      positives: examples.filter(\.signal.isPositive).count,
      negatives: examples.count - examples.filter(\.signal.isPositive).count)
  }

  /// Scales the weights so that positives and negatives weigh the same in total.
  static func balance(_ rows: inout [(vector: [String: Double], label: Double, weight: Double)]) {
    let positive = rows.filter { $0.label > 0 }.reduce(0) { $0 + $1.weight }
    let negative = rows.filter { $0.label < 0 }.reduce(0) { $0 + $1.weight }
    guard positive > 0, negative > 0 else { return }
    let total = positive + negative
    for index in rows.indices {
      let share = rows[index].label > 0 ? positive : negative
      rows[index].weight *= total / (2 * share) / Double(rows.count) * 100
    }
  }

  /// Mean of the positives minus `negativeShare` times the mean of the negatives, by weight.
  static func rocchio(
    _ rows: [(vector: [String: Double], label: Double, weight: Double)], negativeShare: Double
  ) -> [String: Double] {
    var positive: [String: Double] = [:]
    var negative: [String: Double] = [:]
    var positiveWeight = 0.0
    var negativeWeight = 0.0
    for row in rows {
      if row.label > 0 {
        positiveWeight += row.weight
        for (key, value) in row.vector { positive[key, default: 0] += value * row.weight }
      } else {
        negativeWeight += row.weight
        for (key, value) in row.vector { negative[key, default: 0] += value * row.weight }
      }
    }
    var weights: [String: Double] = [:]
    for (key, value) in positive { weights[key] = value / max(positiveWeight, 1e-9) }
    for (key, value) in negative {
      weights[key, default: 0] -= negativeShare * value / max(negativeWeight, 1e-9)
    }
    return weights
  }
}
