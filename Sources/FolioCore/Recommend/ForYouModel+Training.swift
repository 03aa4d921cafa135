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
    var matrix = ForYouFeatureMatrix()
    for example in examples { matrix.append(example.document) }
    for document in unlabelled { matrix.append(document) }
    return train(
      matrix: matrix, signals: examples.map { ($0.signal, $0.at) }, frequencies: frequencies,
      now: now, settings: settings)
  }

  /// ``train(examples:unlabelled:frequencies:now:settings:)`` over documents featurised
  /// already: the first `signals.count` rows of `matrix` are the examples (with these
  /// signals), the rest unlabelled papers.
  public static func train(
    matrix: ForYouFeatureMatrix, signals: [(signal: ForYouSignal, at: Date)],
    frequencies: DocumentFrequencies, now: Date, settings: Settings = Settings()
  ) -> ForYouModel? {
    let exampleCount = min(signals.count, matrix.rowCount)
    guard signals.prefix(exampleCount).filter(\.signal.endsColdStart).count >= minimumPositives
    else { return nil }
    let idf = matrix.keys.map(frequencies.idf)
    var rows = TrainingRows(matrix: matrix, idf: idf)
    for (signal, at) in signals.prefix(exampleCount) {
      let age = max(0, now.timeIntervalSince(at)) / 86_400
      let decay = pow(0.5, age / settings.halfLifeDays)
      let scale = signal.isPositive ? 1 : settings.negativeScale
      rows.labels.append(signal.label)
      rows.weights.append(signal.strength * scale * decay)
    }
    for _ in exampleCount..<matrix.rowCount {
      rows.labels.append(-1)
      rows.weights.append(settings.unlabelledWeight)
    }
    rows.balance()
    var weights = rows.rocchio(negativeShare: settings.rocchioNegativeShare)
    let bias = rows.descend(&weights, settings: settings)
    // Every feature of every row has a weight, as the dictionaries had; the heaviest kept.
    var kept = Array(0..<matrix.featureCount)
    if kept.count > featureCap {
      kept.sort {
        abs(weights[$0]) != abs(weights[$1])
          ? abs(weights[$0]) > abs(weights[$1]) : matrix.keys[$0] < matrix.keys[$1]
      }
      kept.removeLast(kept.count - featureCap)
    }
    var weightByKey: [String: Double] = [:]
    var idfByKey: [String: Double] = [:]
    var table: [UInt64: Entry] = [:]
    weightByKey.reserveCapacity(kept.count)
    idfByKey.reserveCapacity(kept.count)
    table.reserveCapacity(kept.count)
    var idfSum = 0.0
    for id in kept {
      weightByKey[matrix.keys[id]] = weights[id]
      idfByKey[matrix.keys[id]] = idf[id]
      idfSum += idf[id]
    }
    let average = kept.isEmpty ? 1 : idfSum / Double(kept.count)
    for id in kept { table[matrix.hashes[id]] = Entry(weight: weights[id], idf: idf[id]) }
    let positives = signals.prefix(exampleCount).filter(\.signal.isPositive).count
    return ForYouModel(
      weights: weightByKey, idf: idfByKey, defaultIDF: average, bias: bias, positives: positives,
      negatives: exampleCount - positives, table: table)
  }
}

/// The training rows as flat arrays: each row's features' values (`(1 + ln count) · idf`,
/// L2-normalised) over feature numbers, its label (±1) and its weight.
struct TrainingRows {
  let starts: [Int]
  let features: [Int32]
  let values: [Double]
  let featureCount: Int
  var labels: [Double] = []
  var weights: [Double] = []

  init(matrix: ForYouFeatureMatrix, idf: [Double]) {
    var values = [Double](repeating: 0, count: matrix.counts.count)
    for row in 0..<matrix.rowCount {
      let range = matrix.range(of: row)
      var norm = 0.0
      for index in range {
        let value = (1 + log(max(matrix.counts[index], 1))) * idf[Int(matrix.features[index])]
        values[index] = value
        norm += value * value
      }
      guard norm > 0 else { continue }
      let scale = 1 / norm.squareRoot()
      for index in range { values[index] *= scale }
    }
    self.starts = matrix.rowStarts
    self.features = matrix.features
    self.values = values
    self.featureCount = matrix.featureCount
  }

  var count: Int { labels.count }

  /// Scales the weights so that positives and negatives weigh the same in total.
  mutating func balance() {
    var positive = 0.0
    var negative = 0.0
    for (label, weight) in zip(labels, weights) {
      if label > 0 { positive += weight } else if label < 0 { negative += weight }
    }
    guard positive > 0, negative > 0 else { return }
    let total = positive + negative
    for index in weights.indices {
      let share = labels[index] > 0 ? positive : negative
      weights[index] *= total / (2 * share) / Double(count) * 100
    }
  }

  /// Mean of the positives minus `negativeShare` times the mean of the negatives, by weight.
  func rocchio(negativeShare: Double) -> [Double] {
    var positive = [Double](repeating: 0, count: featureCount)
    var negative = [Double](repeating: 0, count: featureCount)
    var positiveWeight = 0.0
    var negativeWeight = 0.0
    for row in 0..<count {
      let weight = weights[row]
      if labels[row] > 0 {
        positiveWeight += weight
        for index in starts[row]..<starts[row + 1] {
          positive[Int(features[index])] += values[index] * weight
        }
      } else {
        negativeWeight += weight
        for index in starts[row]..<starts[row + 1] {
          negative[Int(features[index])] += values[index] * weight
        }
      }
    }
    let positiveScale = 1 / max(positiveWeight, 1e-9)
    let negativeScale = negativeShare / max(negativeWeight, 1e-9)
    return (0..<featureCount).map { positive[$0] * positiveScale - negative[$0] * negativeScale }
  }

  /// Stochastic gradient descent on the logistic loss from `weights`, in a seeded order;
  /// returns the bias. The L2 penalty shrinks only the features a row holds, as it did over
  /// dictionaries.
  func descend(_ weights: inout [Double], settings: ForYouModel.Settings) -> Double {
    var bias = 0.0
    var generator = SplitMix64(seed: settings.seed)
    var order = Array(0..<count)
    weights.withUnsafeMutableBufferPointer { weights in
      features.withUnsafeBufferPointer { features in
        values.withUnsafeBufferPointer { values in
          for epoch in 0..<settings.epochs {
            order.shuffle(using: &generator)
            let rate = settings.learningRate / (1 + Double(epoch))
            for row in order {
              let range = starts[row]..<starts[row + 1]
              var margin = bias
              for index in range { margin += weights[Int(features[index])] * values[index] }
              // The logistic loss's gradient: large for a row on the wrong side, small otherwise.
              let label = labels[row]
              let gradient = -label / (1 + exp(label * margin)) * self.weights[row]
              for index in range {
                let feature = Int(features[index])
                let old = weights[feature]
                weights[feature] = old - rate * (gradient * values[index] + settings.lambda * old)
              }
              bias -= rate * gradient * 0.1
            }
          }
        }
      }
    }
    return bias
  }
}
