/// Papers as RIS records, the tagged format Zotero, Mendeley and EndNote import: `TY  - PREP`
/// for a paper with an arXiv id (`GEN` otherwise), one `AU` per author as "Family, Given", `TI`,
/// `AB`, `PY`/`DA`, `UR`, `DO`, one `KW` per tag and keyword, `N1` the note, `ER`.
///
/// Lines end in CR LF and records are separated by a blank line, as the RIS specification and
/// Zotero's own RIS export write them. Every value is one line: controls and escape sequences
/// are dropped and line breaks become spaces, so no text a paper carries can start a tag.
public enum RISExporter {
  /// The line ending RIS specifies.
  static let newline = "\r\n"

  /// Every paper as a record, newest day first, then by title; empty text when there are none
  /// (RIS has no comment syntax, and an empty file is a valid import of nothing).
  public static func render(_ document: ExportDocument) -> String {
    document.entries.sorted(by: ExportDocument.dayThenTitle).map { record($0.paper) }.joined()
  }

  /// One record, ending with `ER  - ` and a blank line.
  static func record(_ library: LibraryPaper) -> String {
    let paper = library.paper
    var lines: [(String, String)] = [("TY", paper.arxivID == nil ? "GEN" : "PREP")]
    lines.append(("TI", paper.title))
    lines += paper.authors.map { ("AU", PersonName(parsing: $0).inverted) }
    lines.append(("AB", paper.abstract))
    let date = paper.published ?? paper.day
    lines.append(("PY", String(format4(date.year))))
    lines.append(("DA", "\(format4(date.year))/\(two(date.month))/\(two(date.day))"))
    if let url = paper.arxivID.map({ "https://arxiv.org/abs/\($0)" }) ?? paper.bestURL {
      lines.append(("UR", url))
    }
    if let doi = ReferenceFields.doi(paper) { lines.append(("DO", doi)) }
    lines += ReferenceFields.keywords(library).map { ("KW", $0) }
    if let note = library.state.note { lines.append(("N1", note)) }
    var out = ""
    for (tag, value) in lines {
      let value = self.value(value)
      if !value.isEmpty { out += "\(tag)  - \(value)\(newline)" }
    }
    return out + "ER  - " + newline + newline
  }

  /// `text` as one inert line: escape sequences and controls dropped, every run of white
  /// space (line and paragraph separators included) one space, trimmed.
  public static func value(_ text: String) -> String {
    let flattened =
      text.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }
      ? String(
        String.UnicodeScalarView(
          text.unicodeScalars.map { $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
      : text
    return TextCleaner.clean(flattened)
  }

  private static func format4(_ year: Int) -> String {
    let digits = String(year)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}

/// Fields the reference formats (RIS, CSL-JSON) derive the same way.
enum ReferenceFields {
  /// arXiv's DOI for an arXiv paper (`10.48550/arXiv.<id>`, registered by arXiv for every
  /// paper); nil for others.
  static func doi(_ paper: Paper) -> String? {
    paper.arxivID.map { "10.48550/arXiv.\($0)" }
  }

  /// The user's tags, then the source's keywords, each once (compared case-insensitively),
  /// cleaned to one line.
  static func keywords(_ paper: LibraryPaper) -> [String] {
    var seen: Set<String> = []
    var out: [String] = []
    for word in paper.state.tags + paper.paper.keywords {
      let cleaned = RISExporter.value(word)
      if !cleaned.isEmpty, seen.insert(cleaned.lowercased()).inserted { out.append(cleaned) }
    }
    return out
  }
}
