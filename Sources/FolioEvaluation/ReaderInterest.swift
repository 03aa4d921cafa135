import Foundation

/// A simulated reader's interest: a rule over a paper's title that says whether the paper is
/// in it. The rules are keyword patterns checked by eye against the bundled sample's titles
/// (docs/recommendations.md lists the sizes); titles only, because abstracts mention side
/// topics ("unlike reinforcement learning, ...") that a reader would not star for.
public struct ReaderInterest: Sendable {
  /// The interest's name in the table.
  public var name: String
  /// Lowercased title fragments (regular expressions) that put a paper in the interest.
  public var including: String
  /// Fragments that keep a paper out even when `including` matches (nil: none).
  public var excluding: String?

  public init(name: String, including: String, excluding: String? = nil) {
    self.name = name
    self.including = including
    self.excluding = excluding
  }

  /// Whether the paper titled `title` is in the interest.
  public func contains(title: String) -> Bool {
    let text = title.lowercased()
    guard text.range(of: including, options: .regularExpression) != nil else { return false }
    guard let excluding else { return true }
    return text.range(of: excluding, options: .regularExpression) == nil
  }

  /// The eight interests of the evaluation, each 13–30 papers of the bundled sample.
  public static let sample: [ReaderInterest] = [
    ReaderInterest(
      name: "person re-identification", including: "re-?identification|reident|person search"),
    ReaderInterest(
      name: "continual learning",
      including:
        "continual|lifelong|catastrophic forgetting|incremental learning|experience replay"),
    ReaderInterest(
      name: "reinforcement learning",
      including: "reinforcement|q-learning|off-policy|deep rl|polic(y|ies)|reward|eligibility"),
    ReaderInterest(
      name: "retrieval and ranking",
      including: "retriev|re-?rank|passage|ranking|query|inverted ind",
      excluding: "re-?identification|person search"),
    ReaderInterest(
      name: "image generation and editing",
      including:
        "diffusion|text-to-image|image generation|editing|inpaint|super-resolution|relighting"
        + "|reenact|portrait|face generation|synthesis|texturing|personalization",
      excluding: "re-?identification"),
    ReaderInterest(
      name: "privacy and attacks",
      including: "privacy|private|attack|poisoning|federated|unlearning|adversarial"),
    ReaderInterest(
      name: "state-space and sequence models",
      including:
        "state[- ]space|hippo|hyena|recurrent|long convolution|sub-quadratic|sequence model"
        + "|long-range|monarch"),
    ReaderInterest(
      name: "medical and clinical",
      including:
        "clinical|medical|mri|disease|diagnos|biomedical|x-ray|neuroimage|eeg|pubmed|medication"),
  ]
}
