import FolioCore
import Foundation
import GRDB

/// A paper's one signal to the for-you model, as the library derives it from its state.
public struct PaperSignal: Hashable, Sendable {
  /// The paper's stable id.
  public var id: String
  public var signal: ForYouSignal
  /// When the signal was given.
  public var at: Date

  public init(id: String, signal: ForYouSignal, at: Date) {
    self.id = id
    self.signal = signal
    self.at = at
  }
}

/// How much of the library one training reads: fixed caps, so a retrain costs the same at
/// any library size (the most recent signals count most anyway, ForYouModel's half-life).
public struct ForYouTrainingLimits: Hashable, Sendable {
  /// The most recent positive signals learnt from.
  public var positives = 5_000
  /// The most recent negative signals learnt from.
  public var negatives = 5_000
  /// Papers without any signal, drawn at random (seeded) as weak negatives; their features
  /// also estimate the document frequencies of authors, categories and keywords.
  public var unlabelled = 1_000
  /// More papers (any state) drawn at random to estimate how many papers hold each feature,
  /// with the unlabelled ones: counting a common word in the full-text index reads its whole
  /// posting list (30 ms for a word in most of a million papers), a sample does not.
  public var frequencySample = 2_000
  /// A feature the samples hold at least this often has its document frequency estimated
  /// from them (the estimate's error is then about 1 / √4 = 50%, 0.4 in the IDF);
  /// a rarer word is counted in the full-text index, whose posting list is then short.
  public var sampledFrequencyMinimum = 4
  /// The most words counted in the full-text index per training (the ones in most training
  /// papers first): each costs a query. A rarer word beyond them is taken to be in as many
  /// papers as the training papers holding it (a lower bound: a high IDF, as its rarity says).
  public var exactFrequencyLookups = 1_000
  /// Seed of the unlabelled sample, so a retrain of an unchanged library learns the same model.
  public var seed: UInt64 = 0x466F_7259_6F75

  public init() {}
}

extension LibraryStore {
  /// Every paper's signal (see ``ForYouSignal``), the most recent first within positives and
  /// within negatives, at most `limits.positives` and `limits.negatives` of them.
  ///
  /// A paper gives its strongest signal: starred, then noted, then tagged, then read full
  /// screen, then link opened; marked read with none of those is skipped; dismissed. A paper
  /// both dismissed and positive gives whichever came later. A note or tag older than the
  /// timestamps (written before migration `v12-for-you`) is dated by the read mark, else now.
  public func forYouSignals(
    limits: ForYouTrainingLimits = ForYouTrainingLimits(), now: Date = Date()
  ) throws(StoreError) -> [PaperSignal] {
    try read { db in try Self.signals(db, limits: limits, now: now).map(\.signal) }
  }

  /// The signals with their papers' rows, capped as ``forYouSignals(limits:now:)`` says.
  /// Without `ids` each signal's id is empty: training needs only the rows, and reading
  /// 50,000 ids from the paper table (its rows hold the abstracts) took most of the time.
  static func signals(
    _ db: Database, limits: ForYouTrainingLimits, now: Date, ids: Bool = true
  ) throws -> [(seq: Int64, signal: PaperSignal)] {
    // Times as seconds since 1970: decoding a number is much cheaper than a date string, and
    // a library with 50,000 signals reads them all on every retrain.
    func seconds(_ column: String) -> String {
      "(julianday(s.\(column)) - 2440587.5) * 86400.0 AS \(column)"
    }
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.paper_seq, \(ids ? "p.id" : "''") AS id, \(seconds("starred_at")),
          s.note IS NOT NULL AS noted,
          \(seconds("noted_at")),
          EXISTS (SELECT 1 FROM paper_tag pt WHERE pt.paper_seq = s.paper_seq) AS tagged,
          \(seconds("tagged_at")), \(seconds("viewed_at")), \(seconds("opened_at")),
          \(seconds("read_at")), \(seconds("dismissed_at"))
        FROM paper_state s \(ids ? "JOIN paper p ON p.seq = s.paper_seq" : "")
        """)
    var positives: [(seq: Int64, signal: PaperSignal)] = []
    var negatives: [(seq: Int64, signal: PaperSignal)] = []
    let nowSeconds = now.timeIntervalSince1970
    while let row = try rows.next() {
      let read: Double? = row["read_at"]
      var positive: (ForYouSignal, Double)?
      if let at: Double = row["starred_at"] {
        positive = (.starred, at)
      } else if row["noted"] as Bool {
        positive = (.noted, row["noted_at"] ?? read ?? nowSeconds)
      } else if row["tagged"] as Bool {
        positive = (.tagged, row["tagged_at"] ?? read ?? nowSeconds)
      } else if let at: Double = row["viewed_at"] {
        positive = (.viewed, at)
      } else if let at: Double = row["opened_at"] {
        positive = (.opened, at)
      }
      var chosen: (ForYouSignal, Double)?
      if let dismissed: Double = row["dismissed_at"] {
        chosen =
          positive.map { $0.1 > dismissed ? $0 : (.dismissed, dismissed) }
          ?? (.dismissed, dismissed)
      } else if let positive {
        chosen = positive
      } else if let read {
        chosen = (.skipped, read)
      }
      guard let (signal, raw) = chosen, raw.isFinite else { continue }
      // Dates are stored to the millisecond; the day count loses a little on the way.
      let at = (raw * 1000).rounded() / 1000
      let entry = (
        seq: row["paper_seq"] as Int64,
        signal: PaperSignal(id: row["id"], signal: signal, at: Date(timeIntervalSince1970: at))
      )
      if signal.isPositive { positives.append(entry) } else { negatives.append(entry) }
    }
    func recent(
      _ entries: [(seq: Int64, signal: PaperSignal)], _ cap: Int
    ) -> [(seq: Int64, signal: PaperSignal)] {
      // Most recent first; the row breaks ties, so the cut is the same every time.
      entries.sorted {
        $0.signal.at != $1.signal.at ? $0.signal.at > $1.signal.at : $0.seq > $1.seq
      }
      .prefix(max(0, cap)).map { $0 }
    }
    return recent(positives, limits.positives) + recent(negatives, limits.negatives)
  }

  /// The documents of the papers `seqs`, by row: only the columns the model reads.
  static func documents(_ db: Database, seqs: [Int64]) throws -> [Int64: RecommendDocument] {
    guard !seqs.isEmpty else { return [:] }
    let keys = "[" + seqs.map(String.init).joined(separator: ",") + "]"
    var documents: [Int64: RecommendDocument] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT p.seq, \(documentColumns) FROM paper p
        WHERE p.seq IN (SELECT value FROM json_each(?))
        """, arguments: [keys])
    while let row = try rows.next() { documents[row["seq"]] = document(row) }
    return documents
  }

  /// The columns ``document(_:)`` reads, from `paper p`.
  static let documentColumns = "p.title, p.abstract, p.authors, p.categories, p.keywords"

  static func document(_ row: Row) -> RecommendDocument {
    RecommendDocument(
      title: row["title"], abstract: row["abstract"],
      authors: PaperColumns.decodeList(row["authors"]),
      categories: PaperColumns.decodeList(row["categories"]),
      keywords: PaperColumns.decodeList(row["keywords"]))
  }
}
