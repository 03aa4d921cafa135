/// What one import did to the library.
public struct ImportSummary: Hashable, Sendable, CustomStringConvertible {
  /// Papers the library did not have.
  public var new = 0
  /// Papers it had, whose metadata changed.
  public var updated = 0
  /// Papers it had, unchanged.
  public var unchanged = 0
  /// Entries left out (bad lines skipped on request, replacement announcements).
  public var skipped = 0

  public init(new: Int = 0, updated: Int = 0, unchanged: Int = 0, skipped: Int = 0) {
    self.new = new
    self.updated = updated
    self.unchanged = unchanged
    self.skipped = skipped
  }

  /// `imported N new, M updated, K unchanged` (and `, S skipped` when any were).
  public var description: String {
    var text = "imported \(new) new, \(updated) updated, \(unchanged) unchanged"
    if skipped > 0 { text += ", \(skipped) skipped" }
    return text
  }

  public static func + (lhs: ImportSummary, rhs: ImportSummary) -> ImportSummary {
    ImportSummary(
      new: lhs.new + rhs.new, updated: lhs.updated + rhs.updated,
      unchanged: lhs.unchanged + rhs.unchanged, skipped: lhs.skipped + rhs.skipped)
  }
}
