import FolioCore

/// A screenful of styled cells: what the reader draws, before any terminal sees it.
///
/// All text enters through ``write(_:x:y:width:style:)``, the one place that measures display
/// width and drops what must never reach a terminal (controls, escape sequences' remains,
/// bidirectional overrides, zero-width joiners and variation selectors, whose width terminals
/// disagree on). So nothing drawn can spill past the area it was given.
public struct CellGrid: Hashable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  /// A grid of blank cells.
  public init(width: Int, height: Int, style: Style = .plain) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// The cells of row `y`.
  public func row(_ y: Int) -> ArraySlice<Cell> {
    cells[(y * width)..<(y * width + width)]
  }

  /// Fills `rect` (clipped to the grid) with blanks in `style`.
  public mutating func fill(_ rect: Rect, style: Style) {
    let clipped = clip(rect)
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { set(x, y, Cell(" ", style: style)) }
    }
  }

  /// Restyles the cells of `rect`, keeping their symbols.
  public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
    let clipped = clip(rect)
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { cells[y * width + x].style = transform(self[x, y].style) }
    }
  }

  /// Draws `text` on row `y` from column `x`, within `width` cells (to the grid's edge when
  /// nil), and returns the number of cells used.
  ///
  /// A wide character that does not fit in the room left is replaced by a space. Combining
  /// marks join the character before them. Work is bounded by the room, not by `text`: at most
  /// ``DisplayWidth/scalarsPerCell`` code points are looked at per cell, and a cell keeps at
  /// most that many (the rest of a flood of combining marks or invisible characters is dropped).
  @discardableResult
  public mutating func write(
    _ text: String, x: Int, y: Int, width limit: Int? = nil, style: Style
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let end = min(width, x + (limit ?? width))
    var column = max(0, x)
    var lastBase: Int? = nil
    var scanLeft = (max(0, end - column) + 1) * DisplayWidth.scalarsPerCell
    for scalar in text.unicodeScalars {
      guard column < end || DisplayWidth.of(scalar) == 0, scanLeft > 0 else { break }
      scanLeft -= 1
      if Self.isInvisible(scalar) { continue }
      switch DisplayWidth.of(scalar) {
      case 0:
        // A combining mark: part of the character before it, if we drew that character.
        if let base = lastBase,
          cells[y * width + base].symbol.unicodeScalars.count < DisplayWidth.scalarsPerCell
        {
          cells[y * width + base].symbol.unicodeScalars.append(scalar)
        }
      case 2:
        guard column + 1 < end else {
          set(column, y, Cell(" ", style: style))
          column += 1
          lastBase = nil
          continue
        }
        set(column, y, Cell(String(scalar), style: style))
        set(column + 1, y, Cell("", style: style))
        lastBase = column
        column += 2
      default:
        set(column, y, Cell(String(scalar), style: style))
        lastBase = column
        column += 1
      }
    }
    return column - max(0, x)
  }

  /// Draws `text` right-aligned so that it ends at column `maxX` (exclusive).
  @discardableResult
  public mutating func writeRightAligned(
    _ text: String, maxX: Int, y: Int, style: Style
  ) -> Int {
    let textWidth = DisplayWidth.of(text)
    return write(text, x: maxX - textWidth, y: y, width: textWidth, style: style)
  }

  /// Scalars never drawn: controls, format characters (ZWJ, bidi controls, soft hyphen) and
  /// variation selectors.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return true }
    if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return true }
    if value < 0x300 { return value == 0xAD }
    switch scalar.properties.generalCategory {
    case .format, .control, .surrogate, .privateUse, .unassigned: return true
    default: return false
    }
  }

  /// Sets one cell, blanking the other half of any wide character it cuts through.
  private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let index = y * width + x
    if cells[index].isContinuation, x > 0, !cell.isContinuation {
      cells[index - 1].symbol = " "
    }
    if !cells[index].isContinuation, x + 1 < width, cells[index + 1].isContinuation,
      DisplayWidth.of(cell.symbol) != 2
    {
      cells[index + 1].symbol = " "
    }
    cells[index] = cell
  }

  private func clip(_ rect: Rect) -> Rect {
    let x0 = max(0, rect.x)
    let y0 = max(0, rect.y)
    return Rect(
      x: x0, y: y0, width: min(width, rect.maxX) - x0, height: min(height, rect.maxY) - y0)
  }
}
