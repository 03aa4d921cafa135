import Foundation

/// Papers as BibTeX entries in the `@misc` shape arXiv itself gives.
public enum BibTeXExporter {
  /// Every paper as an entry, keys unique (`lastnameYEARfirstword`, then `a`, `b`, ... on
  /// clashes), separated by blank lines; a comment when there are none.
  public static func render(_ document: ExportDocument) -> String {
    guard !document.entries.isEmpty else {
      return "% \(document.title): \(document.emptyMessage)\n"
    }
    var used: Set<String> = []
    var entries: [String] = []
    for entry in document.entries.sorted(by: ExportDocument.dayThenTitle) {
      let base = key(for: entry.paper.paper)
      var key = base
      var suffix = 0
      while used.contains(key) {
        key = base + Self.suffix(suffix)
        suffix += 1
      }
      used.insert(key)
      entries.append(self.entry(entry.paper.paper, key: key))
    }
    return entries.joined(separator: "\n\n") + "\n"
  }

  static func entry(_ paper: Paper, key: String) -> String {
    var fields: [(String, String?)] = [
      ("title", escape(paper.title)),
      (
        "author", paper.authors.isEmpty ? nil : paper.authors.map(escape).joined(separator: " and ")
      ),
      ("year", String(year(of: paper))),
    ]
    if let arxivID = paper.arxivID {
      fields += [
        ("eprint", arxivID), ("archivePrefix", "arXiv"),
        ("primaryClass", paper.categories.first.map(escape)),
        ("url", "https://arxiv.org/abs/\(arxivID)"),
      ]
    } else {
      fields.append(("url", paper.bestURL.map(escapeURL)))
    }
    let body = fields.compactMap { name, value in value.map { "  \(name)={\($0)}" } }
    return "@misc{\(key),\n" + body.joined(separator: ",\n") + "\n}"
  }

  static func year(of paper: Paper) -> Int { (paper.published ?? paper.day).year }

  /// `lastnameYEARfirstword`: the first author's last name and the title's first word, in
  /// lower-case ASCII letters and digits.
  static func key(for paper: Paper) -> String {
    let lastName =
      paper.authors.first.flatMap { $0.split(separator: " ").last }.map(String.init) ?? "anonymous"
    let firstWord =
      paper.title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map(String.init)
      ?? "paper"
    return ascii(lastName) + String(year(of: paper)) + ascii(firstWord)
  }

  private static func ascii(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased()
    return String(
      folded.unicodeScalars.filter {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0)))
      }.map(Character.init))
  }

  private static func suffix(_ index: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return index < 26
      ? String(letters[index]) : String(letters[index / 26 - 1]) + String(letters[index % 26])
  }

  /// `text` with BibTeX's special characters escaped; non-ASCII stays as UTF-8.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "{", "}", "%", "&", "#", "_", "$": out += "\\\(character)"
      case "\\": out += "\\textbackslash{}"
      case "~": out += "\\textasciitilde{}"
      case "^": out += "\\textasciicircum{}"
      default: out.append(character)
      }
    }
    return out
  }

  /// A URL inside `url={...}`: braces, `%` and `#` escaped.
  static func escapeURL(_ url: String) -> String {
    var out = ""
    for character in url {
      if "{}%#\\".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
