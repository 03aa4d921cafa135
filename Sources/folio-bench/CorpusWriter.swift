import FolioCore
import Foundation

/// Writes a synthetic library as the files Folio imports: the arXiv metadata snapshot (JSON
/// Lines), the bundled sample's text format, and an RSS 2.0 feed (for other readers).
struct CorpusWriter {
  let library: SyntheticLibrary

  /// Writes one JSON object per paper, shaped like the arXiv snapshot's lines.
  func writeJSONLines(to path: String) throws {
    try write(to: path) { paper, out in
      let created = Self.rfc822(paper.day)
      let parsed = paper.authors.map { name -> String in
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        let family = parts.last ?? name
        let given = parts.count > 1 ? parts[0] : ""
        return "[\(Self.json(family)),\(Self.json(given)),\"\"]"
      }
      out +=
        "{\"id\":\(Self.json(paper.arxivID ?? paper.id)),\"submitter\":\(Self.json(paper.authors.first ?? ""))"
      out += ",\"authors\":\(Self.json(paper.authors.joined(separator: ", ")))"
      out += ",\"title\":\(Self.json(paper.title)),\"comments\":null,\"journal-ref\":null"
      out += ",\"doi\":null,\"categories\":\"cs.CV cs.LG\",\"license\":null"
      out += ",\"abstract\":\(Self.json("  " + paper.abstract + "\n"))"
      out += ",\"versions\":[{\"version\":\"v1\",\"created\":\(Self.json(created))}]"
      out +=
        ",\"update_date\":\"\(paper.day)\",\"authors_parsed\":[\(parsed.joined(separator: ","))]}\n"
    }
  }

  /// Writes a title line and an abstract line per paper.
  func writeText(to path: String) throws {
    try write(to: path) { paper, out in
      out += paper.title + "\n" + paper.abstract + "\n"
    }
  }

  /// Writes one RSS 2.0 channel holding every paper as an item.
  func writeRSS(to path: String) throws {
    try write(
      to: path,
      header: """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Synthetic papers</title>
        <link>https://example.org/</link><description>folio-bench corpus</description>

        """,
      footer: "</channel></rss>\n"
    ) { paper, out in
      out += "<item><title>\(Self.xml(paper.title))</title>"
      out += "<link>https://arxiv.org/abs/\(paper.arxivID ?? paper.id)</link>"
      out += "<guid>\(Self.xml(paper.id))</guid>"
      out += "<pubDate>\(Self.rfc822(paper.day))</pubDate>"
      out += "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      out += "\(Self.xml(paper.authors.joined(separator: ", ")))</dc:creator>"
      out += "<description>\(Self.xml(paper.abstract))</description></item>\n"
    }
  }

  /// Streams the papers through `line` into `path` in large chunks, so a million papers never
  /// sit in memory at once.
  private func write(
    to path: String, header: String = "", footer: String = "",
    _ line: (Paper, inout String) -> Void
  ) throws {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw BenchError("cannot write \(path)")
    }
    defer { try? handle.close() }
    var buffer = header
    for paper in library.papers() {
      line(paper, &buffer)
      if buffer.utf8.count > 1 << 20 {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
      }
    }
    buffer += footer
    try handle.write(contentsOf: Data(buffer.utf8))
  }

  /// The corpus the import measurements read: `papers` papers, every one with an arXiv id,
  /// written to `directory` as JSON Lines and as sample text.
  static func importCorpora(
    papers: Int, in directory: BenchDirectory
  ) throws -> (jsonl: String, text: String) {
    let corpus = CorpusWriter(
      library: SyntheticLibrary(count: papers, seed: 1, everyPaperHasID: true))
    let jsonl = directory.path("corpus.jsonl")
    let text = directory.path("corpus.txt")
    try corpus.writeJSONLines(to: jsonl)
    try corpus.writeText(to: text)
    return (jsonl, text)
  }

  /// `text` as a JSON string literal.
  static func json(_ text: String) -> String {
    var out = ""
    JSONValue.quote(text, into: &out)
    return out
  }

  /// `text` escaped for XML character data.
  static func xml(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// Midnight UTC on `day` in RFC 822 form ("Mon, 1 Jan 2024 00:00:00 GMT").
  static func rfc822(_ day: Day) -> String {
    let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    let weekday = weekdays[((day.ordinal % 7) + 7) % 7]
    return "\(weekday), \(day.day) \(months[day.month - 1]) \(day.year) 00:00:00 GMT"
  }
}

/// A benchmark that cannot go on, with the reason.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
