import FolioCore
import FolioReader

/// One row of `folio-bench scaling`: work on an input whose size grows with a count.
struct ScalingCase {
  /// What is measured, as the table names it.
  let name: String
  /// Builds the input for `count` units and returns the work to time on it (the input is
  /// built outside the timing).
  let prepare: (Int) -> () -> Void
}

/// The inputs of the scaling test: for each importer a normal file of `count` papers and the
/// hostile shapes issue 15 found (a URL followed by a flood of `)`, one huge word, long title
/// lines, deep nesting), and the wrapper, width code, link extraction and a paper's document.
enum ScalingInputs {
  static let day = Day(year: 2026, month: 11, day: 27)!

  static var all: [ScalingCase] {
    importers + text
  }

  static var importers: [ScalingCase] {
    [
      importing("text: papers", .text) { count in
        (0..<count).map { "Paper \($0) on things\nAn abstract about item \($0).\n" }.joined()
      },
      importing("text: long title line", .text) { count in
        String(repeating: "Long", count: count * 25) + "\nAn abstract.\n"
      },
      importing("text: URL + ')' flood", .text) { count in
        "A title\nSee https://x.org/a_(b)" + String(repeating: ")", count: count * 10) + "\n"
      },
      importing("hf: papers", .hf) { count in
        "["
          + (0..<count).map {
            "{\"paper\":{\"id\":\"2401.\(10000 + $0)\",\"title\":\"Paper \($0)\","
              + "\"summary\":\"About \($0).\",\"upvotes\":1e300}}"
          }.joined(separator: ",") + "]"
      },
      importing("hf: huge word summary", .hf) { count in
        "[{\"title\":\"T\",\"summary\":\"https://x.org/"
          + String(repeating: "w)", count: count * 10) + "\"}]"
      },
      importing("hf: deep nesting", .hf) { count in
        "[{\"title\":\"T\",\"x\":" + String(repeating: "[", count: count)
          + String(repeating: "]", count: count) + "}]"
      },
      importing("atom: entries", .arxivAtom) { count in
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
          + (0..<count).map {
            "<entry><id>http://arxiv.org/abs/2401.\(10000 + $0)v1</id><title>Paper \($0)</title>"
              + "<summary>About \($0).</summary><published>2024-01-02T00:00:00Z</published>"
              + "</entry>"
          }.joined() + "</feed>"
      },
      importing("atom: long title", .arxivAtom) { count in
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>"
          + String(repeating: "Long", count: count * 25) + "</title><summary>https://x.org/"
          + String(repeating: ")", count: count * 10) + "</summary></entry></feed>"
      },
      // Five levels per unit: past the tree's depth cap (64), so the skipping of deeper
      // elements is what this row times.
      importing("atom: deep nesting", .arxivAtom) { count in
        let depth = count * 5
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T</title>"
          + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
          + "</entry></feed>"
      },
      importing("rss: items", .arxivRSS) { count in
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
          + (0..<count).map {
            "<item><title>Paper \($0)</title><link>https://arxiv.org/abs/2401.\(10000 + $0)</link>"
              + "<description>arXiv:2401.\(10000 + $0)v1 Announce Type: new Abstract: About "
              + "\($0).</description></item>"
          }.joined() + "</channel></rss>"
      },
      importing("rss: long title + ')' flood", .arxivRSS) { count in
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>"
          + String(repeating: "Long", count: count * 25)
          + "</title><description>Abstract: https://x.org/"
          + String(repeating: ")", count: count * 10) + "</description></item></channel></rss>"
      },
      importing("jsonl: lines", .jsonl) { count in
        (0..<count).map {
          "{\"id\":\"2401.\(10000 + $0)\",\"title\":\"Paper \($0)\",\"abstract\":\"About.\","
            + "\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 1 Jan 2024 00:00:00 GMT\"}]}\n"
        }.joined()
      },
      importing("jsonl: huge word abstract", .jsonl) { count in
        "{\"id\":\"2401.10000\",\"title\":\"T\",\"abstract\":\"https://x.org/"
          + String(repeating: "]", count: count * 10) + "\"}\n"
      },
    ]
  }

  static var text: [ScalingCase] {
    [
      ScalingCase(name: "wrap: words") { count in
        let text = String(repeating: "lorem ipsum dolor ", count: count * 3)
        return { _ = TextWrapper.wrap(text, width: 80) }
      },
      ScalingCase(name: "wrap: one huge word") { count in
        let word = String(repeating: "w", count: count * 50)
        return { _ = TextWrapper.wrap(word, width: 80) }
      },
      ScalingCase(name: "wrap: huge wide word") { count in
        let word = String(repeating: "漢e\u{301}", count: count * 20)
        return { _ = TextWrapper.wrap(word, width: 7) }
      },
      ScalingCase(name: "width: measure") { count in
        let text = String(repeating: "漢a\u{301}", count: count * 20)
        return { _ = DisplayWidth.of(text) }
      },
      ScalingCase(name: "links: URL + ')' flood") { count in
        let text = "https://x.org/a_(b)" + String(repeating: ")", count: count * 10)
        return { _ = LinkExtractor.urls(in: text) }
      },
      ScalingCase(name: "links: URL + '])' flood") { count in
        let text = "https://x.org/" + String(repeating: "]).", count: count * 5)
        return { _ = LinkExtractor.urls(in: text) }
      },
      ScalingCase(name: "links: many URLs") { count in
        let text = String(
          repeating: "see https://github.com/a/b). and (http://x.org/y) ", count: count)
        return { _ = LinkExtractor.links(in: text) }
      },
      // Capped: a paper's document holds at most DetailDocument.fieldScalarLimit code points
      // of a field, so the time stays flat past it.
      ScalingCase(name: "document: long title") { count in
        let paper = Paper(
          id: "t", arxivID: nil, title: String(repeating: "t", count: count * 500),
          abstract: "An abstract.", authors: ["A"], published: nil, day: day, source: "bench",
          links: PaperLinks(), upvotes: nil, categories: [])
        let entry = LibraryPaper(paper: paper)
        return { _ = DetailDocument(entry, width: 80) }
      },
    ]
  }

  /// A row reading `make(count)` with the importer of `format`, papers counted and dropped.
  private static func importing(
    _ name: String, _ format: ImportFormat, _ make: @escaping (Int) -> String
  ) -> ScalingCase {
    ScalingCase(name: "import \(name)") { count in
      let bytes = Array(make(count).utf8)
      let context = ImportContext(file: "bench", day: day, source: format.sourceName)
      return {
        var papers = 0
        // A failure (deep nesting refused, say) is timed like a success: it must be linear too.
        try? format.importer.read(bytes, context: context) { _ in papers += 1 }
      }
    }
  }
}
