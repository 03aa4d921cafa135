import ArgumentParser
import FolioStore

/// `folio-bench reader`: the reader's measurements alone, on a library kept by an earlier run;
/// quick to repeat while profiling.
struct ReaderBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reader",
    abstract: "Time scrolling, jumping, starring and search keystrokes on an existing library.")

  @Option(help: "The library to measure (see --keep of the suite).") var library: String
  @Option(help: "Repetitions of each measurement.") var repeats = 200

  func run() throws {
    let store = try LibraryStore.open(at: library)
    let reader = ReaderMeasurements(store: store)
    print("\(try store.count()) papers; times in ms")
    print("measure                 p50      p95      max")
    let rows: [(String, [Double])] = [
      ("page down", reader.pageMoves(repeats)),
      ("jump to the end", reader.jumpsToEnd(max(1, repeats / 10))),
      ("star toggle", reader.starToggles(max(2, repeats / 4))),
      ("search keystroke", reader.searchKeystrokes(repeats: 1).flatMap(\.milliseconds)),
    ]
    let prefetches = reader.prefetches
    for (name, samples) in rows + [("prefetch between keys", prefetches)] {
      let stats = Statistics(samples)
      print(
        name.padding(toLength: 22, withPad: " ", startingAt: 0)
          + [stats.median, stats.p95, stats.maximum].map {
            format($0, digits: 2).padding(toLength: 9, withPad: " ", startingAt: 0)
          }.joined())
    }
  }
}
