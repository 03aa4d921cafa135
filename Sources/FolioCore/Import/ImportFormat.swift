/// The file formats `folio import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
  /// Title line, abstract line, repeated: the bundled sample's format (see docs/sources.md).
  case text

  /// The importer for this format.
  public var importer: any PaperImporter {
    switch self {
    case .text: TextListingImporter()
    }
  }

  /// The `source` recorded on papers imported in this format.
  public var sourceName: String { rawValue }
}

/// Turns the bytes of one file into papers.
public protocol PaperImporter: Sendable {
  /// Reads every paper in `data`, in file order, handing each to `emit`.
  ///
  /// Throws ``ImportError`` naming the line of the first problem; callers treat a throw as
  /// "nothing from this file", so an importer need not undo what it emitted.
  func read(
    _ data: some Collection<UInt8>, context: ImportContext, emit: (Paper) throws -> Void
  ) throws
}

/// What an importer knows about the file besides its bytes.
public struct ImportContext: Sendable {
  /// The file name as the user gave it, for messages.
  public var file: String
  /// The listing day for papers whose source does not say.
  public var day: Day
  /// The `source` recorded on the papers.
  public var source: String

  public init(file: String, day: Day, source: String) {
    self.file = file
    self.day = day
    self.source = source
  }
}
