/// The file formats `folio import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
  /// Title line, abstract line, repeated: the bundled sample's format (see docs/sources.md).
  case text
  /// Hugging Face daily papers (or paper search) JSON.
  case hf
  /// An arXiv Atom feed: the export API, or the new-submissions feed.
  case arxivAtom = "arxiv-atom"
  /// An arXiv RSS feed of new submissions.
  case arxivRSS = "arxiv-rss"
  /// The arXiv metadata snapshot: one JSON object per line.
  case jsonl

  /// The importer for this format.
  public var importer: any PaperImporter {
    switch self {
    case .text: TextListingImporter()
    case .hf: HuggingFaceImporter()
    case .arxivAtom: ArxivAtomImporter()
    case .arxivRSS: ArxivRSSImporter()
    case .jsonl: ArxivJSONLinesImporter()
    }
  }

  /// The `source` recorded on papers imported in this format.
  public var sourceName: String {
    switch self {
    case .text: "text"
    case .hf: "hf"
    case .arxivAtom, .arxivRSS, .jsonl: "arxiv"
    }
  }
}

/// Turns the bytes of one file into papers.
public protocol PaperImporter: Sendable {
  /// Reads every paper in `data`, in file order, into `sink`.
  ///
  /// Throws ``ImportError`` naming the place of the first problem; callers treat a throw as
  /// "nothing from this file", so an importer need not undo what it passed on.
  func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws
}

extension PaperImporter {
  /// Reads every paper in `data` that is new or an update, handing each to `emit`.
  public func read(
    _ data: some Collection<UInt8>, context: ImportContext, emit: (Paper) throws -> Void
  ) throws {
    try withoutActuallyEscaping(emit) { emit in
      var sink = ClosureSink(emit: emit)
      try read(data, context: context, into: &sink)
    }
  }
}

/// What an importer knows about the file besides its bytes.
public struct ImportContext: Sendable {
  /// The file name as the user gave it, for messages.
  public var file: String
  /// The listing day for papers whose source does not say.
  public var day: Day
  /// Whether `day` was asked for (`--day`): it then overrides the days the source gives.
  public var dayIsExplicit: Bool
  /// The `source` recorded on the papers.
  public var source: String
  /// Skip lines that cannot be read, counting them, instead of failing (`--skip-bad`).
  public var skipBad: Bool

  public init(
    file: String, day: Day, source: String, dayIsExplicit: Bool = false, skipBad: Bool = false
  ) {
    self.file = file
    self.day = day
    self.source = source
    self.dayIsExplicit = dayIsExplicit
    self.skipBad = skipBad
  }

  /// The listing day for a paper the source dates `sourceDay`.
  func listingDay(_ sourceDay: Day?) -> Day {
    dayIsExplicit ? day : sourceDay ?? day
  }
}
