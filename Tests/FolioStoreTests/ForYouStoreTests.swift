import FolioCore
import Foundation
import GRDB
import XCTest

@testable import FolioStore

/// The store's side of "For you" (issue 19): the migration, the signals a library's state
/// gives, the saved model and its staleness, ranking and explanations.
final class ForYouStoreTests: XCTestCase {
  /// Papers on graphs and on proteins, so three starred graph papers teach a clear taste.
  private func library(graphs: Int = 8, proteins: Int = 8) throws -> (LibraryStore, [Paper]) {
    let store = try LibraryStore.inMemory()
    var papers: [Paper] = []
    for index in 0..<graphs {
      papers.append(
        makePaper(
          "Graph neural networks for message passing \(index)",
          abstract: "We study graph neural networks, message passing and node embeddings \(index).")
      )
    }
    for index in 0..<proteins {
      papers.append(
        makePaper(
          "Protein folding with molecular dynamics \(index)",
          abstract: "We simulate protein folding, molecular dynamics and amino chains \(index)."))
    }
    try store.add(papers)
    return (store, papers)
  }

  private let day0 = Date(timeIntervalSince1970: 1_790_000_000)

  private func at(_ hours: Double) -> Date { day0.addingTimeInterval(hours * 3600) }

  func testEachKindOfStateGivesItsSignalAndTheLaterOfDismissedAndPositiveWins() throws {
    let (store, papers) = try library(graphs: 9, proteins: 0)
    let ids = papers.map(\.id)
    try store.setTimestamp("starred_at", on: true, ids: [ids[0]], at: at(1))
    try store.setNote("good", id: ids[1])
    try store.setTagged(true, name: TagName("gnn")!, ids: [ids[2]])
    try store.recordSignal(.viewed, ids: [ids[3]], at: at(2))
    try store.recordSignal(.opened, ids: [ids[4]], at: at(3))
    try store.setTimestamp("read_at", on: true, ids: [ids[5], ids[3]], at: at(4))
    try store.setTimestamp("dismissed_at", on: true, ids: [ids[6]], at: at(5))
    // Starred, then dismissed later: dismissed. Dismissed, then viewed later: viewed.
    try store.setTimestamp("starred_at", on: true, ids: [ids[7]], at: at(1))
    try store.setTimestamp("dismissed_at", on: true, ids: [ids[7]], at: at(6))
    try store.setTimestamp("dismissed_at", on: true, ids: [ids[8]], at: at(1))
    try store.recordSignal(.viewed, ids: [ids[8]], at: at(7))
    let signals = Dictionary(
      uniqueKeysWithValues: try store.forYouSignals().map { ($0.id, $0) })
    XCTAssertEqual(signals[ids[0]]?.signal, .starred)
    XCTAssertEqual(signals[ids[0]]?.at, at(1))
    XCTAssertEqual(signals[ids[1]]?.signal, .noted)
    XCTAssertEqual(signals[ids[2]]?.signal, .tagged)
    XCTAssertEqual(signals[ids[3]]?.signal, .viewed, "viewed and read: the positive")
    XCTAssertEqual(signals[ids[3]]?.at, at(2))
    XCTAssertEqual(signals[ids[4]]?.signal, .opened)
    XCTAssertEqual(signals[ids[5]]?.signal, .skipped)
    XCTAssertEqual(signals[ids[5]]?.at, at(4))
    XCTAssertEqual(signals[ids[6]]?.signal, .dismissed)
    XCTAssertEqual(signals[ids[7]]?.signal, .dismissed, "dismissed after the star")
    XCTAssertEqual(signals[ids[8]]?.signal, .viewed, "viewed after the dismissal")
    XCTAssertEqual(signals.count, 9)
    // A star outranks a note and a tag on the same paper.
    try store.setTimestamp("starred_at", on: true, ids: [ids[1], ids[2]], at: at(8))
    let again = try store.forYouSignals().filter { [ids[1], ids[2]].contains($0.id) }
    XCTAssertEqual(again.map(\.signal), [.starred, .starred])
  }

  func testTheCapsKeepTheMostRecentSignals() throws {
    let (store, papers) = try library(graphs: 6, proteins: 0)
    let ids = papers.map(\.id)
    for index in 0..<4 {
      try store.setTimestamp("starred_at", on: true, ids: [ids[index]], at: at(Double(index)))
    }
    try store.setTimestamp("dismissed_at", on: true, ids: [ids[4]], at: at(1))
    try store.setTimestamp("dismissed_at", on: true, ids: [ids[5]], at: at(9))
    var limits = ForYouTrainingLimits()
    limits.positives = 2
    limits.negatives = 1
    XCTAssertEqual(
      try store.forYouSignals(limits: limits).map(\.id), [ids[3], ids[2], ids[5]])
  }

