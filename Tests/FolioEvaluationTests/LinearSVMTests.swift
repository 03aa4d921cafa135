import FolioCore
import FolioEvaluation
import Foundation
import XCTest

final class LinearSVMTests: XCTestCase {
  /// x = ±1 with labels ±1, bias feature 1: by symmetry b = 0, and ½w² + 2C(1 − w)² is least
  /// at w = 4C / (1 + 4C).
  func testSymmetricProblemHasItsClosedFormAnswer() {
    for c in [0.01, 0.25, 1.0] {
      let svm = LinearSVM(
        rows: [[(0, 1.0)], [(0, -1.0)]], labels: [1, -1], dimension: 1, c: c, balanced: false)
      XCTAssertEqual(svm.weights[0], 4 * c / (1 + 4 * c), accuracy: 1e-6)
      XCTAssertEqual(svm.bias, 0, accuracy: 1e-6)
    }
  }

  /// On a random problem the primal's gradient, w − 2 Σ Cᵢ yᵢ xᵢ max(0, 1 − yᵢ f(xᵢ)) (the bias
  /// as a feature of value 1), is zero at the solution; balanced classes weigh each example
  /// n / (2 n_class).
  func testRandomProblemMeetsTheOptimalityConditions() {
    var generator = SplitMix64(seed: 42)
    let dimension = 6
    var rows: [LinearSVM.Row] = []
    var labels: [Double] = []
    for index in 0..<40 {
      let label: Double = index % 4 == 0 ? 1 : -1
      rows.append(
        (0..<dimension).map { feature in
          (feature, Double.random(in: -1...1, using: &generator) + (feature == 0 ? label : 0))
        })
      labels.append(label)
    }
    let c = 0.5
    let svm = LinearSVM(
      rows: rows, labels: labels, dimension: dimension, c: c, tolerance: 1e-10)
    let positives = Double(labels.filter { $0 > 0 }.count)
    var gradient = svm.weights
    var biasGradient = svm.bias
    for (row, label) in zip(rows, labels) {
      let cost = c * 40 / (2 * (label > 0 ? positives : 40 - positives))
      let slack = max(0, 1 - label * svm.decision(row))
      for (index, value) in row { gradient[index] -= 2 * cost * label * value * slack }
      biasGradient -= 2 * cost * label * slack
    }
    for value in gradient + [biasGradient] { XCTAssertEqual(value, 0, accuracy: 1e-5) }
    XCTAssertGreaterThan(svm.weights[0], 0)
  }
}
