import FolioCore
import FolioQuery
import FolioStore
import Foundation

/// Exporting papers: choosing them, rendering them, and writing the file safely. Shared by
/// `folio export`, `folio digest` and the reader's `e`/`E`.
public enum ExportJob {
  public typealias Format = ExportFormat

  /// Why an export file could not be written (`folio` exits 73, can't create).
  public struct WriteFailure: Error, Sendable {
    public var message: String
  }

  /// The papers `filter` selects as an export document, each with its topics.
  public static func document(
    _ filter: PaperFilter, title: String, emptyMessage: String, store: LibraryStore,
    topics: TopicSet
  ) throws -> ExportDocument {
    var evaluator = QueryEvaluator(topics: topics, today: Day.today())
    // Only when a topic says `has:pdf`.
    if topics.mentionsCachedPDF { evaluator.cachedPDFs = PDFCache().cachedNames() }
    let entries = try store.papers(filter).map {
      ExportDocument.Entry($0, topics: evaluator.topicNames(for: SearchDocument($0)))
    }
    return ExportDocument(
      title: title, entries: entries, topicOrder: topics.topics.map(\.name),
      emptyMessage: emptyMessage)
  }

  public static func render(
    _ document: ExportDocument, format: Format, grouping: ExportDocument.Grouping, abstracts: Bool
  ) -> String {
    switch format {
    case .markdown: MarkdownExporter.render(document, grouping: grouping, abstracts: abstracts)
    case .bibtex: BibTeXExporter.render(document)
    case .ris: RISExporter.render(document)
    case .csljson: CSLJSONExporter.render(document)
    case .json:
      JSONValue.array(document.entries.map { PaperJSON.value($0.paper, topics: $0.topics) })
        .rendered() + "\n"
    }
  }

  /// The starred papers, all days, for the reader's quick export.
  public static func starred(store: LibraryStore, topics: TopicSet) throws -> ExportDocument {
    try document(
      PaperFilter(state: .starred), title: "Starred papers — \(Day.today())",
      emptyMessage: "Nothing is starred yet.", store: store, topics: topics)
  }

  /// Writes `text` to `path` atomically, only ever to a regular file, through a symbolic
  /// link and keeping the file's mode (see ``AtomicFile``).
  public static func write(_ text: String, to path: String) throws(WriteFailure) {
    do {
      try AtomicFile.write(Array(text.utf8), to: path)
    } catch {
      throw WriteFailure(message: "cannot write \(path): \(error.reason)")
    }
  }
}
