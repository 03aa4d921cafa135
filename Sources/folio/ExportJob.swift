import FolioCore
import FolioQuery
import FolioStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Exporting papers: choosing them, rendering them, and writing the file safely. Shared by
/// `folio export`, `folio digest` and the reader's `e`/`E`.
enum ExportJob {
  typealias Format = ExportFormat

  /// The papers `filter` selects as an export document, each with its topics.
  static func document(
    _ filter: PaperFilter, title: String, emptyMessage: String, store: LibraryStore,
    topics: TopicSet
  ) throws -> ExportDocument {
    let evaluator = QueryEvaluator(topics: topics, today: Day.today())
    let entries = try store.papers(filter).map {
      ExportDocument.Entry($0, topics: evaluator.topicNames(for: SearchDocument($0)))
    }
    return ExportDocument(
      title: title, entries: entries, topicOrder: topics.topics.map(\.name),
      emptyMessage: emptyMessage)
  }

  static func render(
    _ document: ExportDocument, format: Format, grouping: ExportDocument.Grouping, abstracts: Bool
  ) -> String {
    switch format {
    case .markdown: MarkdownExporter.render(document, grouping: grouping, abstracts: abstracts)
    case .bibtex: BibTeXExporter.render(document)
    case .json:
      JSONValue.array(document.entries.map { PaperJSON.value($0.paper, topics: $0.topics) })
        .rendered() + "\n"
    }
  }

  /// The starred papers, all days, for the reader's quick export.
  static func starred(store: LibraryStore, topics: TopicSet) throws -> ExportDocument {
    try document(
      PaperFilter(state: .starred), title: "Starred papers — \(Day.today())",
      emptyMessage: "Nothing is starred yet.", store: store, topics: topics)
  }

  /// Writes `text` to `path` atomically: into a new file beside it (created exclusively, so a
  /// link planted at that name is never followed), flushed, then renamed over `path`. On any
  /// failure nothing is left behind and `path` is untouched.
  static func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temporary =
      directory + "/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(path, errno) }
    var bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeMutableBytes {
        Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        let code = errno
        close(descriptor)
        unlink(temporary)
        throw failure(path, code)
      }
      written += result
    }
    let synced = fsync(descriptor) == 0
    let syncError = errno
    close(descriptor)
    guard synced else {
      unlink(temporary)
      throw failure(path, syncError)
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw failure(path, code)
    }
  }

  private static func failure(_ path: String, _ code: Int32) -> CLIError {
    CLIError(
      "cannot write \(path): \(String(cString: strerror(code)))", exitCode: CLIError.cannotCreate)
  }
}
