/// A style for every ``ThemeElement``, on the theme's own foreground and background.
public struct Theme: Hashable, Sendable {
  public var name: String
  /// The theme's text colour (`.default`: the terminal's).
  public var foreground: Color
  /// The theme's background colour (`.default`: the terminal's).
  public var background: Color
  /// Element styles as the theme file gives them: a `.default` colour stands for the theme's
  /// foreground or background.
  public var elements: [ThemeElement: Style]

  public init(
    name: String, foreground: Color = .default, background: Color = .default,
    elements: [ThemeElement: Style]
  ) {
    self.name = name
    self.foreground = foreground
    self.background = background
    self.elements = elements
  }

  /// How `element` is drawn, with the theme's colours filled in.
  public subscript(element: ThemeElement) -> Style {
    var style = elements[element] ?? .plain
    if style.foreground == .default { style.foreground = foreground }
    if style.background == .default { style.background = background }
    return style
  }

  /// Blank screen: the theme's foreground on its background.
  public var base: Style { Style(foreground: foreground, background: background) }

  /// The look under NO_COLOR: the built-in `monochrome` theme (bold, reverse and underline
  /// only), under this theme's name. A colour theme's distinctions often rest on colour
  /// alone, so its own attributes are not a readable rendition.
  public var monochrome: Theme {
    var theme = BuiltinThemes.monochrome
    theme.name = name
    return theme
  }
}

extension Theme {
  /// The built-in default look (`Themes/default.theme`).
  public static var standard: Theme { BuiltinThemes.standard }
}
