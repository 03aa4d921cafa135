import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio-bench` (the default): builds a synthetic library of N papers and measures what a
/// user feels: import rate, cold start, search keystrokes, scrolling, starring and memory.
struct SuiteBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "suite",
    abstract: "Measure everything on a synthetic library and print a table (the default).")

  @Option(help: "Papers in the synthetic library.") var papers = 10_000
  @Option(help: "A library built by an earlier run (--keep) to measure instead of importing anew.")
  var library: String?
  @Option(help: "The folio binary to start (default: the one next to folio-bench).")
  var folio: String?
  @Option(help: "Repetitions of each typed search.") var repeats = 5
  @Flag(help: "Print JSON instead of a table.") var json = false
  @Option(
    help: ArgumentHelp(
      "Exit 1 if a budget is missed by more than this factor (CI uses 5).", valueName: "factor"))
  var checkBudgets: Double?
  @Option(
    name: .customLong("allow-miss"),
    help: ArgumentHelp(
      "A measure whose budget miss is known (see docs/performance.md) and must not fail --check-budgets: import, cold-start, keystroke, page-down, end, star, memory.",
      valueName: "key"))
  var allowedMisses: [String] = []
  @Flag(help: "Keep the scratch directory (corpus files and library) and print its path.")
  var keep = false

  /// The budgets of a 2-core machine, release build, at a million papers.
  enum Budgets {
    static let importRate = 50_000.0
    static let firstFrame = 100.0
    static let keystroke = 16.0
    static let pageMove = 2.0
    static let starToggle = 5.0
    static let triageStep = 5.0
    static let residentMB = 150.0
  }

  func run() throws {
    let directory = try BenchDirectory(keep: keep)
    var report = BenchReport(
      papers: papers, machine: Self.machine(),
      date: ISO8601DateFormatter().string(from: Date()))
    let libraryPath: String
    if let library {
      libraryPath = library
    } else {
      libraryPath = directory.path("library.sqlite")
      report.metrics += try measureImports(into: libraryPath, scratch: directory)
    }
    let store = try LibraryStore.open(at: libraryPath)
    report = BenchReport(
      papers: try store.count(), machine: report.machine, date: report.date,
      metrics: report.metrics, allowedMisses: Set(allowedMisses))
    let binary = folio ?? Self.siblingBinary("folio")
    report.metrics.append(
      try measureColdStart(binary: binary, library: libraryPath, scratch: directory))
    report.metrics += measureReader(store)
    report.metrics.append(
      try measureMemory(binary: binary, library: libraryPath, scratch: directory))

    print(json ? try report.json() : report.table(slack: checkBudgets ?? 1))
    if keep { print("kept \(directory.url.path)") }
    if let slack = checkBudgets {
      let missed = report.missed(slack: slack)
      if !missed.isEmpty {
        let names = missed.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(
          Data("folio-bench: over \(format(slack, digits: 0))x the budget: \(names)\n".utf8))
        throw ExitCode(1)
      }
    }
  }

  private func measureImports(into library: String, scratch: BenchDirectory) throws -> [Metric] {
    let (jsonl, text) = try CorpusWriter.importCorpora(papers: papers, in: scratch)
    let fromText = try ImportBenchmark.importFile(
      text, format: .text, into: scratch.path("text.sqlite"))
    try? FileManager.default.removeItem(atPath: text)
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: scratch.path("text.sqlite") + suffix)
    }
    let fromJSONL = try ImportBenchmark.importFile(jsonl, format: .jsonl, into: library)
    return [
      Metric(
        key: "import", name: "import JSON Lines, new library", unit: "papers/s",
        value: fromJSONL.rate,
        detail: "\(format(fromJSONL.seconds, digits: 1)) s", budget: .atLeast(Budgets.importRate)),
      Metric(
        key: "import-text", name: "import sample text, new library", unit: "papers/s",
        value: fromText.rate,
        detail: "\(format(fromText.seconds, digits: 1)) s"),
    ]
  }

  /// Process start to first frame: `folio --exit-after-first-frame` in a 120x40 terminal.
  private func measureColdStart(binary: String, library: String, scratch: BenchDirectory) throws
    -> Metric
  {
    var samples: [Double] = []
    for _ in 0..<7 {
      var status: Int32?
      let seconds = try measure {
        let process = try PseudoTerminalProcess(
          [binary, "--db", library, "--exit-after-first-frame"],
          environment: Self.environment(scratch), columns: 120, rows: 40)
        status = process.waitForExit()
      }
      guard status == 0 else { throw BenchError("\(binary) exited with status \(status ?? -1)") }
      samples.append(seconds * 1000)
    }
    return latency("cold-start", "cold start to first frame", samples, budget: Budgets.firstFrame)
  }

  private func measureReader(_ store: LibraryStore) -> [Metric] {
    let reader = ReaderMeasurements(store: store)
    let keystrokes = reader.searchKeystrokes(repeats: repeats).flatMap(\.milliseconds)
    let triage = reader.triageSteps(50)
    return [
      latency(
        "keystroke", "search keystroke to first screenful", keystrokes, budget: Budgets.keystroke),
      latency("page-down", "page down", reader.pageMoves(200), budget: Budgets.pageMove),
      latency("end", "jump to the end", reader.jumpsToEnd(20), budget: Budgets.pageMove),
      latency(
        "star", "star toggle, durable", reader.starToggles(50), budget: Budgets.starToggle),
      // Triage: the next card after a durable step; undoing a step, durable.
      latency(
        "triage-next", "triage: read and next card, durable", triage.nextCard,
        budget: Budgets.triageStep),
      latency("undo", "undo a step, durable", triage.undo, budget: Budgets.triageStep),
      Metric(
        key: "prefetch", name: "rows prefetched between keys, p95", unit: "ms",
        value: Statistics(reader.prefetches).p95,
        detail: "max \(BenchReport.number(Statistics(reader.prefetches).maximum))"),
    ]
  }

  /// Peak resident memory of the real reader after scrolling, searching and jumping around.
  private func measureMemory(binary: String, library: String, scratch: BenchDirectory) throws
    -> Metric
  {
    let process = try PseudoTerminalProcess(
      [binary, "--db", library], environment: Self.environment(scratch), columns: 120, rows: 40)
    process.settle()
    let browsing = [
      "a", String(repeating: "j", count: 40), String(repeating: " ", count: 30), "G", "g",
      "/learning\r", "G", "\u{1B}", "/diffusion -survey\r", String(repeating: " ", count: 20),
      "\u{1B}", "\t", String(repeating: "J", count: 10), "\t", "]", "[", "a",
    ]
    for keys in browsing {
      process.type(keys)
      process.settle()
    }
    let peak = process.peakResidentBytes()
    process.type("q")
    _ = process.waitForExit()
    guard let peak else { throw BenchError("cannot read the reader's memory use") }
    return Metric(
      key: "memory", name: "peak resident memory while browsing", unit: "MB",
      value: Double(peak) / 1_048_576, budget: .atMost(Budgets.residentMB))
  }

  private func latency(_ key: String, _ name: String, _ samples: [Double], budget: Double)
    -> Metric
  {
    let stats = Statistics(samples)
    let isPercentile = samples.count >= 20
    return Metric(
      key: key, name: name + (isPercentile ? ", p95" : ", median"), unit: "ms",
      value: isPercentile ? stats.p95 : stats.median,
      detail: "p50 \(BenchReport.number(stats.median)) max \(BenchReport.number(stats.maximum))",
      budget: .atMost(budget))
  }

  /// A clean environment for the reader: its own config, state and data directories.
  static func environment(_ scratch: BenchDirectory) -> [String: String] {
    var environment = [
      "TERM": "xterm-256color", "HOME": scratch.path("home"), "LANG": "C.UTF-8",
      "XDG_CONFIG_HOME": scratch.path("home/config"), "XDG_STATE_HOME": scratch.path("home/state"),
      "XDG_DATA_HOME": scratch.path("home/data"),
    ]
    environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
    return environment
  }

  /// `name` in the directory this executable is in.
  static func siblingBinary(_ name: String) -> String {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return me.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// The CPU model, core count and memory, from /proc.
  static func machine() -> String {
    let cpu =
      (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("model name") }?
      .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
      ?? "unknown CPU"
    let memory = ProcessInfo.processInfo.physicalMemory / 1_073_741_824
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) GiB"
  }
}
