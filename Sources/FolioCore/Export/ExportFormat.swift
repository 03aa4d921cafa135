/// The file formats papers export to.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
  case markdown, bibtex, json
  /// RIS records, for Zotero, Mendeley and EndNote.
  case ris
  /// CSL-JSON, for pandoc, Zotero and citeprocs.
  case csljson

  /// The usual file extension.
  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .bibtex: "bib"
    case .json: "json"
    case .ris: "ris"
    // Beside a paper JSON export of the same name, and the suffix pandoc users give it.
    case .csljson: "csl.json"
    }
  }
}
