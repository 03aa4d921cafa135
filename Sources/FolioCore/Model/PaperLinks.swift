/// The links a paper has: its arXiv pages, code and project page. Any of them may be missing.
public struct PaperLinks: Hashable, Sendable, Codable {
  /// The arXiv abstract page.
  public var abs: String?
  /// The PDF.
  public var pdf: String?
  /// A GitHub repository.
  public var github: String?
  /// A project page or other homepage.
  public var project: String?
  /// The paper's Hugging Face page (`https://huggingface.co/papers/<id>`).
  public var hf: String?

  public init(
    abs: String? = nil, pdf: String? = nil, github: String? = nil, project: String? = nil,
    hf: String? = nil
  ) {
    self.abs = abs
    self.pdf = pdf
    self.github = github
    self.project = project
    self.hf = hf
  }

  /// The arXiv links for a canonical arXiv id.
  public init(arxivID: String) {
    self.init(abs: "https://arxiv.org/abs/\(arxivID)", pdf: "https://arxiv.org/pdf/\(arxivID)")
  }

  /// The link to open for the paper: abstract page, else project page, else code, else PDF.
  public var main: String? { abs ?? project ?? github ?? pdf }

  /// The links in display order with their names.
  public var labelled: [(label: String, url: String)] {
    [("abs", abs), ("pdf", pdf), ("code", github), ("project", project), ("hf", hf)]
      .compactMap { label, url in url.map { (label, $0) } }
  }

  public var isEmpty: Bool {
    abs == nil && pdf == nil && github == nil && project == nil && hf == nil
  }

  /// These links with control characters and surrounding whitespace removed, and anything
  /// that is not an http(s) URL dropped: links from feeds are untrusted.
  public var cleaned: PaperLinks {
    func clean(_ url: String?) -> String? {
      guard let url else { return nil }
      let text = TextCleaner.clean(url)
      let lowered = text.lowercased()
      guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), text.count > 8 else {
        return nil
      }
      return text
    }
    return PaperLinks(
      abs: clean(abs), pdf: clean(pdf), github: clean(github), project: clean(project),
      hf: clean(hf))
  }

  /// These links with every link `newer` has put in their place.
  public func merged(with newer: PaperLinks) -> PaperLinks {
    PaperLinks(
      abs: newer.abs ?? abs, pdf: newer.pdf ?? pdf, github: newer.github ?? github,
      project: newer.project ?? project, hf: newer.hf ?? hf)
  }
}
