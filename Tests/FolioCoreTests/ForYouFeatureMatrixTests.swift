import FolioCore
import Foundation
import XCTest

/// The featurised training (flat arrays over feature numbers) against the features and the
/// dictionary training it replaced.
final class ForYouFeatureMatrixTests: XCTestCase {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  var documents: [RecommendDocument] {
    [
      RecommendDocument(
        title: "The 2024 Sampler: DIFFUSION, again", abstract: "Diffusion samplers (x2) — 123 ok.",
        authors: ["Zoë Müller", "Ada Lovelace"], categories: ["cs.LG"], keywords: ["World Model"]),
      RecommendDocument(title: "Café au lait über alles", abstract: "naïve résumé caféine"),
      RecommendDocument(title: "", abstract: ""),
      RecommendDocument(
        title: "Diffusion policies for robot grasping", abstract: "A robot learns; robots learn.",
        authors: ["Ada  Lovelace", "ada lovelace"], categories: ["cs.RO", "cs.LG"],
        keywords: ["world model", "Robotics"]),
    ]
  }

  func testEachRowHoldsTheDocumentsCounts() {
    var matrix = ForYouFeatureMatrix()
    for document in documents { matrix.append(document) }
    XCTAssertEqual(matrix.rowCount, documents.count)
    for (row, document) in documents.enumerated() {
      var counts: [String: Double] = [:]
      for index in matrix.range(of: row) {
        let key = matrix.keys[Int(matrix.features[index])]
        XCTAssertNil(counts[key], "\(key) twice in row \(row)")
        counts[key] = matrix.counts[index]
      }
      XCTAssertEqual(counts, ForYouFeatures.counts(document), document.title)
    }
    XCTAssertEqual(Set(matrix.keys).count, matrix.featureCount)
    XCTAssertEqual(matrix.hashes, matrix.keys.map(ForYouFeatures.hash))
    let holding = matrix.rowsHolding(0..<matrix.rowCount)
    XCTAssertEqual(holding[matrix.keys.firstIndex(of: "@ada lovelace")!], 2)
    XCTAssertEqual(holding[matrix.keys.firstIndex(of: "#cs.lg")!], 2)
    XCTAssertEqual(holding[matrix.keys.firstIndex(of: "~world model")!], 2)
  }

  /// Categories and keywords share one loop and one table of spellings: a keyword spelt like
  /// a category (in any case) is still a feature of its own, in every row that has it.
  func testAKeywordSpeltLikeACategoryStaysItsOwnFeature() {
    let documents = [
      RecommendDocument(title: "", abstract: "", categories: ["cs.LG"], keywords: ["cs.lg"]),
      RecommendDocument(title: "", abstract: "", categories: ["CS.LG", ""], keywords: ["cs.LG"]),
      RecommendDocument(title: "", abstract: "", keywords: ["cs.LG", "cs.lg"]),
    ]
    var matrix = ForYouFeatureMatrix()
    for document in documents { matrix.append(document) }
    XCTAssertEqual(Set(matrix.keys), ["#cs.lg", "~cs.lg"])
    for (row, document) in documents.enumerated() {
      let keys = matrix.range(of: row).map { matrix.keys[Int(matrix.features[$0])] }
      XCTAssertEqual(Set(keys), Set(ForYouFeatures.counts(document).keys), "row \(row)")
      XCTAssertEqual(keys.count, Set(keys).count, "row \(row)")
    }
    XCTAssertEqual(matrix.rowsHolding(0..<3), [2, 3])
  }

