/// One terminal cell: what it shows and how.
///
/// A character two cells wide sits in the left cell; the right cell is a continuation with an
/// empty symbol, which painters skip.
public struct Cell: Hashable, Sendable {
  /// One base character plus any combining marks; `""` for the right half of a wide character.
  public var symbol: String
  public var style: Style

  public init(_ symbol: String, style: Style = .plain) {
    self.symbol = symbol
    self.style = style
  }

  /// A space in the default style.
  public static let blank = Cell(" ")

  public var isContinuation: Bool { symbol.isEmpty }
}
