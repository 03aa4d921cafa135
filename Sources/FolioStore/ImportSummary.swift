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

  public init(
    new: Int = 0, updated: Int = 0, unchanged: Int = 0, skipped: Int = 0, outOfRange: Int = 0
  ) {
    self.new = new
    self.updated = updated
    self.unchanged = unchanged
    self.skipped = skipped
    self.outOfRange = outOfRange
  }

  /// `imported N new, M updated, K unchanged` (and `, S skipped` when any were, saying how
  /// many of them for their dates).
  public var description: String {
    var text = "imported \(new) new, \(updated) updated, \(unchanged) unchanged"
    if skipped > 0 { text += ", \(skipped) skipped" }
    if outOfRange > 0 {
      let range = Day.supported
      text += " (\(outOfRange) dated outside \(range.lowerBound) to \(range.upperBound))"
    }
    return text
  }

  public static func + (lhs: ImportSummary, rhs: ImportSummary) -> ImportSummary {
    ImportSummary(
      new: lhs.new + rhs.new, updated: lhs.updated + rhs.updated,
      unchanged: lhs.unchanged + rhs.unchanged, skipped: lhs.skipped + rhs.skipped,
      outOfRange: lhs.outOfRange + rhs.outOfRange)
  }
}
