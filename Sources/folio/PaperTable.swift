import FolioCore

/// The `table` format of `folio list`: one line per paper, fitted to a width.
enum PaperTable {
  /// `papers` as aligned lines no wider than `width` cells, with a header line; the title
  /// column takes the room left and is cut with `…`. With no width (output to a pipe or file),
  /// titles are whole. An empty list gives a one-line notice.
  static func render(_ papers: [LibraryPaper], width: Int?) -> String {
    guard !papers.isEmpty else { return "no papers\n" }
    let idWidth = max(2, papers.map { DisplayWidth.of($0.paper.id) }.max() ?? 2)
    // Columns: star mark, unread mark, id, day, title; separated by single spaces.
    let fixed = 1 + 1 + 1 + 1 + idWidth + 1 + 10 + 1
    let titleWidth = width.map { max(10, $0 - fixed) }
    func title(_ text: String) -> String {
      titleWidth.map { DisplayWidth.truncate(text, to: $0) } ?? text
    }
    var lines = ["    " + pad("ID", idWidth) + " " + pad("DAY", 10) + " " + title("TITLE")]
    for entry in papers {
      let paper = entry.paper
      let star = entry.state.isStarred ? "★" : " "
      let unread = entry.state.isRead ? " " : "●"
      lines.append(
        "\(star) \(unread) " + pad(paper.id, idWidth) + " " + paper.day.description + " "
          + title(paper.title))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
  }
}
