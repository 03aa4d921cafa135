import FolioCore
import FolioStore
import Foundation

/// `folio enrich`'s work (issue 20): the papers a filter selects that have an arXiv id and no
/// answer from Semantic Scholar younger than ``ScholarFacts/freshFor``, asked in batches of
/// ``ScholarClient/batchSize``, each batch's answers kept in the library (one transaction) as
/// soon as it is read. A failed batch changes nothing; the batches before it stay kept.
public enum ScholarEnrichment {
  /// What a run did.
  public struct Summary: Hashable, Sendable, CustomStringConvertible {
    /// Papers asked about.
    public var asked = 0
    /// Of those, papers Semantic Scholar knows.
    public var known = 0

    public init(asked: Int = 0, known: Int = 0) {
      self.asked = asked
      self.known = known
    }

    /// Papers Semantic Scholar does not know.
    public var unknown: Int { asked - known }

    /// `enrich: asked N papers, M known, K unknown`.
    public var description: String {
      "enrich: asked \(asked) paper\(asked == 1 ? "" : "s"), \(known) known, \(unknown) unknown"
    }
  }

  /// Why a run stopped: the batch's failure, and what the batches before it kept.
  public struct Failure: Error {
    public var failure: HTTPClient.Failure
    public var kept: Summary

    /// The failure's message, saying how many papers earlier batches kept.
    public var message: String {
      guard kept.asked > 0 else { return failure.message + " (nothing was changed)" }
      return failure.message
        + " (the \(kept.asked) paper\(kept.asked == 1 ? "" : "s") asked before it were kept)"
    }
  }

  /// Asks about the papers `filter` selects, as of `now`. `progress` is told the summary so
  /// far after each batch. A store error is thrown as it is; a network or answer failure as a
  /// ``Failure``.
  public static func run(
    _ filter: PaperFilter, store: LibraryStore, client: ScholarClient, now: Date = Date(),
    progress: (Summary) -> Void = { _ in }
  ) throws -> Summary {
    let staleBefore = now.addingTimeInterval(-ScholarFacts.freshFor)
    var summary = Summary()
    // Papers already asked in this run: a paper the store keeps offering (say, one deleted
    // meanwhile, so its answer could not be kept) is not asked twice, and the loop ends.
    var asked = Set<String>()
    while true {
      // The store walks the listing to find them, so it is asked for many batches at once,
      // not once per batch (which would walk past every paper already kept each time).
      let targets = try store.papersToEnrich(
        filter, staleBefore: staleBefore, limit: targetsPerWalk
      ).filter { asked.insert($0.id).inserted }
      guard !targets.isEmpty else { return summary }
      for start in stride(from: 0, to: targets.count, by: ScholarClient.batchSize) {
        let batch = Array(targets[start..<min(start + ScholarClient.batchSize, targets.count)])
        let facts: [ScholarFacts]
        do {
          facts = try client.lookUp(batch.map(\.arxivID))
        } catch {
          throw Failure(failure: error, kept: summary)
        }
        var byID: [String: ScholarFacts] = [:]
        for (target, var fact) in zip(batch, facts) {
          // Never older than the run's `now`, so a kept answer is fresh for this run's
          // staleness test and the store offers the next papers.
          fact.checkedAt = max(fact.checkedAt, now)
          byID[target.id] = fact
        }
        try store.recordScholarFacts(byID)
        summary.asked += batch.count
        summary.known += facts.filter(\.isKnown).count
        progress(summary)
      }
    }
  }

  /// How many papers one walk of the listing finds (100 batches): bounds the memory a run
  /// holds, and how often a long run walks past the papers it has kept.
  static let targetsPerWalk = 100 * ScholarClient.batchSize

  /// Asks about the papers with these stable ids (say, what a fetch imported), in pieces of
  /// ``ScholarClient/batchSize`` ids so each lookup stays small, through one client (one
  /// pacing). Repeated ids are asked once.
  public static func run(
    papers ids: [String], store: LibraryStore, client: ScholarClient, now: Date = Date(),
    progress: (Summary) -> Void = { _ in }
  ) throws -> Summary {
    var seen = Set<String>()
    let unique = ids.filter { seen.insert($0).inserted }
    var total = Summary()
    for start in stride(from: 0, to: unique.count, by: ScholarClient.batchSize) {
      let piece = Array(unique[start..<min(start + ScholarClient.batchSize, unique.count)])
      let before = total
      do {
        let summary = try run(
          PaperFilter(ranking: piece), store: store, client: client, now: now
        ) { progress(before + $0) }
        total = before + summary
      } catch let failure as Failure {
        throw Failure(failure: failure.failure, kept: before + failure.kept)
      }
    }
    return total
  }
}

extension ScholarEnrichment.Summary {
  /// Both runs' papers together.
  public static func + (lhs: Self, rhs: Self) -> Self {
    Self(asked: lhs.asked + rhs.asked, known: lhs.known + rhs.known)
  }
}
