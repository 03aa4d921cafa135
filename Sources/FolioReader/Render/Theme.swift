/// A style for every ``ThemeElement``.
public struct Theme: Hashable, Sendable {
  public var name: String
  public var styles: [ThemeElement: Style]

  public init(name: String, styles: [ThemeElement: Style]) {
    self.name = name
    self.styles = styles
  }

  public subscript(element: ThemeElement) -> Style {
    styles[element] ?? .plain
  }

  /// This theme with colours removed, attributes kept (for NO_COLOR); where an element relied
  /// on colour alone, the monochrome theme's attributes stand in.
  public var monochrome: Theme {
    var styles: [ThemeElement: Style] = [:]
    for element in ThemeElement.allCases {
      let own = self[element].monochrome
      styles[element] = own == .plain ? Theme.monochrome[element] : own
    }
    return Theme(name: name + " (no colour)", styles: styles)
  }
}

extension Theme {
  /// The built-in look: the terminal's own foreground and background, a few of its named
  /// colours for accents, so it reads on dark and light backgrounds alike.
  public static let standard = Theme(
    name: "default",
    styles: [
      .header: Style(attributes: [.bold, .reverse]),
      .listNormal: .plain,
      .listUnread: Style(attributes: .bold),
      .listRead: Style(foreground: .brightBlack),
      .listSelected: Style(foreground: .black, background: .cyan),
      .listSelectedUnfocused: Style(attributes: [.reverse]),
      .listStar: Style(foreground: .yellow, attributes: .bold),
      .listTag: Style(foreground: .magenta),
      .listDay: Style(foreground: .brightBlack),
      .listEmpty: Style(attributes: .dim),
      .detailTitle: Style(attributes: .bold),
      .detailLabel: Style(foreground: .cyan),
      .detailMeta: .plain,
      .detailBody: .plain,
      .detailLink: Style(foreground: .blue, attributes: .underline),
      .detailTopic: Style(foreground: .magenta),
      .detailNote: Style(foreground: .yellow),
      .scrollbar: Style(foreground: .brightBlack),
      .scrollbarThumb: Style(foreground: .cyan),
      .separator: Style(foreground: .brightBlack),
      .status: Style(attributes: .reverse),
      .statusKey: Style(attributes: [.reverse, .bold]),
      .statusMessage: Style(attributes: [.reverse, .bold]),
      .statusError: Style(foreground: .white, background: .red, attributes: .bold),
      .prompt: Style(foreground: .black, background: .yellow, attributes: .bold),
      .help: .plain,
      .helpTitle: Style(attributes: [.bold, .underline]),
      .helpKey: Style(foreground: .yellow, attributes: .bold),
      .searchMatch: Style(foreground: .black, background: .yellow),
      .tooSmall: Style(attributes: .bold),
    ])

  /// Attributes only, for NO_COLOR: bold, reverse and underline carry every distinction.
  public static let monochrome = Theme(
    name: "monochrome",
    styles: [
      .header: Style(attributes: [.bold, .reverse]),
      .listUnread: Style(attributes: .bold),
      .listSelected: Style(attributes: .reverse),
      .listSelectedUnfocused: Style(attributes: .underline),
      .listStar: Style(attributes: .bold),
      .detailTitle: Style(attributes: .bold),
      .detailLabel: Style(attributes: .bold),
      .detailLink: Style(attributes: .underline),
      .detailTopic: Style(attributes: .underline),
      .scrollbarThumb: Style(attributes: .reverse),
      .status: Style(attributes: .reverse),
      .statusKey: Style(attributes: [.reverse, .bold]),
      .statusMessage: Style(attributes: [.reverse, .bold]),
      .statusError: Style(attributes: [.reverse, .bold, .underline]),
      .prompt: Style(attributes: [.reverse, .bold]),
      .helpTitle: Style(attributes: [.bold, .underline]),
      .helpKey: Style(attributes: .bold),
      .searchMatch: Style(attributes: [.underline, .bold]),
      .tooSmall: Style(attributes: .bold),
    ])
}
