import Foundation

/// One measured figure, with the budget it is held to (if any).
struct Metric: Encodable {
  enum Budget: Encodable {
    /// The value must not exceed this.
    case atMost(Double)
    /// The value must reach at least this.
    case atLeast(Double)

    func holds(_ value: Double, slack: Double) -> Bool {
      switch self {
      case .atMost(let limit): value <= limit * slack
      case .atLeast(let floor): value >= floor / slack
      }
    }

    var text: String {
      switch self {
      case .atMost(let limit): "<= \(BenchReport.number(limit))"
      case .atLeast(let floor): ">= \(BenchReport.number(floor))"
      }
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(text)
    }
  }

  /// A short name for options (`--allow-miss import`) and scripts.
  let key: String
  let name: String
  let unit: String
  let value: Double
  /// Further figures shown after the value (p95 and max for latencies).
  var detail: String = ""
  var budget: Budget? = nil
}

/// The figures of one run: printed as a table or as JSON.
struct BenchReport: Encodable {
  let papers: Int
  let machine: String
  let date: String
  var metrics: [Metric] = []

  /// Metrics whose budget misses are known and explained (docs/performance.md): reported,
  /// never failing a check.
  var allowedMisses: Set<String> = []

  private enum CodingKeys: String, CodingKey {
    case papers, machine, date, metrics
  }

  /// The budgets missed when each may be exceeded by a factor `slack` (1 = exactly), other
  /// than the allowed misses.
  func missed(slack: Double) -> [Metric] {
    metrics.filter { metric in
      guard !allowedMisses.contains(metric.key) else { return false }
      guard let budget = metric.budget else { return false }
      return !budget.holds(metric.value, slack: slack)
    }
  }

  func table(slack: Double) -> String {
    var lines = [
      "folio-bench: \(papers) papers; \(machine); \(date)",
      pad("measure", 44) + pad("value", 12) + pad("p95 / max", 20) + pad("budget", 14)
        + "verdict",
    ]
    for metric in metrics {
      var verdict = ""
      if let budget = metric.budget {
        verdict =
          budget.holds(metric.value, slack: 1)
          ? "ok"
          : budget.holds(metric.value, slack: slack) ? "over (within \(Int(slack))x)" : "MISSED"
      }
      lines.append(
        pad("\(metric.name) (\(metric.unit))", 44) + pad(Self.number(metric.value), 12)
          + pad(metric.detail, 20) + pad(metric.budget?.text ?? "", 14) + verdict)
    }
    return lines.joined(separator: "\n")
  }

  func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// `value` with at most two decimals, and none for large values.
  static func number(_ value: Double) -> String {
    if value >= 1000 { return String(Int(value.rounded())) }
    if value >= 100 { return format(value, digits: 1) }
    return format(value, digits: 2)
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
  }
}
