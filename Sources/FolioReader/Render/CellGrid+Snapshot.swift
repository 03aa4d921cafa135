/// Plain-text pictures of a grid, for snapshot files a person can review.
extension CellGrid {
  /// Each row's text, continuation cells skipped, so a row is exactly `width` cells wide.
  public var textRows: [String] {
    (0..<height).map { y in row(y).filter { !$0.isContinuation }.map(\.symbol).joined() }
  }

  /// The grid as a snapshot: a size line, each row quoted (so trailing spaces show), then the
  /// runs of non-plain style per row as `row: start-end style`.
  public var snapshot: String {
    var lines = ["size \(width)x\(height)"]
    lines += textRows.map { "\"\($0)\"" }
    lines.append("styles:")
    for y in 0..<height {
      var start = 0
      let cells = Array(row(y))
      while start < cells.count {
        var end = start
        while end + 1 < cells.count && cells[end + 1].style == cells[start].style { end += 1 }
        if cells[start].style != .plain {
          lines.append("\(y): \(start)-\(end) \(cells[start].style)")
        }
        start = end + 1
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
