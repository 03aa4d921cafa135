import Foundation

extension RecommendEvaluation.Outcome {
  /// The table: one row per ranker, P@10 and nDCG@10 for each star count, then the margin of
  /// ours over the best baseline in each column.
  public func markdown() -> String {
    var lines: [String] = []
    var header = "| ranker |"
    var rule = "|---|"
    for k in stars {
      let mean = starsGiven[k] ?? 0
      let paired = k >= RecommendEvaluation.pairedFromStars ? ", 2 interests" : ""
      let label =
        abs(mean - Double(k)) < 0.005 && paired.isEmpty
        ? "k=\(k)" : "k=\(k) (\(format(mean, 1)) given\(paired))"
      header += " P@10 \(label) | nDCG@10 \(label) |"
      rule += "---:|---:|"
    }
    lines += [header, rule]
    let order = Ranker.allCases.filter { cells[$0] != nil }
    for ranker in order {
      var line = ranker == .forYou ? "| **\(ranker.rawValue)** |" : "| \(ranker.rawValue) |"
      for k in stars {
        let cell = cells[ranker]?[k]
        line += " \(format(cell?.precision ?? 0, 3)) | \(format(cell?.ndcg ?? 0, 3)) |"
      }
      lines.append(line)
    }
    if cells[.forYou] != nil {
      var line = "| margin over the best baseline |"
      for k in stars {
        let baselines = cells.filter { $0.key.isBaseline }.compactMap { $0.value[k] }
        let ours = cells[.forYou]?[k]
        let precision = (ours?.precision ?? 0) - (baselines.map(\.precision).max() ?? 0)
        let ndcg = (ours?.ndcg ?? 0) - (baselines.map(\.ndcg).max() ?? 0)
        line += " \(signed(precision)) | \(signed(ndcg)) |"
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Per interest: ours against the best baseline for that interest, nDCG@10.
  public func interestMarkdown() -> String {
    var lines = ["| interest |" + stars.map { " k=\($0): ours / best baseline |" }.joined()]
    lines.append("|---|" + String(repeating: "---|", count: stars.count))
    for name in perInterest.keys.sorted() {
      var line = "| \(name) |"
      for k in stars {
        guard let entry = perInterest[name]?[k] else {
          line += " |"
          continue
        }
        line +=
          " \(format(entry.ours, 3)) / \(format(entry.best, 3)) (\(entry.bestName.rawValue)) |"
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  func signed(_ value: Double) -> String {
    (value >= 0 ? "+" : "−") + String(format: "%.3f", abs(value))
  }
}
