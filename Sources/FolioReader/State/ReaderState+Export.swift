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
    guard var prompt = exportPrompt else { return [] }
    switch (prompt.stage, key) {
    case (_, .escape):
      exportPrompt = nil
      status = StatusMessage("export cancelled")
    case (.format, .character(let letter)):
      let formats: [Character: ExportFormat] = ["m": .markdown, "b": .bibtex, "j": .json]
      guard let format = formats[Character(letter.lowercased())] else { return [] }
      prompt = ExportPrompt(stage: .path(format), text: exportPath(for: format))
      exportPrompt = prompt
    case (.format, .enter):
      exportPrompt = ExportPrompt(stage: .path(.markdown), text: exportPath(for: .markdown))
    case (.path(let format), .enter):
      exportPrompt = nil
      let path = ExportPath.expand(prompt.text, home: settings.home, today: settings.today)
      guard !path.isEmpty else {
        status = StatusMessage("export cancelled: no file name")
        return []
      }
      return [.exportStarred(format, path: path)]
    case (.path, .backspace):
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      exportPrompt = prompt
    case (.path, .control("u")):
      prompt.text = ""
      exportPrompt = prompt
    case (.path, .character(let character)):
      prompt.text.append(character)
      exportPrompt = prompt
    default:
      break
    }
    return []
  }
}
