import ArgumentParser
import FolioCore
import FolioReader
import FolioStore
import Foundation

/// `folio-bench tags` (issue 18): a synthetic library with 10,000 tagged papers over 50 tags;
/// the `tag:x` search keystroke (key to first screenful) and `folio tags` (every tag's counts).
struct TagBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tags",
    abstract: "Time tag:x keystrokes and folio tags on a tagged synthetic library.")

  @Option(help: "Papers in the synthetic library.") var papers = 100_000
  @Option(help: "Library file to reuse or create (default: a temporary file).") var library: String?
  @Option(help: "Papers to tag (at most --papers).") var tagged = 10_000
  @Option(help: "Tags to spread them over.") var tags = 50
  @Option(help: "Repetitions of each measure.") var repeats = 5

  func run() throws {
    let path =
      library
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-bench-tags-\(papers).sqlite").path
    if !FileManager.default.fileExists(atPath: path) {
      let seconds = try SyntheticLibrary(count: papers, seed: 1).write(to: path)
      print("built \(papers) papers in \(format(seconds, digits: 1)) s at \(path)")
    }
    let store = try LibraryStore.open(at: path)
    if try store.tagCounts().isEmpty {
      let seconds = try measure { try Self.tag(store, papers: tagged, tags: tags) }
      print("tagged \(tagged) papers over \(tags) tags in \(format(seconds, digits: 1)) s")
    }
    let counts = try store.tagCounts()
    print(
      "library: \(try store.count()) papers, \(counts.count) tags on \(counts.map(\.papers).reduce(0, +)) paper-tag links"
    )

    // The search line typing `tag:tag-07`, each keystroke timed (key to first screenful).
    let measurements = ReaderMeasurements(store: store)
    var last: [Double] = []
    var all: [Double] = []
    let typed = Array("tag:tag-07")
    var byPrefix = Array(repeating: [Double](), count: typed.count)
    for _ in 0..<repeats {
      var state = measurements.reader()
      measurements.press(.character("/"), on: &state)
      for (index, character) in typed.enumerated() {
        let milliseconds = measurements.timedPress(.character(character), on: &state)
        all.append(milliseconds)
        byPrefix[index].append(milliseconds)
        if index == typed.count - 1 { last.append(milliseconds) }
      }
    }
    print(
      "per prefix (p50 ms): "
        + typed.indices.map {
          "\(String(typed[...$0])) \(format(Statistics(byPrefix[$0]).median, digits: 2))"
        }.joined(separator: ", "))
    let every = Statistics(all)
    let final = Statistics(last)
    print(
      "tag:x keystrokes: p50 \(format(every.median, digits: 2)) ms, p95 \(format(every.p95, digits: 2)) ms, max \(format(every.maximum, digits: 2)) ms; the last (whole name): p95 \(format(final.p95, digits: 2)) ms"
    )

    // `folio tags`: the store's work (one pass over the links), then the real command when
    // a `folio` binary sits next to this one.
    let inProcess = Statistics(
      try (0..<repeats).map { _ in try measure { _ = try store.tagCounts() } * 1000 })
    print(
      "tag counts (folio tags' query): p50 \(format(inProcess.median, digits: 2)) ms, max \(format(inProcess.maximum, digits: 2)) ms"
    )
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("folio").path
    if FileManager.default.isExecutableFile(atPath: binary) {
      let runs = Statistics(
        try (0..<repeats).map { _ in
          try measure {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["tags", "--db", path, "--format", "tsv"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
          } * 1000
        })
      print(
        "folio tags (whole process): p50 \(format(runs.median, digits: 1)) ms, max \(format(runs.maximum, digits: 1)) ms"
      )
    }
  }

  /// Tags `papers` papers, chosen by a seeded generator, round-robin over `tags` tags named
  /// `tag-00`...; every tenth also gets the next tag.
  static func tag(_ store: LibraryStore, papers: Int, tags: Int) throws {
    let ids = try store.summaries(PaperFilter.all, limit: Int.max, offset: 0).map(\.id)
    var generator = SplitMix64(seed: 18)
    var chosen = ids
    chosen.shuffle(using: &generator)
    chosen = Array(chosen.prefix(papers))
    var byTag: [[String]] = Array(repeating: [], count: tags)
    for (index, id) in chosen.enumerated() {
      byTag[index % tags].append(id)
      if index % 10 == 0 { byTag[(index + 1) % tags].append(id) }
    }
    for (index, members) in byTag.enumerated() {
      let name = TagName(String(format: "tag-%02d", index))!
      try store.setTagged(true, name: name, ids: members)
    }
  }
}
