import FolioCore

/// What one simulated reader did with the training half of the library, and what they would
/// want from the other half. Indices are positions in the evaluation's paper list.
public struct SimulatedReader: Sendable {
  /// Starred papers of the interest, in the order starred (the last is the newest).
  public var starred: [Int]
  /// Papers from other interests dismissed ("not interested").
  public var dismissed: [Int]
  /// Papers outside the interest marked read without a star (weak negatives).
  public var skipped: [Int]
  /// Training papers with no signal.
  public var unlabelled: [Int]
  /// The held-out papers to rank, in listing order.
  public var test: [Int]
  /// The held-out papers in the interest.
  public var relevant: Set<Int>

  /// How many papers each reader dismisses and marks read without starring.
  public static let dismissals = 3
  public static let skips = 15
  /// The share of the library in the training split.
  public static let trainingShare = 0.7

  /// The reader who stars up to `stars` training papers of the papers `interesting` in a
  /// split of `count` papers made from `splitSeed`; their choices come from `readerSeed`.
  public init(
    count: Int, interesting: Set<Int>, stars: Int, splitSeed: UInt64, readerSeed: UInt64
  ) {
    var splitGenerator = SplitMix64(seed: splitSeed)
    let shuffled = Array(0..<count).shuffled(using: &splitGenerator)
    let trainingCount = Int((Double(count) * Self.trainingShare).rounded())
    let training = Array(shuffled.prefix(trainingCount))
    test = shuffled.dropFirst(trainingCount).sorted()
    relevant = Set(test.filter(interesting.contains))
    var generator = SplitMix64(seed: readerSeed)
    let liked = training.filter(interesting.contains).sorted().shuffled(using: &generator)
    starred = Array(liked.prefix(stars))
    let others = training.filter { !interesting.contains($0) }.sorted().shuffled(using: &generator)
    dismissed = Array(others.prefix(Self.dismissals))
    skipped = Array(others.dropFirst(Self.dismissals).prefix(Self.skips))
    let labelled = Set(starred + dismissed + skipped)
    unlabelled = training.filter { !labelled.contains($0) }.sorted()
  }
}
