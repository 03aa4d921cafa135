import FolioCore
import FolioQuery
import FolioStore

/// The query language on arbitrary text: parsing never crashes, errors point inside the query
/// (or one past its end), and a query that parses compiles to a predicate whose SQL (rendered
/// by the store) SQLite accepts, selecting as many papers as a listing driven by the
/// full-text index, and evaluates in memory without failing in any other way.
enum QueryTarget {
  static func findings(_ data: [UInt8]) -> [String] {
    let text = String(decoding: data, as: UTF8.self)
    var findings: [String] = []
    let today = Day(year: 2026, month: 11, day: 27)!
    let compiler = QueryCompiler(topics: .defaults, today: today)
    let evaluator = QueryEvaluator(topics: .defaults, today: today)
    for mode in [QueryParser.Mode.complete, .incremental] {
      let node: QueryNode
      do {
        node = try QueryParser.parse(text, mode: mode)
      } catch {
        if !(1...text.count + 1).contains(error.column) {
          findings.append("column \(error.column) outside 1...\(text.count + 1): \(error)")
        }
        continue
      }
      let filter: PaperFilter
      let predicate: PaperPredicate
      do {
        filter = try compiler.filter(node)
        predicate = try compiler.compile(node)
      } catch {
        continue  // An unknown topic or a bad value: a user error, reported with its column.
      }
      do {
        let store = try SharedLibrary.store()
        let papers = try store.papers(filter, limit: 20)
        let count = try store.count(filter)
        let asOne = try store.count(PaperFilter(condition: predicate))
        if count != asOne {
          findings.append(
            "the listing selects \(count) papers, the one predicate \(asOne), for \(text.debugDescription)"
          )
        }
        for paper in papers { _ = try evaluator.matches(node, SearchDocument(paper)) }
      } catch {
        findings.append(
          "the compiled query failed in SQLite: \(error) for \(text.debugDescription)")
      }
    }
    return findings
  }
}
