import FolioCore

/// Categories, keywords and Hugging Face details for the synthetic library (issue 18), by
/// index and without drawing from the generator, so every other field stays as it was.
/// Shaped like arXiv's cs listing: cs.LG on about a third of the papers, rarer ones too.
extension SyntheticLibrary {
  static let primaryCategories = [
    "cs.LG", "cs.CV", "cs.CL", "cs.LG", "cs.AI", "cs.RO", "cs.LG", "stat.ML", "cs.CR", "eess.IV",
    "cs.IR", "q-bio.NC", "math.OC",
  ]
  static let crossLists = ["cs.AI", "stat.ML", "cs.LG", "cs.NE", "cs.HC"]
  static let keywordPool = [
    "diffusion models", "large language models", "reinforcement learning", "benchmark",
    "vision transformer", "retrieval-augmented generation", "graph neural networks", "RLHF",
    "mixture of experts", "instruction tuning", "3D reconstruction", "speech recognition",
  ]
  static let organizations = [
    PaperOrganization(name: "google", fullName: "Google"),
    PaperOrganization(name: "meta-llama", fullName: "Meta Llama"),
    PaperOrganization(name: "nvidia", fullName: "NVIDIA"),
    PaperOrganization(name: "allenai", fullName: "Ai2"),
    PaperOrganization(name: "Qwen", fullName: "Qwen"),
  ]

  /// A primary category, and a cross-list on every other paper.
  static func categories(_ index: Int) -> [String] {
    let primary = primaryCategories[index % primaryCategories.count]
    let cross = crossLists[(index / 7) % crossLists.count]
    return index % 2 == 0 && cross != primary ? [primary, cross] : [primary]
  }

  /// Two or three keywords on the papers Hugging Face would have featured (one in four).
  static func keywords(_ index: Int) -> [String] {
    guard index % 4 == 0 else { return [] }
    return (0..<(2 + index % 2)).map { keywordPool[(index / 4 + $0 * 5) % keywordPool.count] }
  }

  /// A summary and stars on the featured papers, an organisation on some, a few withdrawn.
  static func huggingFace(_ index: Int) -> HuggingFaceDetails {
    guard index % 4 == 0 else { return HuggingFaceDetails() }
    return HuggingFaceDetails(
      summary: "The paper proposes a method and shows it beats the baselines.",
      githubStars: index % 3 == 0 ? (index * 37) % 5_000 : nil,
      organization: index % 12 == 0 ? organizations[(index / 12) % organizations.count] : nil,
      isWithdrawn: index % 997 == 0)
  }
}
