import FolioCore

/// `e` and `E`: exporting the starred papers from the reader.
extension ReaderState {
  /// The file `e` writes for `format`: the configured path, its extension matching `format`.
  func exportPath(for format: ExportFormat) -> String {
    let path = ExportPath.expand(settings.exportPath, home: settings.home, today: settings.today)
    return format == .markdown ? path : ExportPath.with(extension: format.fileExtension, path)
  }

  /// A key typed while the `E` dialogue is open.
  mutating func handleExportPrompt(_ key: Key) -> [ReaderEffect] {
    guard case .exportPrompt(var prompt, let screen) = mode else { return [] }
    switch (prompt.stage, key) {
    case (_, .escape):
      mode = .screen(screen)
      status = StatusMessage("export cancelled")
    case (.format, .character(let letter)):
      let formats: [Character: ExportFormat] = ["m": .markdown, "b": .bibtex, "j": .json]
      guard let format = formats[Character(letter.lowercased())] else { return [] }
      prompt = ExportPrompt(stage: .path(format), text: exportPath(for: format))
      mode = .exportPrompt(prompt, over: screen)
    case (.format, .enter):
      prompt = ExportPrompt(stage: .path(.markdown), text: exportPath(for: .markdown))
      mode = .exportPrompt(prompt, over: screen)
    case (.path(let format), .enter):
      mode = .screen(screen)
      let path = ExportPath.expand(prompt.text, home: settings.home, today: settings.today)
      guard !path.isEmpty else {
        status = StatusMessage("export cancelled: no file name")
        return []
      }
      return [.exportStarred(format, path: path)]
    case (.path, .backspace):
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      mode = .exportPrompt(prompt, over: screen)
    case (.path, .control("u")):
      prompt.text = ""
      mode = .exportPrompt(prompt, over: screen)
    case (.path, .character(let character)):
      prompt.text.append(character)
      mode = .exportPrompt(prompt, over: screen)
    default:
      break
    }
    return []
  }
}
