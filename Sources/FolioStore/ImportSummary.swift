import FolioCore

/// What one import did to the library.
public struct ImportSummary: Hashable, Sendable, CustomStringConvertible {
  /// Papers the library did not have.
  public var new = 0
  /// Papers it had, whose metadata changed.
  public var updated = 0
  /// Papers it had, unchanged.
  public var unchanged = 0
  /// Entries left out (bad lines skipped on request, replacement announcements, entries
  /// dated outside the days Folio accepts).
  public var skipped = 0
  /// Of the skipped, entries with a listing or publication day outside
  /// ``FolioCore/Day/supported``.
  public var outOfRange = 0
  /// Of the skipped, entries with the title of several other papers already, none of them
  /// this one (see ``FolioCore/PaperIdentity/maySamePaper(_:_:)``).
  public var sameTitle = 0
  /// Of the new, papers added beside a different paper with the same title, instead of
  /// replacing it.
  public var keptApart = 0

  public init(
    new: Int = 0, updated: Int = 0, unchanged: Int = 0, skipped: Int = 0, outOfRange: Int = 0,
    sameTitle: Int = 0, keptApart: Int = 0
  ) {
    self.new = new
    self.updated = updated
    self.unchanged = unchanged
    self.skipped = skipped
    self.outOfRange = outOfRange
    self.sameTitle = sameTitle
    self.keptApart = keptApart
  }

  /// `imported N new, M updated, K unchanged` (and `, S skipped` when any were), saying how
  /// many were kept apart from or left out for a paper of the same title, or for their dates.
  public var description: String {
    var text = "imported \(new) new"
    if keptApart > 0 { text += " (\(keptApart) beside a different paper of the same title)" }
    text += ", \(updated) updated, \(unchanged) unchanged"
    if skipped > 0 { text += ", \(skipped) skipped" }
    var reasons: [String] = []
    if outOfRange > 0 {
      let range = Day.supported
      reasons.append("\(outOfRange) dated outside \(range.lowerBound) to \(range.upperBound)")
    }
    if sameTitle > 0 {
      let many = ImportMerger.maxPapersPerTitleKey
      reasons.append("\(sameTitle) titled like \(many) different papers already")
    }
    if !reasons.isEmpty { text += " (" + reasons.joined(separator: ", ") + ")" }
    return text
  }

  public static func + (lhs: ImportSummary, rhs: ImportSummary) -> ImportSummary {
    ImportSummary(
      new: lhs.new + rhs.new, updated: lhs.updated + rhs.updated,
      unchanged: lhs.unchanged + rhs.unchanged, skipped: lhs.skipped + rhs.skipped,
      outOfRange: lhs.outOfRange + rhs.outOfRange, sameTitle: lhs.sameTitle + rhs.sameTitle,
      keptApart: lhs.keptApart + rhs.keptApart)
  }
}
