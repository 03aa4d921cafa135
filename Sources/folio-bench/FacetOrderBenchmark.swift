import FolioCore
import FolioQuery
import FolioStore
import Foundation

/// The first screenful of facet queries in every listing order, and their counts: the cases
/// the facet index (`v11-facets`) chooses between (driving the listing, gathering from the
/// index, checking row by row). Times in ms.
struct FacetOrderMeasurements {
  let store: LibraryStore

  static let queries = [
    "cat:cs.LG", "cat:cs.*", "cat:q-bio.NC", "cat:no.such", "kw:RLHF", "org:nvidia",
    "cat:cs.LG is:unread", "cat:q-bio.NC diffusion", "cat:q-bio.NC OR kw:RLHF",
    // Issue 20: every paper (the citations order's first screen alone), and citation counts.
    "", "cites:>100", "cites:>1000", "cites:>100 cat:cs.LG",
  ]

  /// The header of ``rows(repeats:)``: a column per listing order.
  static var header: String {
    "query".padding(toLength: 26, withPad: " ", startingAt: 0)
      + ListingOrder.allCases.map { $0.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) }
      .joined() + "count ms   matches"
  }

  /// For each query and order, the p95 of `repeats` first screens (40 rows) and one count.
  func rows(repeats: Int) throws -> [String] {
    let compiler = QueryCompiler(topics: .defaults, today: Day.today())
    var lines: [String] = []
    for query in Self.queries {
      var cells = [
        (query.isEmpty ? "(all)" : query).padding(toLength: 26, withPad: " ", startingAt: 0)
      ]
      for order in ListingOrder.allCases {
        var filter = try compiler.filter(try QueryParser.parse(query))
        filter.order = order
        var samples: [Double] = []
        for _ in 0..<repeats {
          samples.append(
            try measure { _ = try store.listing(filter, from: .position(0), limit: 40) } * 1000)
        }
        cells.append(
          format(Statistics(samples).p95, digits: 2).padding(
            toLength: 11, withPad: " ", startingAt: 0))
      }
      let filter = try compiler.filter(try QueryParser.parse(query))
      var total = 0
      let seconds = try measure { total = try store.counts(filter).total }
      cells.append(
        format(seconds * 1000, digits: 1).padding(toLength: 11, withPad: " ", startingAt: 0))
      cells.append("\(total)")
      lines.append(cells.joined())
    }
    return lines
  }
}