  func testStalenessFollowsEveryStateChange() throws {
    let (store, papers) = try library()
    let ids = papers.map(\.id)
    XCTAssertTrue(try store.isForYouModelStale, "never trained")
    try store.setStarred(true, ids: Array(ids[0..<3]))
    try store.retrainForYouModel()
    XCTAssertFalse(try store.isForYouModelStale)
    let changes: [(String, () throws -> Void)] = [
      ("star", { try store.setStarred(true, ids: [ids[3]]) }),
      ("read", { try store.setRead(true, ids: [ids[9]]) }),
      ("dismiss", { try store.setDismissed(true, ids: [ids[10]]) }),
      ("note", { try store.setNote("n", id: ids[11]) }),
      ("tag", { try store.setTagged(true, name: TagName("t")!, ids: [ids[4]]) }),
      ("untag", { try store.setTagged(false, name: TagName("t")!, ids: [ids[4]]) }),
      ("viewed", { try store.recordSignal(.viewed, ids: [ids[5]], at: Date()) }),
    ]
    for (name, change) in changes {
      try change()
      XCTAssertTrue(try store.isForYouModelStale, name)
      try store.retrainForYouModel()
      XCTAssertFalse(try store.isForYouModelStale, name)
    }
  }

  func testTheColdStartHasNoModelAndIsNotRetrainedUntilSomethingChanges() throws {
    let (store, papers) = try library()
    try store.setStarred(true, ids: [papers[0].id, papers[1].id])
    try store.recordSignal(.viewed, ids: [papers[2].id], at: Date())
    XCTAssertNil(try store.trainForYouModel())
    try store.retrainForYouModel()
    XCTAssertFalse(try store.isForYouModelStale)
    XCTAssertNil(try store.forYouModel())
    XCTAssertNil(try store.forYouRanking(PaperFilter(), limit: 10))
    XCTAssertNil(try store.forYouExplanation(id: papers[0].id))
  }

  func testTheSavedModelReadsBackAndADamagedOneIsNoModel() throws {
    let (store, papers) = try library()
    try store.setStarred(true, ids: papers[0..<3].map(\.id))
    try store.setDismissed(true, ids: [papers[8].id])
    let trained = try XCTUnwrap(try store.retrainForYouModel())
    XCTAssertEqual(try store.forYouModel(), trained)
    XCTAssertEqual(try store.forYouModel(), trained, "from the cache")
    try store.write { db in
      try db.execute(sql: "UPDATE for_you_model SET model = x'464f4c494f2d4659310000'")
    }
    XCTAssertNil(try store.forYouModel())
    XCTAssertTrue(try store.isForYouModelStale, "damaged: retrain")
    XCTAssertNil(try store.forYouRanking(PaperFilter(), limit: 5))
    let retrained = try XCTUnwrap(try store.retrainForYouModel())
    XCTAssertEqual(try store.forYouModel(), retrained)
    XCTAssertEqual(retrained.weights.keys.sorted(), trained.weights.keys.sorted())
  }

  func testRankingPutsTheTaughtTopicFirstAndLeavesDismissedOut() throws {
    let (store, papers) = try library()
    try store.setStarred(true, ids: papers[0..<3].map(\.id))
    try store.setDismissed(true, ids: [papers[8].id, papers[3].id])
    try store.retrainForYouModel()
    let ranking = try XCTUnwrap(try store.forYouRanking(PaperFilter(), limit: 100))
    XCTAssertTrue(ranking.isExact)
    XCTAssertEqual(ranking.ids.count, 14)
    XCTAssertFalse(ranking.ids.contains(papers[3].id))
    XCTAssertFalse(ranking.ids.contains(papers[8].id))
    XCTAssertEqual(
      Set(ranking.ids.prefix(7)), Set(papers[0..<8].map(\.id)).subtracting([papers[3].id]))
    XCTAssertEqual(Set(ranking.scores.keys), Set(ranking.ids))
    let scores = ranking.ids.map { ranking.scores[$0]! }
    XCTAssertEqual(scores, scores.sorted(by: >))
    let top3 = try XCTUnwrap(try store.forYouRanking(PaperFilter(), limit: 3))
    XCTAssertEqual(top3.ids, Array(ranking.ids.prefix(3)))
    XCTAssertEqual(Set(top3.scores.keys), Set(top3.ids), "scores only for the ids returned")
    let dismissed = try XCTUnwrap(
      try store.forYouRanking(PaperFilter(condition: .state(.dismissed)), limit: 10))
    XCTAssertEqual(Set(dismissed.ids), [papers[3].id, papers[8].id], "the filter shows them")
  }

