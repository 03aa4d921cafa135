import ArgumentParser

/// `folio-bench scaling`: whether work grows linearly with input size (issue 15: "every input
/// is handled in time linear in its size").
///
/// Each row times its work at `n` and at `10n` units and prints the ratio: about 10 for linear
/// work, about 1 for work cut to a cap, about 100 for quadratic work. A row fails when the
/// ratio is above `--max-ratio`. Not a unit test: timings belong in a release build, run by
/// hand or by scripts/bench-smoke, never in `swift test`.
struct ScalingBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scaling",
    abstract: "Time each importer, the wrapper and link extraction at sizes n and 10n.")

  @Option(help: "The smaller size, in units (papers, or tens of characters for one field).")
  var n = 2_000

  @Option(help: "The largest time ratio (10n over n) that passes; linear work gives about 10.")
  var maxRatio = 15.0

  @Option(help: "Only the rows whose name contains this text.")
  var only: String?

  func run() throws {
    let cases = ScalingInputs.all.filter { only.map($0.name.contains) ?? true }
    print("scaling: time at n = \(n) and 10n units, best of 3; linear is about 10x,")
    print("a row fails above \(format(maxRatio, digits: 1))x")
    print("row".padding(toLength: 36, withPad: " ", startingAt: 0) + "n (ms)     10n (ms)   ratio")
    var failed: [String] = []
    for row in cases {
      // A busy machine can stretch one measurement; work that really grows faster than
      // linear does so every time, so a row over the limit is measured again (up to
      // `attempts` times in all) and its best ratio counts.
      var (small, large, ratio) = (0.0, 0.0, Double.infinity)
      for _ in 0..<Self.attempts where ratio > maxRatio {
        let a = Self.time(row.prepare(n))
        let b = Self.time(row.prepare(n * 10))
        if b / max(a, 1e-9) < ratio { (small, large, ratio) = (a, b, b / max(a, 1e-9)) }
      }
      let verdict = ratio <= maxRatio ? "PASS" : "FAIL"
      if ratio > maxRatio { failed.append(row.name) }
      print(
        row.name.padding(toLength: 36, withPad: " ", startingAt: 0)
          + [small * 1000, large * 1000].map {
            format($0).padding(toLength: 11, withPad: " ", startingAt: 0)
          }.joined()
          + format(ratio, digits: 1).padding(toLength: 8, withPad: " ", startingAt: 0) + verdict)
    }
    guard failed.isEmpty else {
      print(
        "scaling: \(failed.count) row(s) grew faster than linear: \(failed.joined(separator: ", "))"
      )
      throw ExitCode(1)
    }
    print("scaling: all \(cases.count) rows grew no worse than \(format(maxRatio, digits: 1))x")
  }

  /// How many times a row over the limit is measured before it fails.
  static let attempts = 3

  /// Seconds one run of `work` takes: the best of 3 measurements, each repeating `work` until
  /// it has run for at least 20 ms (so microsecond rows are not ratios of clock noise).
  static func time(_ work: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      var runs = 0
      var elapsed = 0.0
      while elapsed < 0.02 {
        elapsed += measure(work)
        runs += 1
      }
      best = min(best, elapsed / Double(runs))
    }
    return best
  }
}
