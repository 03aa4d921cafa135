extension PaperIdentity {
  /// Whether `a` and `b`, whose titles have the same key, may be one paper: false when their
  /// author lists share no name, or their abstracts hardly share a word. With no arXiv id to
  /// tell, a title alone must not let one paper replace another ("Introduction" by other
  /// authors); what either side lacks says nothing.
  ///
  /// Looks at the first ``comparedWords`` words of each text: linear, and cheap per import.
  public static func maySamePaper(_ a: Paper, _ b: Paper) -> Bool {
    let authorsA = nameWords(a.authors)
    let authorsB = nameWords(b.authors)
    if !authorsA.isEmpty, !authorsB.isEmpty, authorsA.isDisjoint(with: authorsB) { return false }
    let wordsA = abstractWords(a.abstract)
    let wordsB = abstractWords(b.abstract)
    let smaller = min(wordsA.count, wordsB.count)
    guard smaller >= minimumComparedWords else { return true }
    let shared =
      wordsA.count < wordsB.count
      ? wordsA.filter(wordsB.contains).count : wordsB.filter(wordsA.contains).count
    // A revised abstract keeps most of its words; another paper's shares its field's.
    return shared * 2 >= smaller
  }

  /// Words of each text compared, at most.
  static let comparedWords = 400
  /// Distinct abstract words (of four letters or more) both sides need for the abstracts to
  /// count: a one-line placeholder tells nothing.
  static let minimumComparedWords = 10

  /// The words of the authors' names (two letters or more): "Wang Wei" and "Wei Wang" share.
  static func nameWords(_ authors: [String]) -> Set<String> {
    var words: Set<String> = []
    for author in authors.prefix(comparedWords) {
      for word in SearchTokenizer.tokens(String(author.prefix(200))) where word.count >= 2 {
        words.insert(word)
      }
    }
    return words
  }

  /// The distinct words of four letters or more in the abstract's first ``comparedWords``.
  static func abstractWords(_ abstract: String) -> Set<String> {
    let start = abstract.prefix(comparedWords * 12)
    return Set(SearchTokenizer.tokens(String(start)).prefix(comparedWords).filter { $0.count >= 4 })
  }
}
