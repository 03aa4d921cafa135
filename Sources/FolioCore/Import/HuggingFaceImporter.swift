import Foundation

/// Reads Hugging Face daily papers JSON: an array of `{paper: {...}, publishedAt, ...}` items
/// (the daily list), or of flat paper objects (search results, `/api/papers/{id}`), or one
/// such object. Unknown fields are ignored; every field but the title is optional.
///
/// The array is read element by element (``JSONElementScanner``), in pieces of
/// ``chunkSize``: memory holds one item at a time, however large the file.
public struct HuggingFaceImporter: PaperImporter {
  public init() {}

  /// How many bytes are scanned between progress reports: 1 MiB.
  static let chunkSize = 1 << 20

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    var scanner = JSONElementScanner()
    do {
      try forEachChunk(of: data, size: Self.chunkSize) { chunk, bytesRead in
        try scanner.feed(chunk) { try Self.read($0, context: context, into: &sink) }
        sink.progress(bytesRead: bytesRead)
      }
      try scanner.finish { try Self.read($0, context: context, into: &sink) }
    } catch let failure as JSONElementScanner.Failure {
      throw ImportError(
        file: context.file, line: failure.line, column: failure.column, reason: failure.reason)
    }
  }

  /// Reads one item of the array (or the document, when it is not an array).
  private static func read<Sink: PaperSink>(
    _ element: JSONElementScanner.Element, context: ImportContext, into sink: inout Sink
  ) throws {
    func problem(_ reason: String) -> ImportError {
      ImportError(file: context.file, line: element.line, column: element.column, reason: reason)
    }
    guard let value = JSONInput.parse(element.bytes) else { throw problem("not valid JSON") }
    guard let object = value as? [String: Any] else {
      throw problem(
        element.index == 0
          ? "expected a JSON array of papers" : "item \(element.index) is not a JSON object")
    }
    guard let paper = paper(from: object, context: context) else {
      let item = element.index == 0 ? "the paper" : "item \(element.index)"
      sink.skip(problem("\(item) has no title"))
      return
    }
    try sink.add(paper)
  }

  /// The paper an item describes: the `paper` object when wrapped, the item itself when flat.
  static func paper(from item: [String: Any], context: ImportContext) -> Paper? {
    let paper = item.object("paper") ?? item
    let title = paper.string("title") ?? item.string("title") ?? ""
    let summary = paper.string("summary") ?? item.string("summary") ?? ""
    let authors = (paper.array("authors") ?? []).compactMap { entry -> String? in
      guard let author = entry as? [String: Any], author["hidden"] as? Bool != true else {
        return nil
      }
      return author.string("name")
    }
    // The day the paper was featured is its listing day; the paper's own date is arXiv's.
    let wrapped = item.object("paper") != nil
    let featured =
      dayOfTimestamp(wrapped ? item.string("publishedAt") : nil)
      ?? dayOfTimestamp(paper.string("submittedOnDailyAt"))
    let published = dayOfTimestamp(paper.string("publishedAt"))
    var links = PaperLinks()
    links.github = paper.string("githubRepo")
    links.project = paper.string("projectPage")
    let arxivID = paper.string("id")
    // The paper page, for ids that are arXiv ids (anything else could be a path).
    links.hf = arxivID.flatMap { ArxivID.normalize($0) }.map {
      "https://huggingface.co/papers/\($0)"
    }
    let organization = item.object("organization") ?? paper.object("organization")
    let details = HuggingFaceDetails(
      summary: paper.string("ai_summary"), githubStars: paper.int("githubStars"),
      organization: (organization?.string("name") ?? organization?.string("fullname")).map {
        PaperOrganization(name: $0, fullName: organization?.string("fullname"))
      },
      submittedBy: (item.object("submittedBy") ?? paper.object("submittedOnDailyBy"))?.string(
        "name"),
      isWithdrawn: paper["withdrawnAt"].map { !($0 is NSNull) } ?? false)
    return Paper.fromSource(
      title: title, abstract: summary, authors: authors, arxivID: arxivID,
      published: published, day: context.listingDay(featured ?? published), source: context.source,
      links: links, upvotes: paper.int("upvotes"),
      commentCount: item.int("numComments") ?? paper.int("numComments"),
      keywords: paper.strings("ai_keywords"), revised: featured, huggingFace: details)
  }
}
