import FolioCore
import FolioStore
import Foundation

/// Semantic Scholar's facts for the synthetic library (issue 20), by index and without drawing
/// from the generator, so every other field stays as it was: asked about every paper with an
/// arXiv id (every other paper), one in ten of those unknown to Semantic Scholar; of the known
/// ones, 5 in 100 cited more than 100 times (up to 5,000), 25 in 100 cited 11 to 100 times, the
/// rest 0 to 10 times, as citation counts are heavy-tailed.
extension SyntheticLibrary {
  /// The facts of paper `index`; nil when it was never asked about.
  static func scholar(_ index: Int, hasID: Bool, checkedAt: Date) -> ScholarFacts? {
    guard hasID else { return nil }
    // A multiplicative hash, so neighbouring papers (one day's) get unrelated counts.
    let bucket = (index &* 2_654_435_761) % 1_000
    guard bucket >= 100 else { return ScholarFacts(checkedAt: checkedAt) }
    let spread = (index &* 40_503) % 4_900
    let citations =
      switch bucket % 100 {
      case 0..<5: 101 + spread
      case 5..<30: 11 + spread % 90
      default: spread % 11
      }
    return ScholarFacts(
      citations: citations, influentialCitations: citations / 12,
      tldr: "The paper proposes a method and shows it beats the baselines.", checkedAt: checkedAt)
  }

  /// Records ``scholar(_:hasID:checkedAt:)`` for every paper of the library at `store`, in
  /// transactions of ``scholarBatch`` papers so memory stays flat at a million.
  func recordScholarFacts(in store: LibraryStore) throws {
    let checkedAt = Date()
    var batch: [String: ScholarFacts] = [:]
    for index in 0..<count {
      let hasID = everyPaperHasID || index % 2 == 0
      guard let facts = Self.scholar(index, hasID: hasID, checkedAt: checkedAt) else { continue }
      batch[Self.arxivID(index)] = facts
      if batch.count == Self.scholarBatch {
        try store.recordScholarFacts(batch)
        batch = [:]
      }
    }
    try store.recordScholarFacts(batch)
  }

  static let scholarBatch = 10_000
}
