import FolioCore
import Foundation
import XCTest

final class ForYouModelTests: XCTestCase {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  func document(_ title: String, _ abstract: String, authors: [String] = []) -> RecommendDocument {
    RecommendDocument(title: title, abstract: abstract, authors: authors)
  }

  var diffusion: [RecommendDocument] {
    (0..<4).map {
      document("Diffusion sampler \($0)", "A denoising diffusion sampler for images, step \($0).")
    }
  }
  var robots: [RecommendDocument] {
    (0..<4).map { document("Robot grasping \($0)", "A robot arm learns grasping policy \($0).") }
  }

  func model(positives: Int = 3) -> ForYouModel? {
    let examples =
      diffusion.prefix(positives).map { TrainingExample(document: $0, signal: .starred, at: now) }
      + robots.prefix(2).map { TrainingExample(document: $0, signal: .dismissed, at: now) }
    return ForYouModel.train(
      examples: examples, frequencies: DocumentFrequencies(documentCount: 100, counts: [:]),
      now: now)
  }

  func testFewerThanThreePositiveSignalsIsTheColdStart() {
    XCTAssertNil(model(positives: 2))
    XCTAssertNotNil(model(positives: 3))
  }

  func testRanksTheStarredKindAboveTheDismissedKind() throws {
    let model = try XCTUnwrap(model())
    XCTAssertGreaterThan(model.score(diffusion[3]), model.score(robots[3]))
    let up = model.explain(diffusion[3]).filter { $0.contribution > 0 }.map(\.label)
    XCTAssertTrue(up.contains("diffusion"), "\(up)")
    let down = model.explain(robots[3]).filter { $0.contribution < 0 }.map(\.label)
    XCTAssertTrue(down.contains("robot"), "\(down)")
    XCTAssertEqual(model.candidateTerms(limit: 1).count, 1)
  }

  func testCandidateTermsLeaveOutWordsMostPapersHold() throws {
    // "sampler" is in 90 of 100 papers, "diffusion" in 2: only the rare word is searched for.
    let examples =
      diffusion.prefix(3).map { TrainingExample(document: $0, signal: .starred, at: now) }
      + robots.prefix(2).map { TrainingExample(document: $0, signal: .dismissed, at: now) }
    let model = try XCTUnwrap(
      ForYouModel.train(
        examples: examples,
        frequencies: DocumentFrequencies(
          documentCount: 100, counts: ["sampler": 90, "diffusion": 2]), now: now))
    XCTAssertTrue(model.candidateTerms(limit: 10).contains("sampler"))
    let selective = model.candidateTerms(limit: 10, maximumShare: 0.5)
    XCTAssertTrue(selective.contains("diffusion"), "\(selective)")
    XCTAssertFalse(selective.contains("sampler"), "\(selective)")
  }

  func testAuthorsCategoriesAndKeywordsAreWholeFeatures() {
    let counts = ForYouFeatures.counts(
      RecommendDocument(
        title: "The Sampler", abstract: "", authors: ["Zoë Müller"], categories: ["cs.LG"],
        keywords: ["World Model"]))
    XCTAssertEqual(counts["@zoe muller"], 1)
    XCTAssertEqual(counts["#cs.lg"], 1)
    XCTAssertEqual(counts["~world model"], 1)
    XCTAssertEqual(counts["sampler"], ForYouFeatures.titleWeight)
    XCTAssertNil(counts["the"])
    XCTAssertEqual(ForYouFeatures.label("#cs.lg"), "cat:cs.lg")
  }

  func testHashedCountsAreTheCountsByHash() {
    let documents = [
      RecommendDocument(
        title: "The 2024 Sampler: DIFFUSION, again", abstract: "Diffusion samplers (x2) — 123 ok.",
        authors: ["Zoë Müller"], categories: ["cs.LG"], keywords: ["World Model"]),
      RecommendDocument(title: "Café au lait über alles", abstract: "naïve résumé caféine"),
      RecommendDocument(title: "", abstract: ""),
    ]
    for document in documents {
      var expected: [UInt64: Double] = [:]
      for (key, count) in ForYouFeatures.counts(document) {
        expected[ForYouFeatures.hash(key)] = count
      }
      XCTAssertEqual(ForYouFeatures.hashedCounts(document), expected, document.title)
    }
  }

  func testScoreIsTheLogisticOfTheWeightedNormalisedVector() throws {
    let model = try XCTUnwrap(model())
    for document in diffusion + robots + [document("Unseen words only", "Nothing known here.")] {
      var margin = model.bias
      for (key, value) in model.vector(document) { margin += (model.weights[key] ?? 0) * value }
      XCTAssertEqual(model.score(document), 1 / (1 + exp(-margin)), accuracy: 1e-12)
    }
  }

  func testTheModelKeepsAtMostTheFeatureCap() throws {
    // More distinct words than the cap: the heaviest featureCap survive, and the model still
    // encodes and decodes (the decoder refuses more than the cap).
    let perPaper = 1_000
    let papers = ForYouModel.featureCap / perPaper + 10
    let starred = (0..<papers).map { index in
      let words = (0..<perPaper).map { "w\(index * perPaper + $0)x" }
      return TrainingExample(
        document: document("Paper \(index)", words.joined(separator: " ")), signal: .starred,
        at: now)
    }
    let model = try XCTUnwrap(
      ForYouModel.train(
        examples: starred, frequencies: DocumentFrequencies(documentCount: 100, counts: [:]),
        now: now))
    XCTAssertEqual(model.weights.count, ForYouModel.featureCap)
    XCTAssertEqual(ForYouModel(encoded: model.encoded()), model)
  }

  func testEncodingRoundTripsAndDamagedBytesAreRefused() throws {
    let model = try XCTUnwrap(model())
    let bytes = model.encoded()
    XCTAssertEqual(ForYouModel(encoded: bytes), model)
    XCTAssertNil(ForYouModel(encoded: Array(bytes.dropLast())))
    XCTAssertNil(ForYouModel(encoded: bytes + [0]))
    XCTAssertNil(ForYouModel(encoded: []))
    var generator = SplitMix64(seed: 7)
    for _ in 0..<200 {
      var damaged = bytes
      damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(
        in: 0...255, using: &generator)
      _ = ForYouModel(encoded: damaged)  // must not trap
    }
  }
}
