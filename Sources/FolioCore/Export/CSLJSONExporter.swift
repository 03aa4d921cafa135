/// Papers as CSL-JSON, the citation data pandoc, Zotero and every citeproc read: an array of
/// items with `type` `article` (CSL's preprint type), `id` the paper's id, `title`, `author` as
/// `family`/`given` (particles and suffixes apart, a single-word or group name as `literal`),
/// `issued` date-parts, `abstract`, `URL`, `DOI` and `number` (the arXiv id) for arXiv papers,
/// `keyword` (tags and keywords, comma-separated) and `note`.
///
/// Strings are cleaned of escape sequences and controls (a citeproc would print them into a
/// bibliography); the note keeps its line breaks, escaped as JSON escapes them.
public enum CSLJSONExporter {
  /// The array, newest day first, then by title; `[]` when there are none.
  public static func render(_ document: ExportDocument) -> String {
    JSONValue.array(document.entries.sorted(by: ExportDocument.dayThenTitle).map { item($0.paper) })
      .rendered() + "\n"
  }

  /// One paper as a CSL item; absent fields are left out, as CSL-JSON expects.
  static func item(_ library: LibraryPaper) -> JSONValue {
    let paper = library.paper
    let date = paper.published ?? paper.day
    var fields: [(String, JSONValue)] = [
      ("id", .string(paper.id)),
      ("type", .string("article")),
      ("title", .string(TextCleaner.clean(paper.title))),
    ]
    if !paper.authors.isEmpty {
      fields.append(("author", .array(paper.authors.map { name(PersonName(parsing: $0)) })))
    }
    fields.append(
      (
        "issued",
        .object([
          ("date-parts", .array([.array([date.year, date.month, date.day].map(JSONValue.int))]))
        ])
      ))
    let abstract = TextCleaner.clean(paper.abstract)
    if !abstract.isEmpty { fields.append(("abstract", .string(abstract))) }
    if let url = paper.arxivID.map({ "https://arxiv.org/abs/\($0)" }) ?? paper.bestURL {
      fields.append(("URL", .string(url)))
    }
    if let doi = ReferenceFields.doi(paper) { fields.append(("DOI", .string(doi))) }
    if let arxivID = paper.arxivID {
      fields += [("number", .string(arxivID)), ("publisher", .string("arXiv"))]
    }
    let keywords = ReferenceFields.keywords(library)
    if !keywords.isEmpty { fields.append(("keyword", .string(keywords.joined(separator: ", ")))) }
    if let note = library.state.note.map(TextCleaner.cleanMultiline), !note.isEmpty {
      fields.append(("note", .string(note)))
    }
    return .object(fields)
  }

  /// A CSL name object: `literal`, or `family`, `given`, `non-dropping-particle`, `suffix`.
  static func name(_ name: PersonName) -> JSONValue {
    if let literal = name.literal { return .object([("literal", .string(literal))]) }
    var fields: [(String, JSONValue)] = [("family", .string(name.family))]
    if let given = name.given { fields.append(("given", .string(given))) }
    if let particle = name.particle { fields.append(("non-dropping-particle", .string(particle))) }
    if let suffix = name.suffix { fields.append(("suffix", .string(suffix))) }
    return .object(fields)
  }
}
