/// Where importers put what they read.
public protocol PaperSink {
  /// A paper: added, or merged into the library's copy.
  mutating func add(_ paper: Paper) throws
  /// A revised version of a paper: merged into the library's copy if there is one, and
  /// otherwise skipped (an arXiv "replace" announcement is not a new paper).
  mutating func update(_ paper: Paper) throws
  /// An entry left out, with why.
  mutating func skip(_ problem: ImportError)
  /// How far through the input the importer is, in bytes.
  mutating func progress(bytesRead: Int)
}

extension PaperSink {
  public mutating func update(_ paper: Paper) throws { try add(paper) }
  public mutating func skip(_ problem: ImportError) {}
  public mutating func progress(bytesRead: Int) {}
}

/// A sink that hands new papers and updates alike to a closure.
struct ClosureSink: PaperSink {
  let emit: (Paper) throws -> Void
  mutating func add(_ paper: Paper) throws { try emit(paper) }
}