  /// The learner over arrays is the learner over String-keyed dictionaries it replaced (the
  /// reference below, as it was), up to the order floating-point sums are taken in.
  func testArrayTrainingEqualsTheDictionaryTraining() throws {
    let topics = ["diffusion sampler image", "robot grasping arm", "language model token"]
    var examples: [TrainingExample] = []
    var unlabelled: [RecommendDocument] = []
    for index in 0..<60 {
      let topic = topics[index % 3]
      let document = RecommendDocument(
        title: "\(topic) study \(index)", abstract: "We study \(topic) again, case \(index % 7).",
        authors: ["Author \(index % 5)"], categories: ["cs.\(index % 3)"])
      switch index % 4 {
      case 0:
        examples.append(
          TrainingExample(
            document: document, signal: topic.hasPrefix("diffusion") ? .starred : .dismissed,
            at: now.addingTimeInterval(-Double(index) * 86_400)))
      case 1:
        examples.append(TrainingExample(document: document, signal: .skipped, at: now))
      default:
        unlabelled.append(document)
      }
    }
    examples.append(
      TrainingExample(
        document: RecommendDocument(title: "diffusion sampler x", abstract: ""),
        signal: .starred, at: now))
    let frequencies = DocumentFrequencies(
      documentCount: 1_000, counts: ["diffusion": 40, "robot": 300, "@author 1": 20])
    let model = try XCTUnwrap(
      ForYouModel.train(
        examples: examples, unlabelled: unlabelled, frequencies: frequencies, now: now))
    let reference = Self.referenceTrain(
      examples: examples, unlabelled: unlabelled, frequencies: frequencies, now: now)
    XCTAssertEqual(Set(model.weights.keys), Set(reference.weights.keys))
    for (key, weight) in reference.weights {
      XCTAssertEqual(model.weights[key] ?? .nan, weight, accuracy: 1e-9, key)
      XCTAssertEqual(model.idf[key] ?? .nan, frequencies.idf(key), accuracy: 1e-12, key)
    }
    XCTAssertEqual(model.bias, reference.bias, accuracy: 1e-9)
    XCTAssertEqual(model.positives, examples.filter(\.signal.isPositive).count)
  }

  /// The training as it was over dictionaries (ForYouModel+Training.swift before the arrays).
  static func referenceTrain(
    examples: [TrainingExample], unlabelled: [RecommendDocument],
    frequencies: DocumentFrequencies, now: Date
  ) -> (weights: [String: Double], bias: Double) {
    let settings = ForYouModel.Settings()
    func vector(_ document: RecommendDocument) -> [String: Double] {
      var vector: [String: Double] = [:]
      var norm = 0.0
      for (key, count) in ForYouFeatures.counts(document) {
        let value = (1 + log(max(count, 1))) * frequencies.idf(key)
        vector[key] = value
        norm += value * value
      }
      guard norm > 0 else { return vector }
      for key in vector.keys { vector[key]! /= norm.squareRoot() }
      return vector
    }
    var rows: [(vector: [String: Double], label: Double, weight: Double)] = []
    for example in examples {
      let age = max(0, now.timeIntervalSince(example.at)) / 86_400
      let decay = pow(0.5, age / settings.halfLifeDays)
      let scale = example.signal.isPositive ? 1 : settings.negativeScale
      rows.append(
        (vector(example.document), example.signal.label, example.signal.strength * scale * decay))
    }
    for document in unlabelled { rows.append((vector(document), -1, settings.unlabelledWeight)) }
    let positive = rows.filter { $0.label > 0 }.reduce(0) { $0 + $1.weight }
    let negative = rows.filter { $0.label < 0 }.reduce(0) { $0 + $1.weight }
    for index in rows.indices {
      let share = rows[index].label > 0 ? positive : negative
      rows[index].weight *= (positive + negative) / (2 * share) / Double(rows.count) * 100
    }
    var sums: (positive: [String: Double], negative: [String: Double]) = ([:], [:])
    var totals = (positive: 0.0, negative: 0.0)
    for row in rows {
      if row.label > 0 {
        totals.positive += row.weight
        for (key, value) in row.vector { sums.positive[key, default: 0] += value * row.weight }
      } else {
        totals.negative += row.weight
        for (key, value) in row.vector { sums.negative[key, default: 0] += value * row.weight }
      }
    }
    var weights: [String: Double] = [:]
    for (key, value) in sums.positive { weights[key] = value / totals.positive }
    for (key, value) in sums.negative {
      weights[key, default: 0] -= settings.rocchioNegativeShare * value / totals.negative
    }
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
        let gradient = -row.label / (1 + exp(row.label * margin)) * row.weight
        for (key, value) in row.vector {
          let old = weights[key] ?? 0
          weights[key] = old - rate * (gradient * value + settings.lambda * old)
        }
        bias -= rate * gradient * 0.1
      }
    }
    return (weights, bias)
  }
}
