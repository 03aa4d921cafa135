/// arXiv identifiers in every spelling feeds use, reduced to one canonical form.
///
/// Canonical: bare, lower-case, no version: `2401.01234`, `hep-th/9901001`, `math.gt/0309136`.
public enum ArxivID {
  /// The canonical id inside `text`, or nil when `text` is not an arXiv id.
  ///
  /// Accepts `arXiv:2401.01234v2`, `http://arxiv.org/abs/1605.08386v1`,
  /// `https://arxiv.org/pdf/2401.01234v1.pdf`, `oai:arXiv.org:2401.01234v1`, `hep-th/9901001v3`;
  /// surrounding whitespace (feeds indent `<id>` on lines of its own) and a URL's query
  /// (`?context=cs`) or fragment (`#section`) are ignored, as no id contains them.
  public static func normalize(_ text: some StringProtocol) -> String? {
    var id = Substring(text.lowercased())
    if let end = id.firstIndex(where: { $0 == "?" || $0 == "#" }) { id = id[..<end] }
    id = id.drop(while: \.isWhitespace)
    while id.last?.isWhitespace == true { id = id.dropLast() }
    for prefix in ["https://", "http://"] where id.hasPrefix(prefix) {
      id = id.dropFirst(prefix.count)
    }
    for prefix in ["www.", "export."] where id.hasPrefix(prefix) {
      id = id.dropFirst(prefix.count)
    }
    for prefix in ["arxiv.org/abs/", "arxiv.org/pdf/", "oai:arxiv.org:", "arxiv:"]
    where id.hasPrefix(prefix) {
      id = id.dropFirst(prefix.count)
      break
    }
    if id.hasSuffix(".pdf") { id = id.dropLast(4) }
    while id.last == "/" { id = id.dropLast() }
    id = stripVersion(id)
    return isNewStyle(id) || isOldStyle(id) ? String(id) : nil
  }

  /// `YYMM.NNNN` or `YYMM.NNNNN`.
  static func isNewStyle(_ id: Substring) -> Bool {
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, (4...5).contains(parts[1].count) else {
      return false
    }
    return parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
  }

  /// `archive(.subject)?/YYMMNNN`, e.g. `hep-th/9901001`, `math.gt/0309136`.
  static func isOldStyle(_ id: Substring) -> Bool {
    let parts = id.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 7, parts[1].allSatisfy(\.isASCIIDigit) else {
      return false
    }
    let archive = parts[0]
    guard let first = archive.first, first.isASCIILowercaseLetter else { return false }
    return archive.allSatisfy { $0.isASCIILowercaseLetter || $0 == "-" || $0 == "." }
  }

  private static func stripVersion(_ id: Substring) -> Substring {
    guard let v = id.lastIndex(of: "v") else { return id }
    let digits = id[id.index(after: v)...]
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return id }
    return id[..<v]
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
  var isASCIILowercaseLetter: Bool { ("a"..."z").contains(self) }
}
