import FolioCore

/// The rows of the listing the reader holds: a few screenfuls around what is visible, never
/// the whole library.
public struct ListWindow: Hashable, Sendable {
  /// The listing position of `rows[0]`.
  public private(set) var offset: Int
  public private(set) var rows: [PaperSummary]

  public init(offset: Int = 0, rows: [PaperSummary] = []) {
    self.offset = offset
    self.rows = rows
  }

  /// Whether positions `range` are all held (or lie past the end, when `total` says so).
  public func covers(_ range: Range<Int>, total: Int) -> Bool {
    let needed = range.clamped(to: 0..<max(0, total))
    return needed.isEmpty
      || (needed.lowerBound >= offset && needed.upperBound <= offset + rows.count)
  }

  /// The row at listing position `position`, if held.
  public subscript(position: Int) -> PaperSummary? {
    let index = position - offset
    return rows.indices.contains(index) ? rows[index] : nil
  }
}
