import Foundation

/// The themes Folio knows: the built-in ones from `Themes/` (compiled in), and the user's
/// `$XDG_CONFIG_HOME/folio/themes/*.theme`, which replace built-in ones of the same name.
public struct ThemeCatalog: Hashable, Sendable {
  /// A theme's file text and where it came from.
  public struct Source: Hashable, Sendable {
    public var name: String
    public var text: String
    /// A path, or `built-in` for compiled-in themes.
    public var file: String
    public var isBuiltIn: Bool
  }

  /// Every theme by name.
  public private(set) var sources: [String: Source]

  public init(sources: [Source]) {
    var byName: [String: Source] = [:]
    for source in sources { byName[source.name] = source }
    self.sources = byName
  }

  /// The built-in themes only.
  public static let builtIn = ThemeCatalog(
    sources: BuiltinThemes.sources.map {
      Source(name: $0.name, text: $0.text, file: "Themes/\($0.name).theme", isBuiltIn: true)
    })

  /// Theme names: `default` first, then the rest alphabetically (the order `T` cycles in).
  public var names: [String] {
    sources.keys.sorted { ($0 == "default" ? 0 : 1, $0) < ($1 == "default" ? 0 : 1, $1) }
  }

  /// `$XDG_CONFIG_HOME/folio/themes`, or `~/.config/folio/themes`.
  public static func userDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/folio/themes" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.config/folio/themes"
  }

  /// The built-in themes plus those in `directory`.
  public static func loading(userDirectory directory: String = userDirectory()) -> ThemeCatalog {
    var catalog = builtIn
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for file in files.sorted() where file.hasSuffix(".theme") {
      let path = directory + "/" + file
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let name = String(file.dropLast(".theme".count))
      catalog.sources[name] = Source(
        name: name, text: String(decoding: data, as: UTF8.self), file: path, isBuiltIn: false)
    }
    return catalog
  }

  /// The theme `nameOrPath` names: a theme name, or the path of a `.theme` file. Any problem
  /// gives warnings and the `default` theme instead.
  public func theme(_ nameOrPath: String) -> (theme: Theme, warnings: [ThemeWarning]) {
    var catalog = self
    var name = nameOrPath
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
      guard let data = FileManager.default.contents(atPath: nameOrPath) else {
        return (
          fallback, [ThemeWarning(file: nameOrPath, "cannot read the theme file; using default")]
        )
      }
      name = ((nameOrPath as NSString).lastPathComponent as NSString).deletingPathExtension
      catalog.sources[name] = Source(
        name: name, text: String(decoding: data, as: UTF8.self), file: nameOrPath, isBuiltIn: false)
    }
    guard catalog.sources[name] != nil else {
      let known = names.joined(separator: ", ")
      return (
        fallback,
        [ThemeWarning(file: name, "no theme named '\(name)' (themes: \(known)); using default")]
      )
    }
    var warnings: [ThemeWarning] = []
    var visiting: [String] = []
    guard let theme = catalog.resolve(name, visiting: &visiting, warnings: &warnings),
      warnings.isEmpty
    else {
      return (
        fallback,
        warnings + [
          ThemeWarning(file: catalog.sources[name]!.file, "using the default theme instead")
        ]
      )
    }
    return (theme, [])
  }

  /// The built-in default, which a test guarantees resolves.
  var fallback: Theme { BuiltinThemes.standard }

  /// Resolves `name` against the themes it extends; nil (with warnings) when it cannot.
  func resolve(
    _ name: String, visiting: inout [String], warnings: inout [ThemeWarning]
  ) -> Theme? {
    guard let source = sources[name] else { return nil }
    let (file, problems) = ThemeFile.parse(source.text, name: name, file: source.file)
    warnings += problems
    let parentName = file.extends ?? (name == "default" ? nil : "default")
    var parent: Theme? = nil
    if let parentName {
      guard !visiting.contains(parentName), parentName != name else {
        warnings.append(ThemeWarning(file: source.file, "'extends = \(parentName)' makes a cycle"))
        return nil
      }
      guard sources[parentName] != nil else {
        warnings.append(ThemeWarning(file: source.file, "extends an unknown theme '\(parentName)'"))
        return nil
      }
      visiting.append(name)
      parent = resolve(parentName, visiting: &visiting, warnings: &warnings)
      visiting.removeLast()
      guard parent != nil else { return nil }
    }
    var elements: [ThemeElement: Style] = [:]
    for element in ThemeElement.allCases {
      let inherited = parent?.elements[element]
      guard let setting = file.elements[element] else {
        if let inherited {
          elements[element] = inherited
        } else {
          warnings.append(
            ThemeWarning(file: source.file, "element '\(element.rawValue)' is not defined"))
        }
        continue
      }
      func color(_ setting: ThemeFile.ColorSetting, _ inheritedColor: Color?) -> Color {
        switch setting {
        case .color(let color): color
        case .inherited: inheritedColor ?? .default
        }
      }
      elements[element] = Style(
        foreground: color(setting.foreground, inherited?.foreground),
        background: color(setting.background, inherited?.background),
        attributes: setting.attributes)
    }
    return Theme(
      name: name, foreground: file.foreground ?? parent?.foreground ?? .default,
      background: file.background ?? parent?.background ?? .default, elements: elements)
  }
}

/// The themes compiled into Folio from `Themes/` (see scripts/embed-resources.sh).
public enum BuiltinThemes {
  /// `Themes/default.theme`.
  public static let standard: Theme = {
    var warnings: [ThemeWarning] = []
    var visiting: [String] = []
    return ThemeCatalog.builtIn.resolve("default", visiting: &visiting, warnings: &warnings)
      ?? Theme(name: "default", elements: [:])
  }()

  /// `Themes/monochrome.theme`.
  public static let monochrome: Theme = {
    var warnings: [ThemeWarning] = []
    var visiting: [String] = []
    return ThemeCatalog.builtIn.resolve("monochrome", visiting: &visiting, warnings: &warnings)
      ?? Theme(name: "monochrome", elements: [:])
  }()
}
