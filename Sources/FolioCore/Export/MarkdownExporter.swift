/// Papers as a Markdown document that renders as its text says: every Markdown
/// metacharacter in titles, authors and notes is escaped.
public enum MarkdownExporter {
  /// The document, ending in a newline.
  public static func render(
    _ document: ExportDocument, grouping: ExportDocument.Grouping, abstracts: Bool
  ) -> String {
    var lines = ["# " + escape(document.title), ""]
    let count = document.entries.count
    guard count > 0 else {
      return (lines + [escape(document.emptyMessage)]).joined(separator: "\n") + "\n"
    }
    lines += ["\(count) paper\(count == 1 ? "" : "s").", ""]
    for group in document.groups(grouping) {
      if let heading = group.heading { lines += ["## " + escape(heading), ""] }
      for entry in group.entries { lines += item(entry, abstracts: abstracts) }
      lines.append("")
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One paper as a list item: the title (linked to its best page), then authors, day, id and
  /// topics; the note and, when asked, the abstract as a quote.
  static func item(_ entry: ExportDocument.Entry, abstracts: Bool) -> [String] {
    let paper = entry.paper.paper
    let title = escape(paper.title)
    let linked = paper.bestURL.map { "[\(title)](\(escapeURL($0)))" } ?? title
    var facts: [String] = []
    if !paper.authors.isEmpty { facts.append(escape(paper.shortAuthors)) }
    facts.append(paper.day.description)
    facts.append("`\(paper.id)`")
    if !entry.topics.isEmpty { facts.append(escape(entry.topics.joined(separator: ", "))) }
    var lines = ["- \(linked)\\", "  " + facts.joined(separator: " · ")]
    if let note = entry.paper.state.note {
      lines[lines.count - 1] += "\\"
      let noteLines = note.split(separator: "\n", omittingEmptySubsequences: false).map {
        escapeLine(String($0))
      }
      lines.append("  Note: " + noteLines.joined(separator: "\\\n  "))
    }
    if abstracts && !paper.abstract.isEmpty {
      lines += ["", "  > " + escape(paper.abstract)]
    }
    return lines
  }

  /// `text` on one line with Markdown's inline metacharacters escaped, so it renders
  /// literally. A backslash becomes the entity `&#92;`: some renderers drop an escaped
  /// backslash. Escape sequences and controls are dropped first (``TextCleaner/inert(_:)``,
  /// the command line's inert-text path) and a line break becomes a space: a topic name from
  /// topics.toml or a query from the command line can hold them, and a Markdown file is read
  /// with `cat` too.
  public static func escape(_ text: String) -> String {
    let text = TextCleaner.inert(text)
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      if character == "\n" {
        out.append(" ")
        continue
      }
      if character == "\\" {
        out += "&#92;"
        continue
      }
      if "`*_[]<>|#!~&{}".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// Like ``escape(_:)``, and a line start that Markdown would read as a list, heading or
  /// quote is escaped too (`- x`, `1. x`, `> x`).
  static func escapeLine(_ text: String) -> String {
    var escaped = escape(text)
    if let first = escaped.first, "-+=>".contains(first) {
      escaped.insert("\\", at: escaped.startIndex)
    }
    if let dot = escaped.firstIndex(where: { $0 == "." || $0 == ")" }),
      !escaped[..<dot].isEmpty, escaped[..<dot].allSatisfy(\.isNumber)
    {
      escaped.insert("\\", at: dot)
    }
    return escaped
  }

  /// A URL made safe inside `(...)`: spaces, parentheses and angle brackets percent-encoded.
  static func escapeURL(_ url: String) -> String {
    var out = ""
    for character in url {
      switch character {
      case " ": out += "%20"
      case "(": out += "%28"
      case ")": out += "%29"
      case "<": out += "%3C"
      case ">": out += "%3E"
      default: out.append(character)
      }
    }
    return out
  }
}
