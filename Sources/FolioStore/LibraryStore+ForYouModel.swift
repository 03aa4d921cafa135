import FolioCore
import Foundation
import GRDB

/// The learnt for-you model in the library: training it from the reader's signals, saving it
/// with the state generation it learnt at, reading it back (decoded once per saved model).
extension LibraryStore {
  /// The state generation: a counter the library's triggers bump on every change of a
  /// paper's state or tags, so a model learnt at an older generation is stale.
  public func forYouGeneration() throws(StoreError) -> Int64 {
    try read { db in try Self.generation(db) }
  }

  static func generation(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT value FROM for_you_generation WHERE id = 1") ?? 0
  }

  /// Learns the model from the library's signals (capped by `limits`), or nil while there are
  /// fewer than ``FolioCore/ForYouModel/minimumPositives`` positive ones. Reads one snapshot;
  /// writes nothing.
  public func trainForYouModel(
    now: Date = Date(), limits: ForYouTrainingLimits = ForYouTrainingLimits()
  ) throws(StoreError) -> ForYouModel? {
    try trainForYouModelAtGeneration(now: now, limits: limits).model
  }

  /// ``trainForYouModel(now:limits:)`` with the state generation of the snapshot it read,
  /// for ``saveForYouModel(_:generation:trainedAt:)``.
  public func trainForYouModelAtGeneration(
    now: Date = Date(), limits: ForYouTrainingLimits = ForYouTrainingLimits()
  ) throws(StoreError) -> (model: ForYouModel?, generation: Int64) {
    let input = try read { db in
      let generation = try Self.generation(db)
      let signals = try Self.signals(db, limits: limits, now: now, ids: false)
      guard signals.filter({ $0.signal.signal.endsColdStart }).count >= ForYouModel.minimumPositives
      else { return (generation, nil as TrainingInput?) }
      // Each document featurised once, here; the learner and the frequencies read the rows.
      let documents = try Self.documents(db, seqs: signals.map(\.seq))
      var matrix = ForYouFeatureMatrix()
      var labels: [(signal: ForYouSignal, at: Date)] = []
      for entry in signals {
        guard let document = documents[entry.seq] else { continue }
        matrix.append(document)
        labels.append((entry.signal.signal, entry.signal.at))
      }
      let sampleStart = matrix.rowCount
      for document in try Self.unlabelledSample(db, limits: limits) { matrix.append(document) }
      let frequencies = try Self.frequencies(
        db, matrix: matrix, sample: sampleStart..<matrix.rowCount, limits: limits)
      return (generation, TrainingInput(matrix: matrix, labels: labels, frequencies: frequencies))
    }
    guard let training = input.1 else { return (nil, input.0) }
    let model = ForYouModel.train(
      matrix: training.matrix, signals: training.labels, frequencies: training.frequencies,
      now: now)
    return (model, input.0)
  }

  /// What one snapshot gives the learner.
  private struct TrainingInput {
    var matrix: ForYouFeatureMatrix
    var labels: [(signal: ForYouSignal, at: Date)]
    var frequencies: DocumentFrequencies
  }

