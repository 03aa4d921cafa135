import FolioCore

/// `e` and `E`: exporting the starred papers from the reader.
extension ReaderState {
  /// The file `e` writes for `format`: the configured path, its extension matching `format`.
  func exportPath(for format: ExportFormat) -> String {
    let path = ExportPath.expand(settings.exportPath, home: settings.home, today: settings.today)
    return format == .markdown ? path : ExportPath.with(extension: format.fileExtension, path)
  }

  /// The format each of the format question's answers picks (Enter: Markdown).
  static let exportFormats: [Action: ExportFormat] = [
    .exportMarkdown: .markdown, .accept: .markdown, .exportBibTeX: .bibtex, .exportJSON: .json,
    .exportRIS: .ris, .exportCSLJSON: .csljson,
  ]

  /// A key typed while the `E` dialogue is open (`action` is what it means there).
  mutating func handleExportPrompt(_ key: Key, action: Action?) -> [ReaderEffect] {
    guard case .exportPrompt(var prompt, let screen) = mode else { return [] }
    switch (prompt.stage, action) {
    case (_, .cancel?):
      mode = .screen(screen)
      status = StatusMessage("export cancelled")
    case (.format, let action?) where Self.exportFormats[action] != nil:
      let format = Self.exportFormats[action] ?? .markdown
      prompt = ExportPrompt(stage: .path(format), text: exportPath(for: format))
      mode = .exportPrompt(prompt, over: screen)
    case (.path(let format), .accept?):
      mode = .screen(screen)
      let path = ExportPath.expand(prompt.text, home: settings.home, today: settings.today)
      guard !path.isEmpty else {
        status = StatusMessage("export cancelled: no file name")
        return []
      }
      return [.exportStarred(format, path: path)]
    case (.path, .deleteCharacter?):
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      mode = .exportPrompt(prompt, over: screen)
    case (.path, .clearLine?):
      prompt.text = ""
      mode = .exportPrompt(prompt, over: screen)
    case (.path, nil):
      guard case .character(let character) = key else { break }
      prompt.text.append(character)
      mode = .exportPrompt(prompt, over: screen)
    default:
      break
    }
    return []
  }
}
