import Foundation

/// What the reader did with a paper, as the for-you model learns from it. One paper gives one
/// signal: the strongest it has (``ForYouSignal/strength``), timestamped when it was given.
public enum ForYouSignal: String, CaseIterable, Hashable, Sendable {
  /// Starred: the clearest "more like this".
  case starred
  /// A note written on it.
  case noted
  /// Put in one of the user's tags.
  case tagged
  /// Read full screen (weak).
  case viewed
  /// Its link or PDF opened (weak).
  case opened
  /// Marked read in the list without any of the above (weak "not this").
  case skipped
  /// Dismissed: "not interested" (strong "not this").
  case dismissed

  /// Whether the signal says the reader wants papers like this one.
  public var isPositive: Bool { label > 0 }

  /// +1 for a positive signal, -1 for a negative one.
  public var label: Double {
    switch self {
    case .starred, .noted, .tagged, .viewed, .opened: 1
    case .skipped, .dismissed: -1
    }
  }

  /// How much the signal counts, before its age is taken into account.
  public var strength: Double {
    switch self {
    case .starred, .noted, .tagged, .dismissed: 1
    case .viewed, .opened: 0.35
    case .skipped: 0.2
    }
  }

  /// Whether the signal counts towards the three positive signals that end the cold start.
  public var endsColdStart: Bool {
    switch self {
    case .starred, .noted, .tagged: true
    default: false
    }
  }
}

/// One paper the model learns from: its document, the signal and when it was given.
public struct TrainingExample: Hashable, Sendable {
  public var document: RecommendDocument
  public var signal: ForYouSignal
  public var at: Date

  public init(document: RecommendDocument, signal: ForYouSignal, at: Date) {
    self.document = document
    self.signal = signal
    self.at = at
  }
}
