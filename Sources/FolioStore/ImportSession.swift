import FolioCore

/// How far an import has got.
public struct ImportProgress: Sendable {
  /// Papers handled so far (new, updated, unchanged or skipped).
  public var papers: Int
  /// Bytes of the input read so far, when the importer says.
  public var bytesRead: Int
  /// What the import is doing.
  public var stage: Stage = .reading

  /// The parts of an import, in order.
  public enum Stage: Sendable {
    /// Reading the input and storing its papers.
    case reading
    /// Every paper is stored; the full-text index is being written (at a million papers,
    /// more than half of the import).
    case indexing
  }
}

/// The receiving end of one import: importers hand it papers, which it passes, in batches, to
/// the thread merging them into the library inside the import's transaction (see
/// ``LibraryStore/importPapers(file:format:source:progress:_:)``).
public struct ImportSession: PaperSink {
  private let channel: ImportChannel
  private var pending: [ImportEvent] = []

  /// Events passed on together: large enough that handing over costs nothing per paper,
  /// small enough that the writer starts at once.
  static let batchSize = 256

  init(channel: ImportChannel) {
    self.channel = channel
    pending.reserveCapacity(Self.batchSize)
  }

  public mutating func add(_ paper: Paper) throws {
    try append(.add(paper))
  }

  public mutating func update(_ paper: Paper) throws {
    try append(.update(paper))
  }

  public mutating func skip(_ problem: ImportError) {
    // Cannot throw: if the writer has stopped, the importer learns at its next paper.
    try? append(.skip)
  }

  public mutating func progress(bytesRead: Int) {
    try? append(.progress(bytesRead: bytesRead))
  }

  /// Passes on what is pending.
  mutating func flush() throws {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    try channel.send(batch)
  }

  private mutating func append(_ event: ImportEvent) throws {
    pending.append(event)
    if pending.count >= Self.batchSize { try flush() }
  }
}

/// Counts the papers an import has handled and tells `onProgress` every so often.
struct ImportProgressTally {
  let onProgress: ((ImportProgress) -> Void)?
  private var bytesRead = 0
  private var handled = 0

  init(onProgress: ((ImportProgress) -> Void)?) {
    self.onProgress = onProgress
  }

  mutating func counted() {
    handled += 1
    if handled % 1000 == 0 { onProgress?(ImportProgress(papers: handled, bytesRead: bytesRead)) }
  }

  mutating func read(_ bytes: Int) {
    bytesRead = bytes
    onProgress?(ImportProgress(papers: handled, bytesRead: bytesRead))
  }

  /// Tells that reading is over and the index is being written.
  func indexing() {
    onProgress?(ImportProgress(papers: handled, bytesRead: bytesRead, stage: .indexing))
  }
}
