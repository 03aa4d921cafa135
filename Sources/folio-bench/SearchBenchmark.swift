import ArgumentParser
import FolioCore
import FolioQuery
import FolioReader
import FolioStore
import Foundation

/// `folio-bench search`: per-keystroke search latency and topic counts on a synthetic library.
struct SearchBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Time search keystrokes (key to first screenful) and topic counts.")

  @Option(help: "Papers in the synthetic library.") var papers = 100_000
  @Option(help: "Library file to reuse or create (default: a temporary file).") var library: String?
  @Option(help: "Repetitions of each typed sequence.") var repeats = 5

  func run() throws {
    let path =
      library
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-bench-\(papers).sqlite").path
    if !FileManager.default.fileExists(atPath: path) {
      let seconds = try SyntheticLibrary(count: papers, seed: 1).write(to: path)
      print(
        "built \(papers) papers in \(format(seconds, digits: 1)) s (\(Int(Double(papers) / seconds)) papers/s) at \(path)"
      )
    }
    let store = try LibraryStore.open(at: path)
    let total = try store.count()
    print(
      "library: \(total) papers; keystroke = handle the key and build the frame, 120x40, all days")

    let measurements = ReaderMeasurements(store: store)
    print("typed so far              p50 ms   p95 ms   max ms   matches")
    var all: [Double] = []
    for (typed, values) in measurements.searchKeystrokes(repeats: repeats) {
      all += values
      let stats = Statistics(values)
      var state = measurements.reader()
      measurements.press(.character("/"), on: &state)
      for character in typed { measurements.press(.character(character), on: &state) }
      print(
        "\(typed)".padding(toLength: 25, withPad: " ", startingAt: 0)
          + [stats.median, stats.p95, stats.maximum].map {
            format($0, digits: 2).padding(toLength: 9, withPad: " ", startingAt: 0)
          }.joined()
          + "\(state.counts.total)")
    }
    let overall = Statistics(all)
    print(
      "all keystrokes: p50 \(format(overall.median, digits: 2)) ms, p95 \(format(overall.p95, digits: 2)) ms, max \(format(overall.maximum, digits: 2)) ms"
    )

    var pause: [Double] = []
    for sequence in ReaderMeasurements.searches {
      var state = ReaderState(store: store, size: Size(width: 120, height: 40), now: 0)
      _ = state.handle(.key(.character("a")), now: 0)
      _ = state.handle(.key(.character("/")), now: 0)
      for character in sequence { _ = state.handle(.key(.character(character)), now: 0) }
      pause.append(
        measure {
          // The count itself runs off the main loop in the app; here, the time it takes.
          for effect in state.handle(.tick, now: 0) {
            if let outcome = effect.outcomeAtOnce(on: store) {
              _ = state.handle(.completed(outcome), now: 0)
            }
          }
        } * 1000)
    }
    let pauses = Statistics(pause)
    print(
      "exact counts after a pause in typing (off the keystroke path): p50 \(format(pauses.median, digits: 1)) ms, max \(format(pauses.maximum, digits: 1)) ms"
    )

    print(FacetOrderMeasurements.header)
    print("  (first 40 rows, p95 ms of \(repeats))")
    for line in try FacetOrderMeasurements(store: store).rows(repeats: repeats) { print(line) }

    // Issue 20: what `folio enrich` asks the library for first (500 ids, one request).
    var targets = 0
    let enrichSeconds = try measure {
      targets = try store.papersToEnrich(
        PaperFilter(), staleBefore: Date().addingTimeInterval(-ScholarFacts.freshFor), limit: 500
      ).count
    }
    print(
      "papers to enrich, first 500 of all days: \(format(enrichSeconds * 1000, digits: 1)) ms (\(targets) found)"
    )

    let compiler = QueryCompiler(topics: .defaults, today: Day.today())
    let seconds = try measure {
      for topic in TopicSet.defaults.topics {
        _ = try store.counts(try compiler.filter(topic.node))
      }
    }
    print(
      "counts for all \(TopicSet.defaults.topics.count) default topics: \(format(seconds * 1000, digits: 1)) ms"
    )
  }
}
