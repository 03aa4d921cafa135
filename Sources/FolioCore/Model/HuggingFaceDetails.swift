/// What a Hugging Face daily_papers entry says about a paper beyond its bibliographic fields:
/// the AI summary, the GitHub stars, the organisation, who submitted it, whether it was
/// withdrawn. Every field is optional; other sources leave them all empty.
public struct HuggingFaceDetails: Hashable, Sendable {
  /// Hugging Face's AI-written summary (`paper.ai_summary`), at most ``summaryScalarLimit``
  /// code points.
  public var summary: String?
  /// Stars of the paper's GitHub repository (`paper.githubStars`), clamped.
  public var githubStars: Int?
  /// The organisation the paper was submitted under (`organization`).
  public var organization: PaperOrganization?
  /// The user name of who submitted it to the daily list (`submittedBy.name`).
  public var submittedBy: String?
  /// Whether Hugging Face marks it withdrawn (`paper.withdrawnAt` set).
  public var isWithdrawn: Bool

  public init(
    summary: String? = nil, githubStars: Int? = nil, organization: PaperOrganization? = nil,
    submittedBy: String? = nil, isWithdrawn: Bool = false
  ) {
    self.summary = summary
    self.githubStars = githubStars
    self.organization = organization
    self.submittedBy = submittedBy
    self.isWithdrawn = isWithdrawn
  }

  /// The most code points of a stored summary; a longer one is cut and ends in "…". Hugging
  /// Face's summaries are a sentence or two; this bounds a hostile one like an abstract.
  public static let summaryScalarLimit = 4_000
  /// The most code points of a name (organisation name or full name, submitter).
  public static let nameScalarLimit = 200

  /// These details with text cleaned (see ``TextCleaner``) and cut to the limits, empty text
  /// dropped: they come from an untrusted feed.
  public var cleaned: HuggingFaceDetails {
    HuggingFaceDetails(
      summary: Self.clean(summary, limit: Self.summaryScalarLimit),
      githubStars: githubStars.map(ClampedCount.clamp),
      organization: organization.flatMap { organization in
        let name = Self.clean(organization.name, limit: Self.nameScalarLimit)
        let fullName = Self.clean(organization.fullName, limit: Self.nameScalarLimit)
        guard name != nil || fullName != nil else { return nil }
        return PaperOrganization(name: name ?? fullName!, fullName: fullName)
      },
      submittedBy: Self.clean(submittedBy, limit: Self.nameScalarLimit),
      isWithdrawn: isWithdrawn)
  }

  /// These details updated with `newer`'s: a field `newer` has replaces this one's; the stars,
  /// which only grow, keep the larger count; a withdrawn mark stays (a feed that leaves the
  /// field out says nothing about it).
  public func merged(with newer: HuggingFaceDetails) -> HuggingFaceDetails {
    HuggingFaceDetails(
      summary: newer.summary ?? summary,
      githubStars: githubStars.map { max($0, newer.githubStars ?? $0) } ?? newer.githubStars,
      organization: newer.organization ?? organization,
      submittedBy: newer.submittedBy ?? submittedBy,
      isWithdrawn: isWithdrawn || newer.isWithdrawn)
  }

  /// `text` cleaned, nil when empty, cut to `limit` code points with "…".
  static func clean(_ text: String?, limit: Int) -> String? {
    guard let text else { return nil }
    let cleaned = TextCleaner.clean(text)
    guard !cleaned.isEmpty else { return nil }
    return Self.cut(cleaned, limit: limit)
  }

  /// `text` cut after `limit` code points with "…"; looks at no more than that many.
  static func cut(_ text: String, limit: Int) -> String {
    var scalars = String.UnicodeScalarView()
    for (count, scalar) in text.unicodeScalars.enumerated() {
      guard count < limit else { return String(scalars) + "…" }
      scalars.append(scalar)
    }
    return text
  }
}

/// A Hugging Face organisation: its handle (`name`, as in huggingface.co/NAME) and its
/// display name (`fullname`).
public struct PaperOrganization: Hashable, Sendable {
  public var name: String
  public var fullName: String?

  public init(name: String, fullName: String? = nil) {
    self.name = name
    self.fullName = fullName
  }

  /// The display name when there is one, else the handle.
  public var displayName: String { fullName ?? name }
}
