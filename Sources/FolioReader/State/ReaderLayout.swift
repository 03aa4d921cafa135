/// Where each part of the reader goes at a terminal size.
///
/// At 100 columns and more the detail pane sits beside the list; below that, under it.
/// Smaller than 40x10, nothing but a notice fits.
public struct ReaderLayout: Hashable, Sendable {
  public static let minimumSize = Size(width: 40, height: 10)
  public static let sideBySideWidth = 100

  public let size: Size
  public let header: Rect
  public let list: Rect
  public let separator: Rect
  public let detail: Rect
  public let status: Rect
  /// The full-screen reading view's text area.
  public let reading: Rect
  public let isSideBySide: Bool

  public var isTooSmall: Bool {
    size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
  }

  public init(size: Size) {
    self.size = size
    header = Rect(x: 0, y: 0, width: size.width, height: 1)
    status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
    let bodyHeight = max(0, size.height - 2)
    isSideBySide = size.width >= Self.sideBySideWidth
    if isSideBySide {
      let listWidth = size.width * 45 / 100
      list = Rect(x: 0, y: 1, width: listWidth, height: bodyHeight)
      separator = Rect(x: listWidth, y: 1, width: 1, height: bodyHeight)
      detail = Rect(x: listWidth + 1, y: 1, width: size.width - listWidth - 1, height: bodyHeight)
    } else {
      let listHeight = max(1, (bodyHeight - 1) / 2)
      list = Rect(x: 0, y: 1, width: size.width, height: listHeight)
      separator = Rect(x: 0, y: 1 + listHeight, width: size.width, height: 1)
      detail = Rect(
        x: 0, y: 2 + listHeight, width: size.width, height: bodyHeight - listHeight - 1)
    }
    // Long lines are hard to read: the reading view keeps text within 100 columns, centred.
    let readingWidth = min(size.width - 2, 100)
    reading = Rect(
      x: (size.width - readingWidth) / 2, y: 1, width: readingWidth, height: bodyHeight)
  }

  /// The detail pane's text area: the pane less a margin each side and its scrollbar column.
  public var detailText: Rect {
    Rect(x: detail.x + 1, y: detail.y, width: detail.width - 3, height: detail.height)
  }
}
