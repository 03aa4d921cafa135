import Foundation

/// Reads Semantic Scholar's answer to `POST /graph/v1/paper/batch` (issue 20, `folio enrich`):
/// a JSON array aligned with the ids asked, one record or `null` (a paper it does not know) per
/// id, in order.
///
/// Pure and bounded: fed in pieces of any size, it holds one record at a time
/// (``JSONElementScanner``), reads at most as many records as ids were asked and stops at the
/// first one too many. Counts are clamped (``ClampedCount``); a TL;DR is cleaned and cut to
/// ``ScholarFacts/tldrScalarLimit`` code points. A record whose `externalIds.ArXiv` names
/// another paper than the id asked in its place means the answer is misaligned, and, like an
/// answer that is not such an array, is a ``Failure``: the caller keeps nothing from it.
public struct ScholarBatchReader {
  /// Where and why an answer is unusable, for a one-line message.
  public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line and column (in bytes) in the answer.
    public var line: Int
    public var column: Int
    public var reason: String

    public var description: String { "line \(line), column \(column): \(reason)" }
  }

  /// The arXiv ids asked, in the order they were sent (canonical, see ``ArxivID``).
  public let asked: [String]
  /// When Semantic Scholar was asked: every fact's `checkedAt`.
  public let checkedAt: Date
  private var scanner = JSONElementScanner()
  private var facts: [ScholarFacts] = []

  public init(asked: [String], checkedAt: Date) {
    self.asked = asked
    self.checkedAt = checkedAt
    facts.reserveCapacity(asked.count)
  }

  /// The facts of a whole answer, aligned with `asked`: unknown papers have nil counts.
  public static func read(
    _ answer: some Collection<UInt8>, asked: [String], checkedAt: Date
  ) throws(Failure) -> [ScholarFacts] {
    var reader = ScholarBatchReader(asked: asked, checkedAt: checkedAt)
    do {
      try forEachChunk(of: answer, size: 1 << 16) { chunk, _ in try reader.feed(chunk) }
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(line: 1, column: 1, reason: "not valid JSON")
    }
    return try reader.finish()
  }

  /// Reads the next bytes of the answer.
  public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws(Failure) {
    try scanning { scanner, reader throws in try scanner.feed(chunk) { try reader.take($0) } }
  }

  /// Ends the answer: the facts, one per id asked, or a failure when the answer is incomplete
  /// or holds fewer records than ids.
  public mutating func finish() throws(Failure) -> [ScholarFacts] {
    try scanning { scanner, reader throws in try scanner.finish { try reader.take($0) } }
    guard facts.count == asked.count else {
      throw Failure(
        line: 1, column: 1,
        reason: "\(facts.count) records for \(asked.count) ids asked (the answer is not aligned)")
    }
    return facts
  }

  /// Runs `body` with the scanner moved out of `self` (so records can be read while it scans,
  /// without copying its buffer), turning every error into a ``Failure``.
  private mutating func scanning(
    _ body: (inout JSONElementScanner, inout ScholarBatchReader) throws -> Void
  ) throws(Failure) {
    var scanner = self.scanner
    self.scanner = JSONElementScanner()
    defer { self.scanner = scanner }
    do {
      try body(&scanner, &self)
    } catch let failure as Failure {
      throw failure
    } catch let failure as JSONElementScanner.Failure {
      throw Failure(line: failure.line, column: failure.column, reason: failure.reason)
    } catch {
      throw Failure(line: 1, column: 1, reason: "not valid JSON")
    }
  }

  /// Reads one record: the element at `facts.count` in the array.
  private mutating func take(_ element: JSONElementScanner.Element) throws(Failure) {
    func problem(_ reason: String) -> Failure {
      Failure(line: element.line, column: element.column, reason: reason)
    }
    guard element.index > 0 else {
      throw problem("expected a JSON array of papers")
    }
    guard facts.count < asked.count else {
      throw problem("more records than the \(asked.count) ids asked (the answer is not aligned)")
    }
    let id = asked[facts.count]
    guard let value = JSONInput.parse(element.bytes) else {
      throw problem("record \(element.index) is not valid JSON")
    }
    if value is NSNull {
      facts.append(ScholarFacts(checkedAt: checkedAt))
      return
    }
    guard let record = value as? [String: Any] else {
      throw problem("record \(element.index) is neither a paper nor null")
    }
    if let external = record["externalIds"] as? [String: Any],
      let named = external.string("ArXiv"), ArxivID.normalize(named) != ArxivID.normalize(id)
    {
      throw problem(
        "record \(element.index) is arXiv \(Self.quoted(named)), not \(id) as asked "
          + "(the answer is not aligned)")
    }
    let citations = try Self.count(record, "citationCount", problem)
    let influential = try Self.count(record, "influentialCitationCount", problem)
    let tldr = (record["tldr"] as? [String: Any])?.string("text").flatMap {
      // Cut so that with its "…" it is at most the limit, as the store keeps it.
      HuggingFaceDetails.clean($0, limit: ScholarFacts.tldrScalarLimit - 1)
    }
    // A record without a citation count says nothing countable: the paper stays unknown
    // (null, never 0), though its TL;DR is kept.
    facts.append(
      ScholarFacts(
        citations: citations, influentialCitations: citations == nil ? nil : influential ?? 0,
        tldr: tldr, checkedAt: checkedAt))
  }

  /// The count at `key`: nil when absent or null, clamped when a number; anything else is a
  /// bad answer.
  private static func count(
    _ record: [String: Any], _ key: String, _ problem: (String) -> Failure
  ) throws(Failure) -> Int? {
    guard let value = record[key], !(value is NSNull) else { return nil }
    // On Linux a JSON 0 or 1 casts to Bool (`is Bool` holds), which ClampedCount.from(Any)
    // takes for a boolean: tell them apart by the number's type, "c" for true and false.
    let number = (value as? NSNumber).flatMap {
      String(cString: $0.objCType) == "c" ? nil : ClampedCount.from($0.doubleValue)
    }
    guard let count = number ?? (value as? String).flatMap({ ClampedCount.from($0) }) else {
      throw problem("\(key) is not a count")
    }
    return count
  }

  /// Untrusted text for a message: made inert and cut to 40 code points.
  static func quoted(_ text: String) -> String {
    "“" + HuggingFaceDetails.cut(TextCleaner.inert(TextCleaner.clean(text)), limit: 40) + "”"
  }
}
