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
    let id = paper.arxivID ?? paper.id
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
