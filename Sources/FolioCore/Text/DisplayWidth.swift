/// Terminal cell widths of text, as the terminal will draw it.
///
/// ncurses and tmux advance the cursor by glibc's `wcwidth` of each code point, so widths here
/// are measured per Unicode scalar from a table generated from that function
/// (`scripts/gen-width-table.py`), not per grapheme cluster: `漢字` is 4 cells, a combining
/// accent is 0, and an emoji ZWJ sequence is the sum of its parts. Control characters count 0;
/// they never reach the screen: the reader's `CellGrid.write` drops them, and the command line
/// prints through ``TextCleaner/inert(_:)``.
public enum DisplayWidth {
  /// The number of cells `scalar` occupies: 0, 1 or 2.
  @inlinable
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    if value < 0xA0 { return 0 }  // C0, DEL, C1: never drawn
    return tableWidth(value)
  }

  /// The number of cells `text` occupies when drawn on one line.
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    var total = 0
    for scalar in text.unicodeScalars { total += of(scalar) }
    return total
  }

  /// `text` cut to at most `width` cells, ending in `ellipsis` when something was cut.
  ///
  /// Cuts happen between code points; a combining mark stays with its base character.
  /// A `width` of zero or less gives the empty string.
  ///
  /// Looks at no more of `text` than the cut needs: at most `width + 1` cells, and at most
  /// ``scalarsPerCell`` code points per cell (a flood of combining marks is cut there too), so
  /// a list row of a 10 MB title costs what a short one does.
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    let budget = width - of(ellipsis)
    let scalars = text.unicodeScalars
    let scanLimit = (width + 1) * scalarsPerCell
    var used = 0
    var scanned = 0
    var cut: String.UnicodeScalarView.Index? = nil  // where the text with an ellipsis ends
    var index = scalars.startIndex
    while index != scalars.endIndex {
      if scanned == scanLimit {
        cut = cut ?? index
        break
      }
      let w = of(scalars[index])
      if cut == nil && used + w > budget { cut = index }
      used += w
      if used > width { break }
      scanned += 1
      index = scalars.index(after: index)
    }
    guard index != scalars.endIndex else { return text }
    guard budget >= 0, let cut else { return "" }
    return String(scalars[..<cut]) + ellipsis
  }

  /// The most code points ``truncate(_:to:ellipsis:)`` looks at per cell of its width, and
  /// the most a cell of the reader's grid keeps: a base character and its combining marks.
  public static let scalarsPerCell = 16

  @usableFromInline
  static func tableWidth(_ value: UInt32) -> Int {
    if contains(doubleWidthRanges, value) { return 2 }
    if contains(zeroWidthRanges, value) { return 0 }
    return 1
  }

  private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = ranges[mid]
      if value < range.lowerBound {
        high = mid - 1
      } else if value > range.upperBound {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
