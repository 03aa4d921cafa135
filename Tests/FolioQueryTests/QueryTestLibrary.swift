import FolioCore
import FolioStore
import Foundation

@testable import FolioQuery

let queryToday = Day("2026-11-27")!

/// The bundled sample spread over three days, with authors, arXiv ids, upvotes, code links,
/// stars, reads, notes and tags on some papers, chosen by a seeded generator.
func makeQueryLibrary() throws -> LibraryStore {
  let store = try LibraryStore.inMemory()
  var generator = SplitMix64(seed: 7)
  let authors = [
    "Kaiyang Zhou", "Tao Xiang", "Zoë Müller", "Ada Lovelace", "Yann LeCun", "Fei-Fei Li",
  ]
  var papers: [Paper] = []
  let context = ImportContext(file: "sample", day: queryToday, source: "sample")
  try TextListingImporter().read(BundledSample.bytes, context: context) { papers.append($0) }
  try store.importPapers(file: "sample", format: "test", source: "sample") { session in
    for (index, original) in papers.enumerated() {
      var paper = original
      paper.day = queryToday.adding(days: -(index % 3))
      if index % 4 == 0 {
        paper.authors = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
          authors.randomElement(using: &generator)!
        }
      }
      if index % 5 == 0 {
        let id = String(format: "24%02d.%05d", index % 12 + 1, index)
        paper.arxivID = id
        paper.id = id
        paper.source = "hf"
        paper.upvotes = Int.random(in: 0...60, using: &generator)
      }
      addFacets(to: &paper, index: index)
      try session.add(paper)
    }
  }
  let all = try store.papers()
  for (index, entry) in all.enumerated() {
    if index % 7 == 0 { try store.setStarred(true, ids: [entry.id]) }
    if index % 3 == 1 { try store.setRead(true, ids: [entry.id]) }
    if index % 11 == 0 { try store.setNote("note \(index)", id: entry.id) }
    // Tags: two overlapping piles, one spelled in mixed case, so `tag:` is tested folded.
    if index % 4 == 1 { try store.setTagged(true, name: TagName("Survey")!, ids: [entry.id]) }
    if index % 6 == 1 { try store.setTagged(true, name: TagName("week/1")!, ids: [entry.id]) }
    if index % 13 == 5 { try store.setDismissed(true, ids: [entry.id]) }
  }
  try store.recordScholarFacts(queryScholarFacts(all))
  return store
}

/// Semantic Scholar's facts (issue 20) by index: a count on one paper in four (0 on some,
/// so 0 is told from unknown), asked but unknown on one in four, never asked on the rest.
func queryScholarFacts(_ papers: [LibraryPaper]) -> [String: ScholarFacts] {
  var facts: [String: ScholarFacts] = [:]
  let asked = Date(timeIntervalSince1970: 1_790_000_000)
  for (index, entry) in papers.enumerated() {
    switch index % 4 {
    case 0:
      let citations = (index * 37) % 250
      facts[entry.id] = ScholarFacts(
        citations: citations, influentialCitations: citations / 10, tldr: "In short \(index).",
        checkedAt: asked)
    case 1: facts[entry.id] = ScholarFacts(checkedAt: asked)
    default: break
    }
  }
  return facts
}

/// The values `cat:`, `kw:` and `org:` are drawn from (hf, issue 18): mixed case, LIKE's
/// wildcards and a non-ASCII letter, so both evaluations must agree on those too.
let queryCategories = ["cs.LG", "cs.CL", "stat.ML", "q-bio.NC", "cs.cv", "math_x%"]
let queryKeywords = ["diffusion", "Large Language Models", "RLHF", "über", "graph_nets"]
let queryOrganizations = [
  PaperOrganization(name: "google", fullName: "Google"),
  PaperOrganization(name: "meta-llama", fullName: nil),
  PaperOrganization(name: "ÉCOLE", fullName: "École Normale"),
]

/// Categories on two papers in three, keywords, organisation, summary and a withdrawn mark on
/// some, by index (no draws from the generator, so the rest of the library stays as it was).
func addFacets(to paper: inout Paper, index: Int) {
  if index % 3 != 2 {
    paper.categories = [
      queryCategories[index % queryCategories.count],
      queryCategories[(index / 2) % queryCategories.count],
    ]
  }
  if index % 4 == 1 {
    paper.keywords = [queryKeywords[index % queryKeywords.count]]
  }
  if index % 6 == 0 {
    paper.huggingFace.organization = queryOrganizations[index % queryOrganizations.count]
  }
  if index % 4 == 3 { paper.huggingFace.summary = "A summary \(index)." }
  if index % 9 == 4 { paper.huggingFace.isWithdrawn = true }
}

/// Writes a node back as query text, parenthesising every group, so random trees can go
/// through the parser too.
enum QueryPrinter {
  static func text(_ node: QueryNode) -> String {
    switch node {
    case .all: return ""
    case .text(let field, let term):
      let quoted =
        "\""
        + term.text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\"" + (term.isPrefix ? "*" : "")
      return field == .any ? quoted : "\(field.rawValue):\(quoted)"
    case .id(let id, let prefix): return "id:\(id)\(prefix ? "*" : "")"
    case .topic(let name, _): return "topic:\"\(name)\""
    case .source(let source): return "source:\(source)"
    case .day(let comparison, let value):
      let op = comparison == .equal ? "" : comparison.rawValue
      switch value {
      case .date(let day): return "day:\(op)\(day)"
      case .today: return "day:\(op)today"
      case .yesterday: return "day:\(op)yesterday"
      case .lastDays(let count): return "day:\(comparison == .greaterOrEqual ? "" : op)-\(count)d"
      }
    case .upvotes(let comparison, let count):
      return "upvotes:\(comparison == .equal ? "" : comparison.rawValue)\(count)"
    case .citations(let comparison, let count):
      return "cites:\(comparison == .equal ? "" : comparison.rawValue)\(count)"
    case .state(let state): return "is:\(state.rawValue)"
    case .has(let feature): return "has:\(feature.rawValue)"
    case .tag(let key): return "tag:\(key)"
    case .facet(let facet):
      func field(_ name: String, _ value: String, _ prefix: Bool) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
          .replacingOccurrences(of: "\"", with: "\\\"")
        return "\(name):\"\(escaped)\"" + (prefix ? "*" : "")
      }
      switch facet {
      case .category(let value, let prefix): return field("cat", value, prefix)
      case .keyword(let value, let prefix): return field("kw", value, prefix)
      case .organization(let value, let prefix): return field("org", value, prefix)
      case .hasSummary: return "has:summary"
      case .withdrawn: return "is:withdrawn"
      case .cachedPDF: return "has:pdf"
      }
    case .and(let children): return "(" + children.map(text).joined(separator: " AND ") + ")"
    case .or(let children): return "(" + children.map(text).joined(separator: " OR ") + ")"
    case .not(let child): return "NOT " + text(child)
    }
  }
}
