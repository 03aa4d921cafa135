import FolioCore

// The status line's prompts of issue 18: the `l` tag prompt (with the names Tab completes
// to) and the `+` topic name prompt.
extension StatusView {
  /// `label`, the typed `text` and a cursor; then the error of a refused Enter, if any.
  /// Returns the column after the cursor.
  @discardableResult
  static func drawLinePrompt(
    _ label: String, _ text: String, state: ReaderState, room: Int, y: Int,
    into grid: inout CellGrid
  ) -> Int {
    let theme = state.settings.theme
    let x0 = state.layout.status.x
    var x = x0 + grid.write(label + text, x: x0, y: y, width: room, style: theme[.prompt])
    if x < x0 + room {
      grid.write(
        " ", x: x, y: y, width: 1,
        style: theme[.statusKey].overlaid(with: Style(attributes: .underline)))
    }
    x += 1
    if let status = state.status, status.isError, x + 3 < x0 + room {
      x += grid.write(
        "  " + DisplayWidth.truncate(status.text, to: x0 + room - x - 2), x: x, y: y,
        style: theme[.statusError])
    }
    return x
  }

  /// The tag prompt: what is typed, then the names it may complete to, as room allows.
  static func drawTagPrompt(
    _ prompt: TagPrompt, state: ReaderState, room: Int, y: Int, into grid: inout CellGrid
  ) {
    let x = drawLinePrompt(" Tag: ", prompt.text, state: state, room: room, y: y, into: &grid)
    let end = state.layout.status.x + room
    guard state.status?.isError != true, x + 4 < end else { return }
    // Only what fits is joined: the candidates are capped by TagPrompt.completionLimit.
    var shown = ""
    for name in prompt.candidates {
      if DisplayWidth.of(shown) + DisplayWidth.of(name) + 3 > end - x { break }
      shown += (shown.isEmpty ? "" : " · ") + name
    }
    guard !shown.isEmpty else { return }
    grid.write(
      "  " + DisplayWidth.truncate(shown, to: end - x - 2), x: x, y: y,
      style: state.settings.theme[.status])
  }
}
