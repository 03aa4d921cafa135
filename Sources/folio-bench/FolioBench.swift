import ArgumentParser

/// `folio-bench`: measures Folio and prints the numbers. Build it in release mode:
/// `swift run -c release folio-bench --papers 100000`.
@main
struct FolioBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "folio-bench",
    abstract: "Measure Folio's speed and print a table.",
    subcommands: [
      SuiteBenchmark.self, ImportBenchmark.self, ReaderBenchmark.self, CorpusCommand.self,
      RenderBenchmark.self,
      SearchBenchmark.self, ScalingBenchmark.self, TagBenchmark.self, RecommendBenchmark.self,
      ForYouBenchmark.self, SyncBenchmark.self,
    ],
    defaultSubcommand: SuiteBenchmark.self
  )
}