  /// Document frequencies: estimated from the random sample when it holds a feature often
  /// enough, else counted in the full-text vocabulary, else (beyond the lookups' cap) the
  /// training rows holding it.
  func testDocumentFrequenciesComeFromTheSampleTheVocabularyOrTheRows() throws {
    let (store, papers) = try library(graphs: 12, proteins: 4)
    var matrix = ForYouFeatureMatrix()
    for paper in papers.prefix(3) { matrix.append(RecommendDocument(paper)) }
    var exactOnly = ForYouTrainingLimits()
    exactOnly.frequencySample = 0
    exactOnly.sampledFrequencyMinimum = .max
    var rowsOnly = exactOnly
    rowsOnly.exactFrequencyLookups = 0
    let (exact, sampled, rows) = try store.read { db in
      (
        try LibraryStore.frequencies(db, matrix: matrix, sample: 0..<0, limits: exactOnly),
        // 2,000 draws of 16 rows: the sample is the whole library.
        try LibraryStore.frequencies(
          db, matrix: matrix, sample: 0..<0, limits: ForYouTrainingLimits()),
        try LibraryStore.frequencies(db, matrix: matrix, sample: 0..<0, limits: rowsOnly)
      )
    }
    XCTAssertEqual(exact.documentCount, 16)
    XCTAssertEqual(exact.counts["graph"], 12)
    XCTAssertEqual(sampled.counts["graph"], 12)
    XCTAssertEqual(rows.counts["graph"], 3)
  }

  func testALargeSelectionIsRankedThroughCandidates() throws {
    let (store, papers) = try library(graphs: 12, proteins: 12)
    try store.setStarred(true, ids: papers[0..<3].map(\.id))
    try store.setDismissed(true, ids: [papers[4].id])
    try store.retrainForYouModel()
    let exact = try XCTUnwrap(try store.forYouRanking(PaperFilter(), limit: 5))
    let narrowed = try XCTUnwrap(try store.forYouRanking(PaperFilter(), limit: 5, exactCap: 4))
    XCTAssertTrue(exact.isExact)
    XCTAssertFalse(narrowed.isExact)
    XCTAssertEqual(narrowed.ids, exact.ids)
    // Equal up to rounding: a document's words are summed in its dictionary's order, which
    // may differ between the two paths' copies of it.
    XCTAssertEqual(Set(narrowed.scores.keys), Set(exact.scores.keys))
    for (id, score) in narrowed.scores {
      XCTAssertEqual(score, exact.scores[id] ?? .nan, accuracy: 1e-12, id)
    }
    XCTAssertFalse(narrowed.ids.contains(papers[4].id))
    // With the filter's own words ANDed in.
    let filter = PaperFilter(match: .phrase(["protein"]))
    let proteins = try XCTUnwrap(try store.forYouRanking(filter, limit: 5, exactCap: 4))
    XCTAssertTrue(proteins.ids.allSatisfy { id in papers[12...].contains { $0.id == id } })
    // A selection none of the candidates reach still lists its papers (its newest, scored).
    let far = PaperFilter(match: .phrase(["protein"]))
    let farRanking = try XCTUnwrap(try store.forYouRanking(far, limit: 20, exactCap: 4))
    XCTAssertEqual(Set(farRanking.ids).count, farRanking.ids.count, "no paper twice")
    XCTAssertGreaterThanOrEqual(farRanking.ids.count, 4)
  }