  /// Up to `limits.unlabelled` papers without any state, drawn by seeded random rows: a
  /// few lookups by primary key each, whatever the library's size.
  static func unlabelledSample(
    _ db: Database, limits: ForYouTrainingLimits
  ) throws -> [RecommendDocument] {
    guard limits.unlabelled > 0,
      let maxSeq = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM paper"), maxSeq > 0
    else { return [] }
    var generator = SplitMix64(seed: limits.seed)
    var seqs = Set<Int64>()
    // Twice the cap in draws: rows with state or gaps in `seq` are skipped, not redrawn.
    for _ in 0..<(2 * limits.unlabelled) where seqs.count < 2 * limits.unlabelled {
      seqs.insert(Int64.random(in: 1...maxSeq, using: &generator))
    }
    let keys = "[" + seqs.sorted().map(String.init).joined(separator: ",") + "]"
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT \(documentColumns) FROM paper p
        WHERE p.seq IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (SELECT 1 FROM paper_state s WHERE s.paper_seq = p.seq)
        ORDER BY p.seq LIMIT ?
        """, arguments: [keys, limits.unlabelled])
    var documents: [RecommendDocument] = []
    while let row = try rows.next() { documents.append(document(row)) }
    return documents
  }

  /// Document frequencies of the features of `matrix`, estimated from a random sample of
  /// the library (its `sample` rows, the unlabelled papers, and `limits.frequencySample`
  /// more papers): a feature the sample holds at least `limits.sampledFrequencyMinimum`
  /// times gets its count there scaled to the library; a rarer word is counted exactly in
  /// the full-text index's vocabulary (at most `limits.exactFrequencyLookups` of them, those
  /// in most training papers first; its posting list is short, being rare); any other rare
  /// feature is taken to be in as many papers as the matrix's rows holding it. Bounded work
  /// at any library size: the vocabulary counts a common word by reading its whole posting
  /// list. The library's size is its largest row number (papers are never deleted but by
  /// hand, so it is the count or close to it).
  static func frequencies(
    _ db: Database, matrix: ForYouFeatureMatrix, sample: Range<Int>, limits: ForYouTrainingLimits
  ) throws -> DocumentFrequencies {
    let total = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM paper") ?? 0
    var sampled = matrix.rowsHolding(sample)
    let extra = try randomDocuments(db, count: limits.frequencySample, seed: limits.seed &+ 1)
    var extraCounts: [UInt64: Int] = [:]
    for document in extra {
      for hash in ForYouFeatures.hashedCounts(document).keys { extraCounts[hash, default: 0] += 1 }
    }
    for id in sampled.indices { sampled[id] += extraCounts[matrix.hashes[id]] ?? 0 }
    let sampleSize = sample.count + extra.count
    let scale = sampleSize > 0 ? Double(total) / Double(sampleSize) : 0
    let holding = matrix.rowsHolding(0..<matrix.rowCount)
    var counts: [String: Int] = [:]
    var rare: [Int] = []
    for (id, key) in matrix.keys.enumerated() {
      let count = sampled[id]
      if count >= limits.sampledFrequencyMinimum || (count > 0 && !ForYouFeatures.isWord(key: key))
      {
        counts[key] = max(1, Int((Double(count) * scale).rounded()))
      } else if ForYouFeatures.isWord(key: key) {
        rare.append(id)
      } else {
        counts[key] = holding[id]
      }
    }
    // The rare words in most training papers matter most to the model: counted first.
    rare.sort { holding[$0] != holding[$1] ? holding[$0] > holding[$1] : $0 < $1 }
    let statement = try db.cachedStatement(sql: "SELECT doc FROM paper_fts_vocab WHERE term = ?")
    for (index, id) in rare.enumerated() {
      let key = matrix.keys[id]
      if index < limits.exactFrequencyLookups {
        counts[key] = try Int.fetchOne(statement, arguments: [key]) ?? holding[id]
      } else {
        counts[key] = holding[id]
      }
    }
    return DocumentFrequencies(documentCount: total, counts: counts)
  }

  /// Up to `count` papers drawn by seeded random rows (any state): a lookup by primary key
  /// each, whatever the library's size.
  static func randomDocuments(
    _ db: Database, count: Int, seed: UInt64
  ) throws -> [RecommendDocument] {
    guard count > 0, let maxSeq = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM paper"),
      maxSeq > 0
    else { return [] }
    var generator = SplitMix64(seed: seed)
    var seqs = Set<Int64>()
    for _ in 0..<count { seqs.insert(Int64.random(in: 1...maxSeq, using: &generator)) }
    let keys = "[" + seqs.sorted().map(String.init).joined(separator: ",") + "]"
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT \(documentColumns) FROM paper p
        WHERE p.seq IN (SELECT value FROM json_each(?)) ORDER BY p.seq
        """, arguments: [keys])
    var documents: [RecommendDocument] = []
    while let row = try rows.next() { documents.append(document(row)) }
    return documents
  }

  /// Saves `model` as the library's model, learnt at state `generation`; nil records that the
  /// library had too few signals for one then (so it is not retrained until they change).
  public func saveForYouModel(
    _ model: ForYouModel?, generation: Int64, trainedAt: Date = Date()
  ) throws(StoreError) {
    let bytes = Data(model?.encoded() ?? [])
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO for_you_model (id, model, trained_at, generation) VALUES (1, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET model = excluded.model,
            trained_at = excluded.trained_at, generation = excluded.generation
          """, arguments: [bytes, trainedAt, generation])
    }
  }

  /// Learns the model from the library as it is now and saves it; returns it.
  @discardableResult
  public func retrainForYouModel(now: Date = Date()) throws(StoreError) -> ForYouModel? {
    let trained = try trainForYouModelAtGeneration(now: now)
    try saveForYouModel(trained.model, generation: trained.generation, trainedAt: now)
    return trained.model
  }

  /// The library's saved model, or nil when there is none (never trained, too few signals,
  /// or damaged: a damaged model is no model, and ``isForYouModelStale`` says retrain).
  /// Decoded once per saved model: later calls cost one small read.
  public func forYouModel() throws(StoreError) -> ForYouModel? {
    try storedModel().model
  }

  /// Whether the saved model is older than the library's signals, missing or damaged: two
  /// one-row reads.
  public var isForYouModelStale: Bool {
    get throws(StoreError) {
      let stored = try storedModel()
      let generation = try forYouGeneration()
      return stored.damaged || stored.generation != generation
    }
  }

  private func storedModel() throws(StoreError) -> (
    model: ForYouModel?, generation: Int64?, damaged: Bool
  ) {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT generation, trained_at, length(model) FROM for_you_model WHERE id = 1")
      else { return (nil, nil, false) }
      let key = ForYouModelCache.Key(generation: row[0], trainedAt: row[1], length: row[2])
      if let cached = forYouCache.value(for: key) {
        return (cached.model, key.generation, cached.damaged)
      }
      let bytes = try [UInt8](
        Data.fetchOne(db, sql: "SELECT model FROM for_you_model WHERE id = 1") ?? Data())
      let model = bytes.isEmpty ? nil : ForYouModel(encoded: bytes)
      let damaged = !bytes.isEmpty && model == nil
      forYouCache.store(key: key, model: model, damaged: damaged)
      return (model, key.generation, damaged)
    }
  }
}

/// The last decoded model of a library, keyed by what identifies its saved row, so that
/// ranking again does not decode 50,000 features again.
final class ForYouModelCache: @unchecked Sendable {
  struct Key: Hashable {
    var generation: Int64
    var trainedAt: String
    /// The saved bytes' length: a model overwritten by hand (damaged) is read again.
    var length: Int
  }

  private let lock = NSLock()
  private var entry: (key: Key, model: ForYouModel?, damaged: Bool)?

  func value(for key: Key) -> (model: ForYouModel?, damaged: Bool)? {
    lock.withLock { entry.flatMap { $0.key == key ? ($0.model, $0.damaged) : nil } }
  }

  func store(key: Key, model: ForYouModel?, damaged: Bool) {
    lock.withLock { entry = (key, model, damaged) }
  }
}
