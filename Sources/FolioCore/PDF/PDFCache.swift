import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where downloaded PDFs are kept: `$XDG_CACHE_HOME/folio/pdf/<id>.pdf` (default
/// `~/.cache/folio/pdf`). The cache lives outside the library, so whether a paper's PDF is
/// there is asked of the file system: one `stat` per paper asked about, never per listed row.
///
/// Pure naming plus one `stat`, in FolioCore so that the reader (which cannot import FolioApp)
/// can say in the detail pane whether the selected paper's PDF is cached; FolioApp downloads
/// into it (`PDFDownload`).
public struct PDFCache: Sendable {
  /// The directory holding the PDFs.
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// The cache of this user: `$XDG_CACHE_HOME/folio/pdf`, else `~/.cache/folio/pdf`.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    var base = environment["XDG_CACHE_HOME"] ?? ""
    // The XDG spec ignores a relative value.
    if !base.hasPrefix("/") {
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
      base = home + "/.cache"
    }
    self.init(directory: base + "/folio/pdf")
  }

  /// The longest file name (without `.pdf`) made from an id; longer ids are cut.
  public static let maxNameLength = 200

  /// A file-system-safe name for `paper`'s PDF: its arXiv id, else its stable id, with every
  /// character outside `A-Z a-z 0-9 . _ -` made `_` (so no `/`), and a leading `.` made `_` (so
  /// neither `..` nor a hidden file).
  public static func fileName(for paper: Paper) -> String {
    fileName(id: paper.id, arxivID: paper.arxivID)
  }

  /// ``fileName(for:)`` from a paper's stable id and arXiv id alone (what the store's SQL
  /// function `folio_pdf_name` and `has:pdf` in memory compute).
  public static func fileName(id stableID: String, arxivID: String?) -> String {
    let id = arxivID ?? stableID
    var name = String(
      id.unicodeScalars.prefix(maxNameLength).map { scalar -> Character in
        let safe =
          scalar.isASCII
          && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_"
            || scalar == "-")
        return safe ? Character(scalar) : "_"
      })
    if name.isEmpty || name.hasPrefix(".") { name = "_" + name.dropFirst() }
    return name + ".pdf"
  }

  /// The path of `paper`'s PDF in the cache, whether it is there or not.
  public func path(for paper: Paper) -> String {
    directory + "/" + Self.fileName(for: paper)
  }

  /// Whether `paper`'s PDF is cached: a regular file (or a link to one) at its path. A FIFO or
  /// device there is not a cached PDF; nothing is opened, so this cannot block.
  public func isCached(_ paper: Paper) -> Bool {
    cachedPath(for: paper) != nil
  }

  /// `paper`'s PDF's path when it is cached (see ``isCached(_:)``), else nil: one `stat`.
  public func cachedPath(for paper: Paper) -> String? {
    let path = path(for: paper)
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? path : nil
  }
}

extension PDFCache {
  /// The most directory entries ``cachedNames()`` reads: past it the rest are not listed (so
  /// `has:pdf` misses their papers), and a listing stays bounded whatever the cache holds.
  public static let maxListedEntries = 100_000

  /// The names (`<name>.pdf`, see ``fileName(for:)``) of the regular files in the cache ending
  /// in `.pdf`, from at most ``maxListedEntries`` entries: what `has:pdf` matches. Empty when
  /// the directory is missing or unreadable. Links are followed, as ``isCached(_:)`` does.
  public func cachedNames() -> Set<String> {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: Set<String> = []
    var read = 0
    while read < Self.maxListedEntries, let entry = readdir(handle) {
      read += 1
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      guard name.hasSuffix(".pdf"), !name.contains("/") else { continue }
      var info = stat()
      if stat(directory + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG {
        names.insert(name)
      }
    }
    return names
  }
}
