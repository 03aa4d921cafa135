import FolioConfig
import FolioCore
import FolioStore
import Foundation

/// Fetches today's papers from Hugging Face and arXiv and imports them.
///
/// Everything is downloaded before anything is imported, so a failure part way leaves the
/// library as it was; each source is then imported in its own transaction.
public struct Fetcher {
  /// Which source `folio fetch` reads.
  public enum Source: String, CaseIterable, Sendable {
    case hf, arxiv, all
  }

  public let client: HTTPClient
  /// Scheme and host of the Hugging Face API, e.g. `https://huggingface.co`.
  public let hfBase: String
  /// Scheme and host of arXiv's RSS feeds.
  public let arxivBase: String
  /// Papers per Hugging Face page.
  public static let pageSize = 50
  /// A bound on pages, in case a server keeps answering full pages; reaching it is reported
  /// in ``Download/note``.
  public static let maxPages = 40
  /// arXiv's etiquette: at most one request every three seconds.
  public static let arxivSpacing = 3.0

  /// The base URLs from config.toml, overridden by `FOLIO_HF_URL` and `FOLIO_ARXIV_URL`; the
  /// HTTP limits from config.toml and the environment (see ``HTTPLimits/configured``);
  /// `version` names Folio in the User-Agent.
  public init(
    config: Config, version: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    client = HTTPClient(
      version: version,
      limits: HTTPLimits.configured(maxMegabytes: config.httpMaxMB, environment: environment))
    hfBase = Self.trimmed(
      environment["FOLIO_HF_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.hfBaseURL)
    arxivBase = Self.trimmed(
      environment["FOLIO_ARXIV_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.arxivBaseURL)
  }

  static func trimmed(_ base: String) -> String {
    var base = base
    while base.hasSuffix("/") { base.removeLast() }
    return base
  }

  /// What one source gave: the raw documents to import, and how to name them.
  public struct Download {
    public var source: Source
    public var format: ImportFormat
    public var documents: [(url: String, data: Data)]
    /// What the user should know about an incomplete download (the page bound reached).
    public var note: String?
  }

  /// Downloads Hugging Face's daily papers for `day`, every page.
  public func downloadHuggingFace(day: Day, progress: (String) -> Void) throws(HTTPClient.Failure)
    -> Download
  {
    var documents: [(String, Data)] = []
    for page in 0..<Self.maxPages {
      let address = "\(hfBase)/api/daily_papers?date=\(day)&p=\(page)&limit=\(Self.pageSize)"
      guard let url = URL(string: address) else {
        throw HTTPClient.Failure(
          message: "bad Hugging Face URL: \(address)", exitCode: SysExit.usage)
      }
      progress("Hugging Face page \(page + 1)")
      let data = try client.get(url)
      guard let items = JSONSerialization.jsonArrayCount(data) else {
        throw HTTPClient.Failure(
          message: "the answer from \(address) is not Hugging Face daily papers JSON",
          exitCode: SysExit.dataError)
      }
      documents.append((address, data))
      if items < Self.pageSize {
        return Download(source: .hf, format: .hf, documents: documents)
      }
    }
    return Download(
      source: .hf, format: .hf, documents: documents,
      note:
        "stopped after \(Self.maxPages) Hugging Face pages (\(Self.maxPages * Self.pageSize) "
        + "papers) for \(day); any more were not fetched")
  }

  /// Downloads arXiv's RSS feed of new submissions in `categories` (one request).
  public func downloadArxiv(categories: [String], progress: (String) -> Void) throws(HTTPClient
    .Failure)
    -> Download
  {
    let address = "\(arxivBase)/rss/\(categories.joined(separator: "+"))"
    guard let url = URL(string: address) else {
      throw HTTPClient.Failure(message: "bad arXiv URL: \(address)", exitCode: SysExit.usage)
    }
    progress("arXiv \(categories.joined(separator: ", "))")
    let data = try client.get(url)
    guard (try? FormatDetector.detect(data, file: address)) == .arxivRSS else {
      throw HTTPClient.Failure(
        message: "the answer from \(address) is not an arXiv RSS feed", exitCode: SysExit.dataError)
    }
    return Download(source: .arxiv, format: .arxivRSS, documents: [(address, data)])
  }

  /// Imports a download in one transaction; `imported` is told the id of each paper handed
  /// to the library (for `fetch --enrich`).
  public static func importDownload(
    _ download: Download, into store: LibraryStore, day: Day?,
    imported: @escaping (String) -> Void = { _ in }
  ) throws -> ImportSummary {
    let name = download.documents.first?.url ?? download.source.rawValue
    return try store.importPapers(
      file: name, format: download.format.rawValue, source: download.format.sourceName
    ) { session in
      var noting = NotingSink(base: session, noted: imported)
      defer { session = noting.base }
      for document in download.documents {
        let context = ImportContext(
          file: document.url, day: day ?? Day.today(), source: download.format.sourceName,
          dayIsExplicit: download.source == .hf && day != nil)
        try download.format.importer.read(document.data, context: context, into: &noting)
      }
    }
  }
}

/// A sink that hands everything to `base` and tells `noted` each paper's id.
private struct NotingSink<Base: PaperSink>: PaperSink {
  var base: Base
  let noted: (String) -> Void

  mutating func add(_ paper: Paper) throws {
    try base.add(paper)
    noted(paper.id)
  }

  mutating func update(_ paper: Paper) throws {
    try base.update(paper)
    noted(paper.id)
  }

  mutating func skip(_ problem: ImportError) { base.skip(problem) }

  mutating func progress(bytesRead: Int) { base.progress(bytesRead: bytesRead) }
}

extension JSONSerialization {
  /// The number of elements when `data` is a JSON array, else nil.
  static func jsonArrayCount(_ data: Data) -> Int? {
    (try? jsonObject(with: data)).flatMap { $0 as? [Any] }?.count
  }
}
