/// One day's papers as a Markdown digest, by topic, for a morning email.
public enum DigestExporter {
  /// The digest of `document`'s entries (one day's papers) grouped under `document`'s topics in
  /// their order, each group most upvoted first (unknown upvotes last), then by title. With
  /// `includeOthers`, papers in none of the topics close the digest.
  public static func render(_ document: ExportDocument, includeOthers: Bool) -> String {
    var lines = ["# " + MarkdownExporter.escape(document.title), ""]
    var groups: [(String, [ExportDocument.Entry])] = []
    var placed: Set<String> = []
    for topic in document.topicOrder {
      let members = document.entries.filter { entry in
        !placed.contains(entry.paper.id)
          && entry.topics.first(where: document.topicOrder.contains) == topic
      }
      placed.formUnion(members.map(\.paper.id))
      if !members.isEmpty { groups.append((topic, members.sorted(by: byUpvotes))) }
    }
    if includeOthers {
      let others = document.entries.filter { !placed.contains($0.paper.id) }
      if !others.isEmpty { groups.append(("Other papers", others.sorted(by: byUpvotes))) }
    }
    let count = groups.reduce(0) { $0 + $1.1.count }
    guard count > 0 else {
      return (lines + [MarkdownExporter.escape(document.emptyMessage)]).joined(separator: "\n")
        + "\n"
    }
    lines += [
      "\(count) paper\(count == 1 ? "" : "s") in \(groups.count) group\(groups.count == 1 ? "" : "s").",
      "",
    ]
    for (topic, entries) in groups {
      lines += ["## \(MarkdownExporter.escape(topic)) (\(entries.count))", ""]
      for entry in entries { lines += item(entry) }
      lines.append("")
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  static func item(_ entry: ExportDocument.Entry) -> [String] {
    let paper = entry.paper.paper
    let title = MarkdownExporter.escape(paper.title)
    var head =
      "- " + (paper.bestURL.map { "[\(title)](\(MarkdownExporter.escapeURL($0)))" } ?? title)
    if let upvotes = paper.upvotes { head += " · ▲ \(upvotes)" }
    var lines = [head + "\\"]
    var facts: [String] = []
    if !paper.authors.isEmpty { facts.append(MarkdownExporter.escape(paper.shortAuthors)) }
    facts.append("`\(paper.id)`")
    lines.append("  " + facts.joined(separator: " · ") + (paper.abstract.isEmpty ? "" : "\\"))
    if !paper.abstract.isEmpty {
      lines.append("  " + MarkdownExporter.escape(firstSentence(paper.abstract)))
    }
    return lines
  }

  /// The abstract's first sentence, at most 300 characters.
  static func firstSentence(_ text: String) -> String {
    var sentence = ""
    for character in text {
      sentence.append(character)
      if character == "." && sentence.count > 40 { break }
      if sentence.count >= 300 {
        sentence += "…"
        break
      }
    }
    return sentence
  }

  static func byUpvotes(_ lhs: ExportDocument.Entry, _ rhs: ExportDocument.Entry) -> Bool {
    let (a, b) = (lhs.paper.paper, rhs.paper.paper)
    if a.upvotes != b.upvotes { return (a.upvotes ?? -1) > (b.upvotes ?? -1) }
    let (titleA, titleB) = (a.title.lowercased(), b.title.lowercased())
    return titleA != titleB ? titleA < titleB : a.id < b.id
  }
}
