import FolioCore

/// The `?` help's content and arrangement, made from the keymap: the actions of the context
/// the help was opened from, with their keys, narrowed by the filter typed after `/`. The state
/// asks it how far the help scrolls; ``HelpOverlay`` only draws it.
public struct HelpPage: Sendable {
  /// One line of the help.
  public struct Entry: Hashable, Sendable {
    public var action: Action
    public var keys: String
    public var help: String
  }

  /// Where the box goes and how its entries are arranged at a size.
  public struct Geometry: Hashable, Sendable {
    public let box: Rect
    public let columns: Int
    public let keyWidth: Int
    /// Rows of entries in all (entries are laid out column by column).
    public let rows: Int
    /// Whether the box has a footer line (the hint, or the filter being typed); it goes first
    /// when the entries would otherwise need scrolling, but a filter always has one.
    public let hasFooter: Bool
    /// Rows of entries visible at once.
    public var visibleRows: Int { max(0, box.height - (hasFooter ? 3 : 2)) }
  }

  /// The entries shown: all of the context's bound actions, or those matching the filter,
  /// best first.
  public let entries: [Entry]
  /// How many entries there are unfiltered: the box keeps its size while the filter narrows.
  public let unfilteredCount: Int
  /// The widest keys text unfiltered, capped.
  let keyWidth: Int
  public let context: ActionContext
  public let filter: String
  public let isTypingFilter: Bool

  /// The help for `context` under `keymap`, filtered by `filter` (fuzzy, as the palette).
  public init(
    _ keymap: Keymap, context: ActionContext, filter: String = "", isTypingFilter: Bool = false
  ) {
    // An action the user unbound has no key to show.
    let all = keymap.rows(in: context).filter { !$0.keys.isEmpty }.map {
      Entry(action: $0.action, keys: Self.keyText($0.keys), help: $0.help)
    }
    unfilteredCount = all.count
    keyWidth = min(14, all.map { DisplayWidth.of($0.keys) }.max() ?? 1)
    entries =
      filter.isEmpty
      ? all : FuzzyMatch.rank(filter, all.map { [$0.action.rawValue, $0.help] }).map { all[$0] }
    self.context = context
    self.filter = filter
    self.isTypingFilter = isTypingFilter
  }

  /// The help of what the state shows, if it shows the help.
  public init?(_ state: ReaderState) {
    guard let help = state.help else { return nil }
    self.init(
      state.settings.keymap, context: help.context, filter: help.filter,
      isTypingFilter: help.isTypingFilter)
  }

  /// How keys are listed: `j, Down`.
  static func keyText(_ keys: [KeySequence]) -> String {
    keys.isEmpty ? "(none)" : keys.map(\.description).joined(separator: ", ")
  }

  /// The arrangement at `size`: two columns when there is room.
  public func geometry(size: Size) -> Geometry {
    let width = min(size.width - 2, 90)
    let columns = width - 4 >= 72 ? 2 : 1
    let allRows = (unfilteredCount + columns - 1) / columns
    let rows = (entries.count + columns - 1) / columns
    let room = size.height - 2
    let filtering = isTypingFilter || !filter.isEmpty
    let hasFooter = filtering || allRows + 3 <= room || allRows + 2 > room
    let height = min(room, max(allRows, 1) + (hasFooter ? 3 : 2))
    let box = Rect.centered(width: width, height: height, in: size)
    return Geometry(
      box: box, columns: columns, keyWidth: keyWidth, rows: rows, hasFooter: hasFooter)
  }

  /// The largest useful scroll offset at `size`.
  public func maxScroll(size: Size) -> Int {
    let geometry = geometry(size: size)
    return max(0, geometry.rows - geometry.visibleRows)
  }
}
