/// One day's papers as a Markdown digest, by topic, for a morning email.
public enum DigestExporter {
  /// How many papers "Recommended for you" shows.
  public static let recommendedLimit = 10

  /// The digest of `document`'s entries (one day's papers) grouped under `document`'s topics in
  /// their order, each group most upvoted first (unknown upvotes last), then by title. With
  /// `includeOthers`, papers in none of the topics close the digest. `forYou` is the for-you
  /// ranking of the day's papers (ids, best first; nil while there is no model): the first
  /// ``recommendedLimit`` of them the digest lists open it as "Recommended for you", and stay
  /// in their topics too.
  public static func render(
    _ document: ExportDocument, includeOthers: Bool, forYou: [String]? = nil
  ) -> String {
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
    if let forYou {
      let listed = Dictionary(
        groups.flatMap(\.1).map { ($0.paper.paper.id, $0) }, uniquingKeysWith: { first, _ in first }
      )
      let best = forYou.lazy.compactMap { listed[$0] }.prefix(recommendedLimit)
      if !best.isEmpty {
        lines += ["## Recommended for you (\(best.count))", ""]
        for entry in best { lines += item(entry) }
        lines.append("")
      }
    }
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

  /// The longest first sentence a digest shows, in characters; a longer one is cut with `…`.
  static let sentenceLimit = 300

  /// The abstract's first sentence (of more than 40 characters, so a short opener takes the
  /// next one along), at most ``sentenceLimit`` characters. A sentence ends at `.`, `!` or `?`
  /// followed by a space or the end, but not after an abbreviation (`e.g.`, `i.e.`, `et al.`,
  /// `Fig.`, `vs.`, `cf.`), an initial (`J. Smith`), or before a lowercase word; `3.5` and
  /// `arXiv:2401.01234` have no space after the dot. Looks at no more than the limit.
  static func firstSentence(_ text: String) -> String {
    let characters = Array(text.prefix(sentenceLimit + 1))
    for index in characters.indices where index >= 40 && index < sentenceLimit {
      if endsSentence(characters, at: index) { return String(characters[...index]) }
    }
    if characters.count > sentenceLimit {
      return String(characters[..<sentenceLimit]) + "…"
    }
    return String(characters)
  }

  /// Words that end with a dot without ending a sentence, lowercased, without the last dot.
  static let abbreviations: Set<String> = [
    "e.g", "i.e", "al", "fig", "figs", "vs", "cf", "eq", "eqs", "sec", "secs", "ref",
    "refs", "tab", "approx", "resp", "viz", "ca", "incl", "no", "nos", "dr", "mr", "ms", "prof",
    "ch", "vol", "pp", "p", "etc",
  ]

  /// Whether the character at `index` ends a sentence.
  static func endsSentence(_ characters: [Character], at index: Int) -> Bool {
    let mark = characters[index]
    guard mark == "." || mark == "!" || mark == "?" else { return false }
    var next = index + 1
    guard next < characters.count else { return true }
    guard characters[next].isWhitespace else { return false }
    while next < characters.count, characters[next].isWhitespace { next += 1 }
    // Running on in lowercase: `et al. propose`, `etc. and`.
    if next < characters.count, characters[next].isLowercase { return false }
    guard mark == "." else { return true }
    // The word before the dot, from the last space or opening bracket.
    var start = index
    while start > 0, !characters[start - 1].isWhitespace, !"([{\"'“".contains(characters[start - 1])
    {
      start -= 1
    }
    let word = String(characters[start..<index]).lowercased()
    if abbreviations.contains(word) { return false }
    // An initial (`J.`) or a dotted abbreviation (`U.S.`, `e.g.` written `e. g.`).
    if word.count == 1, characters[start].isLetter { return false }
    if word.contains("."), word.allSatisfy({ $0.isLetter || $0 == "." }) { return false }
    return true
  }

  static func byUpvotes(_ lhs: ExportDocument.Entry, _ rhs: ExportDocument.Entry) -> Bool {
    let (a, b) = (lhs.paper.paper, rhs.paper.paper)
    if a.upvotes != b.upvotes { return (a.upvotes ?? -1) > (b.upvotes ?? -1) }
    let (titleA, titleB) = (a.title.lowercased(), b.title.lowercased())
    return titleA != titleB ? titleA < titleB : a.id < b.id
  }
}
