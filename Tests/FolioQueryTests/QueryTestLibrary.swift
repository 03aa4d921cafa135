import FolioCore
import FolioStore
import Foundation

@testable import FolioQuery

let queryToday = Day("2026-11-27")!

/// The bundled sample spread over three days, with authors, arXiv ids, upvotes, code links,
/// stars, reads and notes on some papers, chosen by a seeded generator.
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
      try session.add(paper)
    }
  }
  let all = try store.papers()
  for (index, entry) in all.enumerated() {
    if index % 7 == 0 { try store.setStarred(true, ids: [entry.id]) }
    if index % 3 == 1 { try store.setRead(true, ids: [entry.id]) }
    if index % 11 == 0 { try store.setNote("note \(index)", id: entry.id) }
    if index % 13 == 5 { try store.setDismissed(true, ids: [entry.id]) }
  }
  return store
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
    case .state(let state): return "is:\(state.rawValue)"
    case .has(let feature): return "has:\(feature.rawValue)"
    case .and(let children): return "(" + children.map(text).joined(separator: " AND ") + ")"
    case .or(let children): return "(" + children.map(text).joined(separator: " OR ") + ")"
    case .not(let child): return "NOT " + text(child)
    }
  }
}
