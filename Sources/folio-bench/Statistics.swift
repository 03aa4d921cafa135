/// Percentiles of a set of durations.
struct Statistics {
  let samples: [Double]

  init(_ samples: [Double]) {
    self.samples = samples.sorted()
  }

  /// The `fraction` percentile (0...1), nearest rank.
  func percentile(_ fraction: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let rank = Int((fraction * Double(samples.count)).rounded(.up)) - 1
    return samples[min(max(0, rank), samples.count - 1)]
  }

  var median: Double { percentile(0.5) }
  var p95: Double { percentile(0.95) }
  var maximum: Double { samples.last ?? 0 }
}

/// Formats `value` with `digits` decimals.
func format(_ value: Double, digits: Int = 3) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  var text = String(rounded)
  let decimals = text.split(separator: ".").last?.count ?? 0
  if !text.contains(".") { text += "." }
  return text + String(repeating: "0", count: max(0, digits - decimals))
}

/// Seconds it takes to run `body`.
func measure(_ body: () throws -> Void) rethrows -> Double {
  let clock = ContinuousClock()
  let duration = try clock.measure(body)
  return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
