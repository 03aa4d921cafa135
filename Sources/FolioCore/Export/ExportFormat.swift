/// The file formats papers export to.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
  case markdown, bibtex, json

  /// The usual file extension.
  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .bibtex: "bib"
    case .json: "json"
    }
  }
}
