import FolioCore

/// What "inert" means for text Folio keeps: nothing a terminal would act on.
enum InertText {
  /// The first scalar in `text` a terminal could act on (C0 and C1 controls, DEL, bidi
  /// controls), or nil when there is none. Newlines are allowed where `multiline`.
  static func offendingScalar(in text: String, multiline: Bool = false) -> Unicode.Scalar? {
    text.unicodeScalars.first { scalar in
      let value = scalar.value
      if multiline && value == 0x0A { return false }
      return value < 0x20 || (0x7F..<0xA0).contains(value) || TextCleaner.isBidiControl(scalar)
    }
  }

  /// A finding for each field of `paper` that is not inert.
  static func findings(in paper: Paper) -> [String] {
    var fields: [(String, String)] = [
      ("id", paper.id), ("title", paper.title), ("abstract", paper.abstract),
      ("source", paper.source), ("day", paper.day.description),
    ]
    fields += paper.authors.map { ("author", $0) }
    fields += paper.categories.map { ("category", $0) }
    fields += paper.keywords.map { ("keyword", $0) }
    fields += paper.links.labelled.map { ("link", $0.url) }
    if let arxivID = paper.arxivID { fields.append(("arXiv id", arxivID)) }
    return fields.compactMap { name, value in
      offendingScalar(in: value).map {
        "\(name) keeps U+\(String($0.value, radix: 16, uppercase: true)): \(value.debugDescription)"
      }
    }
  }
}