  func testSinceADayRanksOnlyThatDayAndLater() throws {
    let store = try LibraryStore.inMemory()
    let older = testDay.adding(days: -3)
    var papers: [Paper] = []
    for index in 0..<6 {
      papers.append(
        makePaper(
          "Graph neural networks \(index)", abstract: "Graph message passing \(index).",
          day: index % 2 == 0 ? testDay : older))
      papers.append(
        makePaper(
          "Protein folding \(index)", abstract: "Molecular dynamics \(index).",
          day: index % 2 == 0 ? testDay : older))
    }
    try store.add(papers)
    try store.setStarred(
      true, ids: papers.filter { $0.title.hasPrefix("Graph") }.prefix(3).map(\.id))
    try store.retrainForYouModel()
    for condition in [
      PaperPredicate.day(.greaterOrEqual, testDay.adding(days: -1)),
      .and([.day(.greaterOrEqual, older), .day(.greater, testDay.adding(days: -1))]),
    ] {
      let filter = PaperFilter(condition: condition)
      for cap in [100, 1] {
        let ranking = try XCTUnwrap(try store.forYouRanking(filter, limit: 20, exactCap: cap))
        let days = Set(ranking.ids.map { id in papers.first { $0.id == id }!.day })
        XCTAssertEqual(days, [testDay], "\(condition) \(cap)")
        if cap == 100 { XCTAssertEqual(ranking.ids.count, 6) }
      }
    }
  }

  func testExplanationAndTheStarredPapersMostAlike() throws {
    let (store, papers) = try library()
    try store.setStarred(true, ids: papers[0..<3].map(\.id) + [papers[8].id])
    try store.retrainForYouModel()
    let explanation = try XCTUnwrap(try store.forYouExplanation(id: papers[5].id))
    XCTAssertGreaterThan(explanation.score, 0.5)
    XCTAssertTrue(
      explanation.contributions.contains { $0.feature == "graph" && $0.contribution > 0 })
    XCTAssertThrowsError(try store.forYouExplanation(id: "nope"))
    let alike = try XCTUnwrap(try store.forYouStarredNeighbours(of: papers[5].id, limit: 3))
    XCTAssertEqual(Set(alike.map(\.id)), Set(papers[0..<3].map(\.id)))
    XCTAssertTrue(alike.allSatisfy { $0.similarity > 0 && $0.similarity <= 1.000_001 })
  }

  func testRecordSignalKeepsTheFirstTimeRejectsUnknownIdsAndSurvivesReopening() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("library.sqlite").path
    let store = try LibraryStore.open(at: path)
    let papers = [makePaper("One"), makePaper("Two")]
    try store.add(papers)
    try store.recordSignal(.opened, ids: [papers[0].id], at: at(1))
    try store.recordSignal(.opened, ids: [papers[0].id], at: at(2))
    let generation = try store.forYouGeneration()
    XCTAssertThrowsError(try store.recordSignal(.viewed, ids: [papers[1].id, "nope"], at: at(3))) {
      XCTAssertEqual($0 as? StoreError, .unknownPaper(id: "nope"))
    }
    XCTAssertEqual(try store.forYouGeneration(), generation, "nothing changed")
    let reopened = try LibraryStore.open(at: path)
    XCTAssertEqual(
      try reopened.forYouSignals().map { [$0.id, $0.signal.rawValue] }, [[papers[0].id, "opened"]])
    XCTAssertEqual(try reopened.forYouSignals().first?.at, at(1))
  }

  func testMigratingALibraryWithStateKeepsItAndDatesOldNotes() throws {
    let path = try temporaryDirectory(self).appendingPathComponent("library.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: "v10-hf-fields")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (seq, id, title_key, title, abstract, authors, day, source, links,
            upvotes, categories, added_at, updated_at, sort_key)
          VALUES (1, 'a', 'a', 'Graph A', 'x', '[]', '2026-11-26', 't', '{}', NULL, '[]', 0, 0, 1),
            (2, 'b', 'b', 'Graph B', 'x', '[]', '2026-11-26', 't', '{}', NULL, '[]', 0, 0, 2);
          INSERT INTO paper_state (paper_seq, read_at, starred_at, note)
          VALUES (1, NULL, '2026-11-20 10:00:00.000', NULL),
            (2, '2026-11-21 10:00:00.000', NULL, 'kept');
          """)
    }
    try queue.close()
    let store = try LibraryStore.open(at: path)
    let paper = try XCTUnwrap(try store.paper(id: "b"))
    XCTAssertEqual(paper.state.note, "kept")
    XCTAssertNotNil(paper.state.readAt)
    let signals = try store.forYouSignals().sorted { $0.id < $1.id }
    XCTAssertEqual(signals.map(\.signal), [.starred, .noted])
    XCTAssertEqual(
      signals[1].at, paper.state.readAt, "a note from before is dated by the read mark")
    XCTAssertTrue(try store.isForYouModelStale)
    XCTAssertNil(try store.forYouRanking(PaperFilter(), limit: 5))
  }
}
