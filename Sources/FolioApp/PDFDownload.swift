import FolioConfig
import FolioCore
import FolioReader
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Downloads a paper's PDF into the ``PDFCache`` with fetch's etiquette and bounds (one request
/// at a time, a User-Agent naming Folio, a total deadline, bounded retries), under its own cap
/// (`pdf_max_mb`). The body streams to a temporary file beside the cached one and is renamed
/// over it only when whole and starting with `%PDF-`; on any failure nothing is left.
public struct PDFDownload {
  public let client: HTTPClient
  public let cache: PDFCache
  /// Scheme and host that replace arXiv's in arXiv links (`FOLIO_ARXIV_URL`, config
  /// `arxiv_pdf_base_url`).
  public let arxivBase: String
  /// The largest PDF, in bytes (config `pdf_max_mb`, env `FOLIO_PDF_MAX_MB`).
  public let maxBytes: Int
  /// How many bytes between progress reports.
  public static let progressStep = 256 << 10

  public init(
    config: Config, version: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    client = HTTPClient(
      version: version,
      limits: HTTPLimits.configured(maxMegabytes: config.httpMaxMB, environment: environment))
    cache = PDFCache(environment: environment)
    arxivBase = Fetcher.trimmed(
      environment["FOLIO_ARXIV_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.arxivPDFBaseURL)
    var maxBytes = min(config.pdfMaxMB, HTTPLimits.largestMegabytes) << 20
    if let megabytes = HTTPLimits.positive(environment["FOLIO_PDF_MAX_MB"]) {
      maxBytes = max(1, Int(min(megabytes, Double(HTTPLimits.largestMegabytes)) * 1_048_576))
    }
    self.maxBytes = maxBytes
  }

  /// Where `paper`'s PDF is downloaded from: arXiv's `/pdf/<id>` for an arXiv paper, else its
  /// `pdf` link (an arXiv host in it replaced by ``arxivBase``).
  public func url(for paper: Paper) throws(HTTPClient.Failure) -> URL {
    var address: String
    if let arxivID = paper.arxivID {
      address = "\(arxivBase)/pdf/\(arxivID)"
    } else if let link = paper.links.cleaned.pdf {
      address = link
      if var parts = URLComponents(string: link), let host = parts.host?.lowercased(),
        host == "arxiv.org" || host.hasSuffix(".arxiv.org"),
        let base = URLComponents(string: arxivBase)
      {
        parts.scheme = base.scheme
        parts.host = base.host
        parts.port = base.port
        address = parts.string ?? link
      }
    } else {
      throw HTTPClient.Failure(
        message: "\(paper.id) has no PDF link and no arXiv id", exitCode: SysExit.dataError)
    }
    guard let url = URL(string: address), WebLink.isSafe(address) else {
      throw HTTPClient.Failure(message: "bad PDF URL: \(address)", exitCode: SysExit.dataError)
    }
    return url
  }

  /// The cached PDF of `paper`, downloaded first unless it is there already; `downloaded`
  /// says whether a request was made. `progress` is told the bytes received, at most once per
  /// ``progressStep`` bytes.
  public func fetch(_ paper: Paper, progress: @escaping (Int) -> Void = { _ in })
    throws(HTTPClient.Failure) -> (path: String, downloaded: Bool)
  {
    let path = cache.path(for: paper)
    let target: AtomicFile.Target
    do {
      target = try AtomicFile.target(of: path)
    } catch {
      throw HTTPClient.Failure(message: "\(path): \(error.reason)", exitCode: SysExit.cannotCreate)
    }
    if target.exists { return (path, false) }
    let url = try url(for: paper)
    do {
      try FileManager.default.createDirectory(
        atPath: cache.directory, withIntermediateDirectories: true)
    } catch {
      throw HTTPClient.Failure(
        message: "cannot create \(cache.directory)", exitCode: SysExit.cannotCreate)
    }
    try download(url, to: target.path, progress: progress)
    return (path, true)
  }

  /// Streams `url` into a temporary file beside `destination`, checks it and renames it.
  private func download(_ url: URL, to destination: String, progress: @escaping (Int) -> Void)
    throws(HTTPClient.Failure)
  {
    let directory = (destination as NSString).deletingLastPathComponent
    let name = (destination as NSString).lastPathComponent
    let temporary = "\(directory)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
    let descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw HTTPClient.Failure(
        message: "cannot create a file in \(directory): \(String(cString: strerror(errno)))",
        exitCode: SysExit.cannotCreate)
    }
    var committed = false
    defer {
      close(descriptor)
      if !committed { unlink(temporary) }
    }
    let writer = ChunkWriter(descriptor: descriptor, progress: progress)
    let stream = HTTPClient.Stream(
      maxBytes: maxBytes, capName: "config.toml pdf_max_mb",
      start: { writer.restart() }, write: { writer.write($0) },
      failure: { writer.error.map { "cannot write \(temporary): \($0)" } })
    try client.download(url, into: stream)
    var head = [UInt8](repeating: 0, count: 5)
    guard pread(descriptor, &head, 5, 0) == 5, head == Array("%PDF-".utf8) else {
      throw HTTPClient.Failure(
        message: "the answer from \(url.absoluteString) is not a PDF", exitCode: SysExit.dataError)
    }
    guard fsync(descriptor) == 0, rename(temporary, destination) == 0 else {
      throw HTTPClient.Failure(
        message: "cannot write \(destination): \(String(cString: strerror(errno)))",
        exitCode: SysExit.ioError)
    }
    committed = true
  }
}

/// Writes body chunks to a file descriptor, remembering the first error.
private final class ChunkWriter {
  let descriptor: Int32
  var error: String?
  let progress: (Int) -> Void
  private var written = 0
  private var reported = 0

  init(descriptor: Int32, progress: @escaping (Int) -> Void) {
    self.descriptor = descriptor
    self.progress = progress
  }

  /// Empties the file for a new attempt.
  func restart() -> Bool {
    written = 0
    reported = 0
    guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
      error = String(cString: strerror(errno))
      return false
    }
    return true
  }

  func write(_ chunk: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < chunk.count {
      guard let base = chunk.baseAddress else { return true }
      let count = writeBytes(descriptor, base + offset, chunk.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        error = String(cString: strerror(errno))
        return false
      }
      offset += count
    }
    written += chunk.count
    if written - reported >= PDFDownload.progressStep {
      reported = written
      progress(written)
    }
    return true
  }
}

/// `write(2)`, named apart from ``ChunkWriter/write(_:)``.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
