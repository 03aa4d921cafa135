/// A paper as an item for the Zotero connector's `POST /connector/saveItems` (issue 20), in the
/// JSON Zotero's own browser connector sends: `itemType` `preprint`, `title`, `creators` (first
/// and last names split as ``PersonName`` splits them, `creatorType` `author`; a collaboration
/// or one-word name as a single field, `fieldMode` 1), `abstractNote`, `date` (YYYY-MM-DD),
/// `url`; for an arXiv paper `repository` `arXiv`, `archiveID` `arXiv:<id>` and arXiv's DOI
/// `10.48550/arXiv.<id>`; the user's tags as `tags: [{tag}]`, the note as a child note (HTML,
/// escaped), and the PDF as an attachment `{title, url, mimeType: application/pdf}` for Zotero
/// to download.
///
/// Pure: the caller says where the PDF is (``FolioApp/PDFDownload`` knows arXiv's address and
/// its test override). Every string is cleaned of escape sequences and controls first.
public enum ZoteroItem {
  /// The attachment's title, Zotero's own for a PDF saved with an item.
  public static let attachmentTitle = "Full Text PDF"

  /// One paper as a connector item; fields with nothing to say are left out. `connectorID` is
  /// the item's key within one request (Zotero matches attachments and progress to it).
  public static func item(_ library: LibraryPaper, pdfURL: String?, connectorID: String = "1")
    -> JSONValue
  {
    let paper = library.paper
    var fields: [(String, JSONValue)] = [
      ("itemType", .string("preprint")),
      ("id", .string(connectorID)),
      ("title", .string(TextCleaner.clean(paper.title))),
      ("creators", .array(paper.authors.map { creator(PersonName(parsing: $0)) })),
    ]
    let abstract = TextCleaner.clean(paper.abstract)
    if !abstract.isEmpty { fields.append(("abstractNote", .string(abstract))) }
    fields.append(("date", .string((paper.published ?? paper.day).description)))
    if let url = paper.arxivID.map({ "https://arxiv.org/abs/\($0)" }) ?? paper.bestURL {
      fields.append(("url", .string(TextCleaner.clean(url))))
    }
    if let arxivID = paper.arxivID {
      fields += [
        ("repository", .string("arXiv")),
        ("archiveID", .string("arXiv:\(arxivID)")),
      ]
    }
    if let doi = ReferenceFields.doi(paper) { fields.append(("DOI", .string(doi))) }
    let tags = library.state.tags.map(TextCleaner.clean).filter { !$0.isEmpty }
    fields.append(("tags", .array(tags.map { .object([("tag", .string($0))]) })))
    var notes: [JSONValue] = []
    if let note = library.state.note.map(TextCleaner.cleanMultiline), !note.isEmpty {
      notes.append(.object([("note", .string(noteHTML(note)))]))
    }
    fields.append(("notes", .array(notes)))
    var attachments: [JSONValue] = []
    if let pdfURL {
      attachments.append(
        .object([
          ("title", .string(attachmentTitle)),
          ("url", .string(TextCleaner.clean(pdfURL))),
          ("mimeType", .string("application/pdf")),
        ]))
    }
    fields.append(("attachments", .array(attachments)))
    return .object(fields)
  }

  /// The whole `saveItems` request body for one paper: `{"items": [item], "uri": <its page>,
  /// "sessionID": sessionID}`. A fresh `sessionID` per request: Zotero refuses a second save
  /// under a session it has seen (409 SESSION_EXISTS).
  public static func saveItemsBody(_ library: LibraryPaper, pdfURL: String?, sessionID: String)
    -> String
  {
    let item = item(library, pdfURL: pdfURL)
    var fields: [(String, JSONValue)] = [("items", .array([item]))]
    if case .object(let pairs) = item, let url = pairs.first(where: { $0.0 == "url" })?.1 {
      fields.append(("uri", url))
    }
    fields.append(("sessionID", .string(sessionID)))
    return JSONValue.object(fields).rendered()
  }

  /// A creator: `firstName`/`lastName` (the particle stays with the last name, as Zotero
  /// keeps "van Beethoven"; a suffix follows the first name after a comma, as Zotero's own
  /// name parser leaves it), or the whole name as the last name with `fieldMode` 1.
  static func creator(_ name: PersonName) -> JSONValue {
    if let literal = name.literal {
      return .object([
        ("firstName", .string("")), ("lastName", .string(literal)),
        ("creatorType", .string("author")), ("fieldMode", .int(1)),
      ])
    }
    var first = name.given ?? ""
    if let suffix = name.suffix { first += first.isEmpty ? suffix : ", \(suffix)" }
    return .object([
      ("firstName", .string(first)), ("lastName", .string(name.familyWithParticle)),
      ("creatorType", .string("author")),
    ])
  }

  /// The note as Zotero's note HTML: each line a paragraph, `&`, `<`, `>` and `"` escaped, so
  /// the user's text stays text.
  static func noteHTML(_ note: String) -> String {
    var out = ""
    for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
      out += "<p>"
      for character in line {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(character)
        }
      }
      out += "</p>"
    }
    return out
  }
}
