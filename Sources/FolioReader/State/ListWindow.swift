import FolioCore
import FolioStore

/// The rows of the listing the reader holds: a few screenfuls around what is visible, never
/// the whole library.
public struct ListWindow: Hashable, Sendable {
  /// The listing position of `rows[0]`.
  public private(set) var offset: Int
  public private(set) var rows: [PaperSummary]
  /// The sort keys of `rows`, when known: the next rows are loaded from them, which costs the
  /// same at any depth of the listing.
  private(set) var sortKeys: [Int64]
  /// Whether the last row held is the listing's last.
  private(set) var reachesEnd: Bool

  public init(
    offset: Int = 0, rows: [PaperSummary] = [], sortKeys: [Int64] = [], reachesEnd: Bool = false
  ) {
    self.offset = offset
    self.rows = rows
    self.sortKeys = sortKeys
    self.reachesEnd = reachesEnd
  }

  /// The listing position after the last row held.
  public var end: Int { offset + rows.count }

  /// Whether rows can be loaded next to the ones held by their sort keys.
  var canExtend: Bool { !rows.isEmpty && sortKeys.count == rows.count }

  var firstSortKey: Int64? { canExtend ? sortKeys.first : nil }
  var lastSortKey: Int64? { canExtend ? sortKeys.last : nil }

  /// Whether positions `range` are all held (or lie past the end, when `total` says so).
  public func covers(_ range: Range<Int>, total: Int) -> Bool {
    let needed = range.clamped(to: 0..<max(0, total))
    return needed.isEmpty || (needed.lowerBound >= offset && needed.upperBound <= end)
  }

  /// The sort key of the paper `id`, if it is among the rows held.
  func sortKey(of id: String) -> Int64? {
    guard sortKeys.count == rows.count, let index = rows.firstIndex(where: { $0.id == id })
    else { return nil }
    return sortKeys[index]
  }

  /// The row at listing position `position`, if held.
  public subscript(position: Int) -> PaperSummary? {
    let index = position - offset
    return rows.indices.contains(index) ? rows[index] : nil
  }

  /// Puts `summary` in place of the row of the same paper.
  mutating func replace(_ summary: PaperSummary) {
    guard let index = rows.firstIndex(where: { $0.id == summary.id }) else { return }
    rows[index] = summary
  }

  /// Adds the rows that follow the last one held.
  mutating func append(_ newRows: [PaperSummary], sortKeys newKeys: [Int64], reachesEnd: Bool) {
    rows += newRows
    sortKeys += newKeys
    self.reachesEnd = reachesEnd
  }

  /// Adds the rows that come before the first one held.
  mutating func prepend(_ newRows: [PaperSummary], sortKeys newKeys: [Int64]) {
    rows = newRows + rows
    sortKeys = newKeys + sortKeys
    offset -= newRows.count
  }

  /// Drops the rows outside listing positions `range`.
  mutating func keep(_ range: Range<Int>) {
    let kept = range.clamped(to: offset..<end)
    guard kept.count < rows.count else { return }
    let indices = (kept.lowerBound - offset)..<(kept.upperBound - offset)
    sortKeys = sortKeys.count == rows.count ? Array(sortKeys[indices]) : []
    if indices.upperBound < rows.count { reachesEnd = false }
    rows = Array(rows[indices])
    offset = kept.lowerBound
  }
}
