import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio-bench import`: papers per second from JSON Lines and from the sample's text format,
/// into a fresh library with its full-text index.
struct ImportBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Time importing a synthetic corpus (JSON Lines and text) into a new library.")

  @Option(help: "Papers in the synthetic corpus.") var papers = 100_000

  func run() throws {
    let directory = try BenchDirectory()
    let (jsonl, text) = try CorpusWriter.importCorpora(papers: papers, in: directory)
    for (name, file, kind) in [("JSON Lines", jsonl, ImportFormat.jsonl), ("text", text, .text)] {
      let result = try Self.importFile(file, format: kind, into: directory.path("\(name).sqlite"))
      print(
        "\(name): \(result.papers) papers in \(format(result.seconds, digits: 2)) s = \(Int(result.rate)) papers/s"
      )
    }
  }

  /// What importing one file measured.
  struct Result {
    let papers: Int
    let seconds: Double
    var rate: Double { Double(papers) / seconds }
  }

  /// Imports `file` into a new library at `library` the way `folio import` does.
  static func importFile(_ file: String, format: ImportFormat, into library: String) throws
    -> Result
  {
    try? FileManager.default.removeItem(atPath: library)
    let store = try LibraryStore.open(at: library)
    var summary = ImportSummary()
    let seconds = try measure {
      let data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
      let context = ImportContext(file: file, day: Day.today(), source: format.sourceName)
      summary = try store.importPapers(file: file, format: format.rawValue, source: "bench") {
        session in
        try format.importer.read(data, context: context, into: &session)
      }
    }
    return Result(papers: summary.new + summary.updated + summary.unchanged, seconds: seconds)
  }
}

/// A scratch directory for one benchmark run, removed at the end unless kept.
final class BenchDirectory {
  let url: URL
  let keep: Bool

  init(keep: Bool = false) throws {
    self.keep = keep
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "folio-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit {
    if !keep {
      try? FileManager.default.removeItem(at: url)
    }
  }
}
