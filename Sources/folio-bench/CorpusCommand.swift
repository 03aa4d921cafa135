import ArgumentParser

/// `folio-bench corpus`: writes the synthetic corpus to a file, for comparisons with other
/// readers (`scripts/compare-newsboat.sh`) or for `folio import` by hand.
struct CorpusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corpus",
    abstract: "Write the synthetic corpus as JSON Lines, sample text or RSS.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, text, rss
  }

  @Option(help: "Papers in the corpus.") var papers = 10_000
  @Option(help: "jsonl, text or rss.") var format = Format.jsonl
  @Option(name: .shortAndLong, help: "The file to write.") var output: String

  func run() throws {
    let writer = CorpusWriter(
      library: SyntheticLibrary(count: papers, seed: 1, everyPaperHasID: true))
    switch format {
    case .jsonl: try writer.writeJSONLines(to: output)
    case .text: try writer.writeText(to: output)
    case .rss: try writer.writeRSS(to: output)
    }
  }
}
