/// Fuzzy matching for the palette and the help's filter: the query's characters must appear
/// in the candidate in order (a subsequence, ignoring case); a match scores higher the more of
/// it is a prefix, starts words and runs contiguously. One pass over each string: linear in
/// their lengths.
public enum FuzzyMatch {
  /// The longest query the palette and the help's filter take; longer typing is ignored.
  public static let maxQueryLength = 64

  /// The score of `query` in `candidate`, nil when it does not match; an empty query matches
  /// everything with 0. Higher is better.
  public static func score(_ query: String, in candidate: String) -> Int? {
    let wanted = Array(query.lowercased().prefix(maxQueryLength))
    guard !wanted.isEmpty else { return 0 }
    var next = 0
    var score = 0
    var previous: Int?
    var first: Int?
    var before: Character?
    for (index, character) in candidate.lowercased().enumerated() {
      defer { before = character }
      guard next < wanted.count else { break }
      guard character == wanted[next] else { continue }
      var points = 1
      if index == 0 { points += 8 }
      if before.map({ !$0.isLetter && !$0.isNumber }) ?? true { points += 6 }
      if let previous, previous == index - 1 { points += 4 }
      score += points
      first = first ?? index
      previous = index
      next += 1
    }
    guard next == wanted.count, let first, let previous else { return nil }
    // Characters skipped inside the match cost a little, so tight matches rank first.
    let gaps = previous - first + 1 - wanted.count
    return score * 16 - min(gaps, 15)
  }

  /// The best score of `query` among `candidates` (an action's name and its help text).
  public static func score(_ query: String, inAny candidates: [String]) -> Int? {
    candidates.compactMap { score(query, in: $0) }.max()
  }

  /// The indices of `candidates` that match `query`, best first; equal scores keep their order.
  public static func rank(_ query: String, _ candidates: [[String]]) -> [Int] {
    candidates.indices.compactMap { index in
      score(query, inAny: candidates[index]).map { (index: index, score: $0) }
    }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.map(\.index)
  }
}
