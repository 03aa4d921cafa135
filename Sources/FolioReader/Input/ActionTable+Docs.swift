/// The action table as documentation: docs/guide.md's key table is this text (a test checks
/// it), and the man page's KEYS section is made from the same rows.
extension ActionTable {
  /// Where `row` applies, as the docs say it: the context names, comma separated.
  public static func whereText(_ row: ActionRow) -> String {
    row.contexts.count == ActionContext.allCases.count
      ? "everywhere" : row.contexts.map(\.rawValue).joined(separator: ", ")
  }

  /// The table as Markdown: action name, default keys, contexts, help text; one line a row.
  public static var markdown: String {
    var lines = ["| Action | Default keys | Where | What it does |", "|---|---|---|---|"]
    for row in rows {
      let keys = row.keys.map { "`\($0)`" }.joined(separator: " ")
      lines.append(
        "| `\(row.action.rawValue)` | \(keys.isEmpty ? "(none)" : keys) | \(whereText(row)) | \(row.help) |"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
