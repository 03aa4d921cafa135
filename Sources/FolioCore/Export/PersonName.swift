/// An author's name split into the parts reference managers keep apart (RIS's
/// "Family, Given", CSL-JSON's `family`/`given`), as Zotero and BibTeX split a byline name:
/// the last word is the family name, lower-case particles before it ("van", "de la") go with
/// it, a trailing "Jr."/"III" is the suffix; "Li, Fei-Fei" is already inverted. A single word
/// or a collaboration ("ATLAS Collaboration") is not split: it is a `literal`, as citeproc and
/// Zotero keep single-field names.
public struct PersonName: Hashable, Sendable {
  /// The family name without its particle ("Beethoven"); empty for a literal.
  public var family: String
  /// Given names and initials ("Ludwig", "A. B."), nil when there are none.
  public var given: String?
  /// Lower-case particles kept with the family name ("van", "de la"): CSL's
  /// `non-dropping-particle`.
  public var particle: String?
  /// "Jr.", "III", ...
  public var suffix: String?
  /// The whole name when it is not a person's name in parts (one word, a collaboration).
  public var literal: String?

  public init(
    family: String, given: String? = nil, particle: String? = nil, suffix: String? = nil
  ) {
    self.family = family
    self.given = given
    self.particle = particle
    self.suffix = suffix
  }

  public init(literal: String) {
    self.family = ""
    self.literal = literal
  }

  /// `name` (a byline name, cleaned of controls and extra spaces first) in its parts.
  /// Linear in the name's length.
  public init(parsing name: String) {
    let cleaned = TextCleaner.clean(name)
    if cleaned.contains(",") {
      let parts = cleaned.split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      self = Self.inverted(parts, whole: cleaned)
    } else {
      self = Self.natural(cleaned.split(separator: " ").map(String.init), suffix: nil)
    }
  }

  /// "van Beethoven, Ludwig" (RIS's `AU`, Zotero's "Last, First"): the family name with its
  /// particle, the given names, then the suffix; a literal as it is.
  public var inverted: String {
    if let literal { return literal }
    var parts = [familyWithParticle]
    if let given { parts.append(given) }
    if let suffix {
      if given == nil { parts.append("") }
      parts.append(suffix)
    }
    return parts.joined(separator: ", ")
  }

  /// "van Beethoven": what Zotero stores as the last name.
  public var familyWithParticle: String {
    particle.map { "\($0) \(family)" } ?? family
  }

  // MARK: - Parsing

  /// Words that start a family name when written in lower case.
  static let particles: Set<String> = [
    "van", "von", "der", "den", "de", "del", "della", "dei", "degli", "di", "da", "das", "dos",
    "do", "du", "des", "la", "le", "ter", "ten", "zu", "af", "av", "bin", "ibn", "al", "el",
  ]

  /// Name suffixes, compared without a trailing full stop.
  static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "2nd", "3rd"]

  /// Words that make a byline name a group's, kept whole.
  static let groupWords: Set<String> = [
    "collaboration", "consortium", "team", "committee", "group", "project", "initiative",
    "organization", "organisation", "institute", "laboratory", "university", "association",
  ]

  static func isSuffix(_ word: some StringProtocol) -> Bool {
    var lowered = word.lowercased()
    if lowered.hasSuffix(".") { lowered.removeLast() }
    return suffixes.contains(lowered)
  }

  static func isParticle(_ word: String) -> Bool {
    particles.contains(word) && word == word.lowercased()
  }

  /// "Family, Given", "Family, Given, Jr.", "Family, Jr., Given" (BibTeX's order), or a
  /// natural-order name with a comma before its suffix ("Martin Luther King, Jr.").
  static func inverted(_ parts: [String], whole: String) -> PersonName {
    guard parts.count >= 2 else {
      return natural(
        (parts.first ?? "").split(separator: " ").map(String.init), suffix: nil)
    }
    if parts.count == 2, isSuffix(parts[1]) {
      return natural(parts[0].split(separator: " ").map(String.init), suffix: parts[1])
    }
    var given = Array(parts.dropFirst())
    var suffix: String?
    if given.count >= 2, let index = given.firstIndex(where: { isSuffix($0) }) {
      suffix = given.remove(at: index)
    }
    let familyWords = parts[0].split(separator: " ").map(String.init)
    if isGroup(familyWords) { return PersonName(literal: whole) }
    // Leading particles, leaving at least one word of family name (an index, not removeFirst:
    // a hostile name of many particles stays linear).
    var particleEnd = 0
    while particleEnd < familyWords.count - 1, isParticle(familyWords[particleEnd]) {
      particleEnd += 1
    }
    var name = PersonName(
      family: familyWords[particleEnd...].joined(separator: " "),
      given: given.joined(separator: " "),
      particle: particleEnd == 0 ? nil : familyWords[..<particleEnd].joined(separator: " "),
      suffix: suffix)
    if name.given?.isEmpty == true { name.given = nil }
    return name
  }

  /// "Given … particles Family [Suffix]".
  static func natural(_ words: [String], suffix: String?) -> PersonName {
    var words = words
    var suffix = suffix
    if suffix == nil, words.count > 2, let last = words.last, isSuffix(last) {
      suffix = words.removeLast()
    }
    guard words.count > 1, !isGroup(words) else {
      let whole = (words + (suffix.map { [$0] } ?? [])).joined(separator: " ")
      return PersonName(literal: whole)
    }
    // The family name starts at the first particle that has a word after it, else it is the
    // last word.
    var start = words.count - 1
    var particleEnd = start
    if let first = words.indices.dropLast().first(where: { isParticle(words[$0]) }) {
      var end = first
      while end < words.count - 1, isParticle(words[end]) { end += 1 }
      start = first
      particleEnd = end
    }
    let given = words[..<start].joined(separator: " ")
    return PersonName(
      family: words[particleEnd...].joined(separator: " "),
      given: given.isEmpty ? nil : given,
      particle: particleEnd > start ? words[start..<particleEnd].joined(separator: " ") : nil,
      suffix: suffix)
  }

  static func isGroup(_ words: [String]) -> Bool {
    words.contains { groupWords.contains($0.lowercased()) }
  }
}
