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
    let explanation = try store.forYouExplanation(id: paper.paper.id)
    let similar =
      explanation == nil
      ? [] : try StarredNeighbours.papers(like: paper, in: store, limit: StarredNeighbours.shown)
    let needed = explanation == nil ? try ForYouTeaching.positivesNeeded(store) : 0
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

/// How far the library is from a for-you model.
enum ForYouTeaching {
  /// How many more papers must be starred (or noted, or tagged) before the model learns:
  /// ``ForYouModel/minimumPositives`` less the papers that already say so.
  static func positivesNeeded(_ store: LibraryStore) throws -> Int {
    let positive = PaperFilter(
      condition: .or([.state(.starred), .has(.note), .has(.tag)]))
    return max(1, ForYouModel.minimumPositives - (try store.count(positive)))
  }
}
