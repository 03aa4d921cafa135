import Foundation

/// A linear support vector machine with the L2-regularised squared hinge loss, solved in the
/// dual by coordinate descent: liblinear's solver 1 (`L2R_L2LOSS_SVC_DUAL`, Hsieh et al. 2008),
/// which is what scikit-learn's `LinearSVC` runs by default. The bias is liblinear's: an extra
/// feature of constant value `biasFeature` (scikit-learn's `intercept_scaling`, 1), regularised
/// like the other weights.
///
/// Minimises `½‖w‖² + Σ Cᵢ max(0, 1 − yᵢ w·xᵢ)²`, where `Cᵢ` is `C` times the weight of the
/// class of example `i` (`class_weight='balanced'`: `n / (2 · n_class)`).
public struct LinearSVM: Sendable {
  /// A sparse example: feature indices and values.
  public typealias Row = [(index: Int, value: Double)]

  /// The weight of each feature.
  public private(set) var weights: [Double]
  /// The intercept (the extra feature's weight times `biasFeature`).
  public private(set) var bias: Double
  /// Passes over the examples the solver made.
  public private(set) var iterations: Int

  /// Trains on `rows` (labels +1 or −1) over `dimension` features. `maxIterations` and
  /// `tolerance` are scikit-learn's `max_iter` and `tol` as arxiv-sanity-lite sets them; the
  /// stopping rule is liblinear's (projected-gradient spread below `tolerance`). The example
  /// order is shuffled from `seed`, as liblinear does with its own generator.
  public init(
    rows: [Row], labels: [Double], dimension: Int, c: Double = 0.01, balanced: Bool = true,
    biasFeature: Double = 1, maxIterations: Int = 10_000, tolerance: Double = 1e-6,
    seed: UInt64 = 0
  ) {
    precondition(rows.count == labels.count)
    let count = rows.count
    var weights = [Double](repeating: 0, count: dimension)
    var biasWeight = 0.0
    let positives = labels.filter { $0 > 0 }.count
    let negatives = count - positives
    func cost(_ label: Double) -> Double {
      guard balanced else { return c }
      let members = label > 0 ? positives : negatives
      return c * Double(count) / (2 * Double(max(members, 1)))
    }
    // The squared hinge in the dual: no upper bound on α, a diagonal term 1 / (2C).
    let diagonal = labels.map { 0.5 / cost($0) }
    let squaredNorms = rows.map { row in
      row.reduce(biasFeature * biasFeature) { $0 + $1.value * $1.value } + 0
    }
    var alpha = [Double](repeating: 0, count: count)
    var active = Array(0..<count)
    var activeSize = count
    var generator = SeededShuffle(seed: seed)
    var oldMaximum = Double.infinity
    var oldMinimum = -Double.infinity
    var iteration = 0
    while iteration < maxIterations {
      var maximum = -Double.infinity
      var minimum = Double.infinity
      for position in 0..<activeSize {
        let other = position + generator.next(below: activeSize - position)
        active.swapAt(position, other)
      }
      var position = 0
      while position < activeSize {
        let i = active[position]
        let label = labels[i]
        var margin = biasWeight * biasFeature
        for (index, value) in rows[i] { margin += weights[index] * value }
        let gradient = label * margin - 1 + alpha[i] * diagonal[i]
        var projected = 0.0
        if alpha[i] == 0 {
          if gradient > oldMaximum {
            activeSize -= 1
            active.swapAt(position, activeSize)
            continue
          } else if gradient < 0 {
            projected = gradient
          }
        } else {
          projected = gradient
        }
        maximum = max(maximum, projected)
        minimum = min(minimum, projected)
        if abs(projected) > 1e-12 {
          let old = alpha[i]
          alpha[i] = max(old - gradient / (squaredNorms[i] + diagonal[i]), 0)
          let step = (alpha[i] - old) * label
          for (index, value) in rows[i] { weights[index] += step * value }
          biasWeight += step * biasFeature
        }
        position += 1
      }
      iteration += 1
      if maximum - minimum <= tolerance {
        if activeSize == count { break }
        // Converged on the active set: check every example once more, as liblinear does.
        activeSize = count
        oldMaximum = .infinity
        oldMinimum = -.infinity
        continue
      }
      oldMaximum = maximum <= 0 ? .infinity : maximum
      oldMinimum = minimum >= 0 ? -.infinity : minimum
    }
    _ = oldMinimum
    self.weights = weights
    self.bias = biasWeight * biasFeature
    self.iterations = iteration
  }

  /// The signed distance-like score scikit-learn's `decision_function` gives.
  public func decision(_ row: Row) -> Double {
    var total = bias
    for (index, value) in row where index < weights.count { total += weights[index] * value }
    return total
  }
}

/// A seeded generator for the solver's example order.
struct SeededShuffle {
  var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
  mutating func next(below bound: Int) -> Int {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(bound))
  }
}
