import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio why ID`: what raised or lowered one paper's for-you score, and the starred papers
/// most like it.
struct WhyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "why",
    abstract: "Explain a paper's for-you score: the words, authors and categories behind it.",
    discussion: """
      Lists the features of the paper that raised its score (+) and lowered it (-), each with \
      the model's weight for it and what it added to this paper, heaviest first, then the \
      starred papers most like it. Before the model has learnt (fewer than three starred, \
      noted or tagged papers) it says how many more to star, and exits 0: that is not an \
      error. An unknown id exits 1.
      """,
    version: Folio.version)

  /// How many starred papers `why` names.
  static let neighbourCount = 3

  @OptionGroup var library: LibraryOptions

  @Argument(
    help: ArgumentHelp("The paper's id (or any spelling of its arXiv id).", valueName: "id"))
  var id: String

  @Option(
    help:
      "Output format: text, or json (an object: id, title, score, contributions, similar_starred).")
  var format: WhyFormat = .text

  func run() throws {
    let store = try library.open()
    guard let paper = try store.paper(id: id) else { throw StoreError.unknownPaper(id: id) }
    try ForYouListing.refreshModel(store)
    let explanation = try store.forYouExplanation(id: paper.paper.id)
    let needed = explanation == nil ? try ForYouListing.positivesNeeded(store) : 0
    let neighbours =
      try store.forYouStarredNeighbours(of: paper.paper.id, limit: Self.neighbourCount) ?? []
    let found =
      neighbours.isEmpty ? [] : try store.papers(PaperFilter(ranking: neighbours.map(\.id)))
    let byID = Dictionary(found.map { ($0.paper.id, $0) }, uniquingKeysWith: { first, _ in first })
    let similar = neighbours.compactMap { neighbour in
      byID[neighbour.id].map { (paper: $0, similarity: neighbour.similarity) }
    }
    let report = WhyReport(paper: paper, explanation: explanation, similar: similar, needed: needed)
    switch format {
    case .text: print(report.text(), terminator: "")
    case .json: print(report.json().rendered() + "\n", terminator: "")
    }
  }
}

/// Output formats of `why`.
enum WhyFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
