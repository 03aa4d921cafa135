/// Reads the arXiv metadata snapshot: one JSON object per line (about 2.7 million lines).
///
/// Lines are read one at a time from the (memory-mapped) file, so memory stays flat whatever
/// its size. A line that cannot be read stops the import with `file:line: reason`, unless
/// `--skip-bad` asked to skip and count such lines.
public struct ArxivJSONLinesImporter: PaperImporter {
  public init() {}

  /// Progress is reported every this many lines.
  static let progressInterval = 2048

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    let done: Void? = try data.withContiguousStorageIfAvailable { buffer in
      try read(buffer, context: context, into: &sink)
    }
    if done == nil {
      let copy = Array(data)
      try copy.withUnsafeBufferPointer { try read($0, context: context, into: &sink) }
    }
  }

  private func read<Sink: PaperSink>(
    _ bytes: UnsafeBufferPointer<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    var start = 0
    var lineNumber = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      lineNumber += 1
      let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
      start = end + 1
      if lineNumber % Self.progressInterval == 0 { sink.progress(bytesRead: start) }
      guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
      do {
        try sink.add(try Self.paper(line, lineNumber: lineNumber, context: context))
      } catch let problem as ImportError where context.skipBad {
        sink.skip(problem)
      }
    }
    sink.progress(bytesRead: bytes.count)
  }

  static func paper(
    _ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, context: ImportContext
  ) throws(ImportError) -> Paper {
    func bad(_ reason: String) -> ImportError {
      ImportError(file: context.file, line: lineNumber, reason: reason)
    }
    guard let value = JSONInput.parse(line) else { throw bad("not valid JSON") }
    guard let object = value as? [String: Any] else { throw bad("expected a JSON object") }
    guard let rawID = object.string("id") else { throw bad("missing 'id'") }
    guard let id = ArxivID.normalize(rawID) else {
      throw bad("'\(rawID.prefix(40))' is not an arXiv id")
    }
    guard let title = object.string("title"), !title.isEmpty else { throw bad("missing 'title'") }
    let versions = object.array("versions")?.compactMap { $0 as? [String: Any] } ?? []
    let published =
      dayOfRFC822(versions.first?.string("created")) ?? Day(object.string("update_date") ?? "")
    let categories = (object.string("categories") ?? "").split(separator: " ").map(String.init)
    guard
      let paper = Paper.fromSource(
        title: title, abstract: object.string("abstract") ?? "", authors: authors(object),
        arxivID: id,
        published: published, day: context.listingDay(published), source: context.source,
        categories: categories, revised: Day(object.string("update_date") ?? ""))
    else { throw bad("the title is empty") }
    return paper
  }

  /// Names from `authors_parsed` (`[["Last", "First", "Jr"]]`), else from the `authors`
  /// string ("A, B and C").
  static func authors(_ object: [String: Any]) -> [String] {
    if let parsed = object.array("authors_parsed") as? [[Any]], !parsed.isEmpty {
      return parsed.map { parts in
        let strings = parts.compactMap { $0 as? String }
        guard let last = strings.first else { return "" }
        let rest = strings.dropFirst().filter { !$0.isEmpty }
        return ([rest.first].compactMap { $0 } + [last] + rest.dropFirst()).joined(separator: " ")
      }
    }
    return ArxivRSSImporter.authors(object.string("authors") ?? "")
  }
}
