import Foundation

/// The themes Folio knows: the built-in ones from `Themes/` (compiled in), the installed ones in
/// `folio/themes/` under `$XDG_DATA_HOME` and `$XDG_DATA_DIRS` (where packages and `make install`
/// put theme files; these add themes but never replace a built-in one, whose installed file is a
/// copy that may be stale), and the user's `$XDG_CONFIG_HOME/folio/themes/*.theme`, which replace
/// any theme of the same name.
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

  /// At most this many `$XDG_DATA_DIRS` entries are searched (the variable is a list of any
  /// length; a system has a handful).
  public static let maxDataDirectories = 16

  /// The installed theme directories, lowest precedence first: `folio/themes` under each of
  /// `$XDG_DATA_DIRS` (default `/usr/local/share:/usr/share`; the first listed wins), then under
  /// `$XDG_DATA_HOME` (default `~/.local/share`). Relative entries are ignored, as the XDG Base
  /// Directory specification says.
  public static func dataDirectories(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    let listed = (environment["XDG_DATA_DIRS"] ?? "").split(separator: ":").map(String.init)
      .filter { $0.hasPrefix("/") }
    let system = listed.isEmpty ? ["/usr/local/share", "/usr/share"] : listed
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    let user = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    return (system.prefix(maxDataDirectories).reversed() + [user ?? home + "/.local/share"])
      .map { $0 + "/folio/themes" }
  }

  /// The built-in themes, plus the installed ones in `dataDirectories` (lowest precedence first)
  /// that do not have a built-in theme's name, plus the user's in `directory`.
  public static func loading(
    userDirectory directory: String = userDirectory(),
    dataDirectories: [String] = dataDirectories()
  ) -> ThemeCatalog {
    var catalog = builtIn
    let installed = dataDirectories.flatMap(themeFiles(in:))
    for source in installed where builtIn.sources[source.name] == nil {
      catalog.sources[source.name] = source
    }
    for source in themeFiles(in: directory) { catalog.sources[source.name] = source }
    return catalog
  }

  /// The `.theme` files in `directory`, in name order; none when it cannot be read.
  static func themeFiles(in directory: String) -> [Source] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return files.sorted().filter { $0.hasSuffix(".theme") }.compactMap { file in
      let path = directory + "/" + file
      guard let data = FileManager.default.contents(atPath: path) else { return nil }
      return Source(
        name: String(file.dropLast(".theme".count)), text: String(decoding: data, as: UTF8.self),
        file: path, isBuiltIn: false)
    }
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
