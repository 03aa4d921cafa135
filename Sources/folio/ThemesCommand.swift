import ArgumentParser
import FolioConfig
import FolioCore
import FolioReader
import FolioStore
import FolioTerminal
import Foundation

/// `folio themes`: the colour themes, or a preview of one.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the colour themes, or preview one.",
    discussion: """
      The built-in themes are part of the folio binary (their sources are Themes/ in Folio's \
      repository); installed ones are folio/themes/*.theme under $XDG_DATA_DIRS and \
      $XDG_DATA_HOME (they add themes, never replace a built-in one); yours are \
      $XDG_CONFIG_HOME/folio/themes/*.theme (a theme of yours replaces any of the same name). \
      --preview of an unknown name exits 64 with the names, \
      of a broken theme 65 with its problems. See docs/themes.md.
      """,
    version: Folio.version)

  @Option(
    help: ArgumentHelp("Print a sample screen in this theme's colours.", valueName: "name|path"),
    completion: Completions.themeNames)
  var preview: String?

  func run() throws {
    let catalog = ThemeCatalog.loading()
    let environment = ProcessInfo.processInfo.environment
    if let preview {
      let isPath = preview.contains("/") || preview.hasSuffix(".theme")
      if !isPath, catalog.sources[preview] == nil {
        throw CLIError(
          "no theme named '\(preview)'; themes: \(catalog.names.joined(separator: ", "))",
          exitCode: SysExit.usage)
      }
      if isPath, !FileManager.default.isReadableFile(atPath: preview) {
        throw CLIError("\(preview): cannot read the theme file", exitCode: SysExit.noInput)
      }
      var (theme, warnings) = catalog.theme(preview)
      // A broken theme is not previewed as the default it would fall back to: that would
      // look like success.
      for warning in warnings { Output.warning("\(warning)") }
      if !warnings.isEmpty { throw ExitCode(SysExit.dataError) }
      if environment["NO_COLOR"] != nil { theme = theme.monochrome }
      // The preview writes its own SGR sequences, so COLORTERM alone can promise true colour.
      let colors =
        ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "")
        ? 16_777_216 : TerminalColors.guess(environment: environment)
      let depth = ColorDepth.detect(colors: colors, environment: environment)
      // The grid drops every control from the text it holds; its colours are Folio's own.
      Output.raw(
        try ThemePreview.grid(
          theme: theme, width: min(TerminalSize.outputWidth(fallback: 100), 110)
        ).ansiText(depth: depth))
      return
    }
    let current =
      environment["FOLIO_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? Config.loading().0.theme
      ?? "default"
    let width = max(8, catalog.names.map(\.count).max() ?? 8)
    for name in catalog.names {
      let source = catalog.sources[name]!
      let (_, warnings) = catalog.theme(name)
      var line = name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
      line += source.isBuiltIn ? "built-in" : source.file
      if name == current { line += "  (current)" }
      if !warnings.isEmpty { line += "  (broken: \(warnings[0]))" }
      print(line)
    }
  }
}

/// A small reader screen for showing a theme.
enum ThemePreview {
  static func grid(theme: Theme, width: Int) throws -> CellGrid {
    let store = try LibraryStore.inMemory()
    let day = Day.today()
    var papers: [Paper] = []
    let context = ImportContext(file: "sample", day: day, source: "sample")
    try TextListingImporter().read(BundledSample.bytes, context: context) { papers.append($0) }
    _ = try store.importPapers(file: "sample", format: "text", source: "sample") { session in
      for paper in papers.prefix(30) { try session.add(paper) }
    }
    let ids = try store.papers(limit: 4).map(\.id)
    try store.setStarred(true, ids: [ids[1]])
    try store.setRead(true, ids: [ids[2], ids[3]])
    var state = ReaderState(
      store: store,
      settings: ReaderSettings(markReadAfter: nil, theme: theme, libraryName: theme.name),
      size: Size(width: max(40, width), height: 16), now: 0)
    _ = state.handle(.key(.character("/")), now: 0)
    for character in "learning" { _ = state.handle(.key(.character(character)), now: 0) }
    _ = state.handle(.key(.enter), now: 0)
    return ReaderView.render(state)
  }
}

/// How many colours the terminal on stdout has, from `$TERM` (the command line does not load
/// terminfo).
enum TerminalColors {
  static func guess(environment: [String: String]) -> Int {
    let term = environment["TERM"] ?? ""
    if term.contains("direct") { return 16_777_216 }
    if term.contains("256") { return 256 }
    if term.isEmpty || term == "dumb" { return 0 }
    if term.hasPrefix("linux") || term.hasPrefix("vt") { return 8 }
    return 16
  }
}
