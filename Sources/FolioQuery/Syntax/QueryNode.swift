import FolioCore
import FolioStore

/// A query, parsed: what `folio list --filter`, topics and the reader's search line mean.
public indirect enum QueryNode: Hashable, Sendable {
  /// Everything (the empty query).
  case all
  /// Full-text match of a word, phrase or prefix, in any text field or one of them.
  case text(TextField, TextTerm)
  /// `id:` the paper's stable id or arXiv id; `prefix` for a trailing `*`.
  case id(String, prefix: Bool)
  /// `topic:NAME`; `column` locates it in the query, for errors about the name.
  case topic(String, column: Int)
  /// `source:NAME`.
  case source(String)
  /// `day:...`.
  case day(Comparison, DayValue)
  /// `upvotes:...`; papers without an upvote count never match.
  case upvotes(Comparison, Int)
  /// `cites:...`: Semantic Scholar's citation count; papers never asked about or unknown to
  /// Semantic Scholar never match.
  case citations(Comparison, Int)
  /// `is:starred`, `is:unread`, ...
  case state(PaperStateKind)
  /// `has:note`, `has:code`, `has:arxiv`, `has:tag`.
  case has(PaperFeature)
  /// `tag:NAME`: the tag's folded key (``FolioCore/TagName/key``), so case does not matter.
  case tag(String)
  /// `cat:`, `kw:`, `org:`, `has:summary`, `is:withdrawn` (what arXiv and Hugging Face say), and
  /// `has:pdf` (the PDF cache; its names are the compiler's and evaluator's `cachedPDFs`).
  case facet(PaperFacet)
  case and([QueryNode])
  case or([QueryNode])
  case not(QueryNode)
}

/// The text a full-text term searches.
public enum TextField: String, Hashable, Sendable, CaseIterable {
  case any
  case title
  case abstract
  case author

  /// The full-text index's column, nil for all of them.
  var column: TextMatch.Column? {
    switch self {
    case .any: nil
    case .title: .title
    case .abstract: .abstract
    case .author: .authors
    }
  }
}

/// A word, `"quoted phrase"` or prefix (`learn*`) to find in text.
public struct TextTerm: Hashable, Sendable {
  /// The text as written, without quotes or `*`.
  public var text: String
  /// The folded search tokens of `text` (see ``SearchTokenizer``); never empty.
  public var tokens: [String]
  /// The last token matches any word it begins.
  public var isPrefix: Bool

  public init(text: String, isPrefix: Bool = false) {
    self.text = text
    self.tokens = SearchTokenizer.tokens(text)
    self.isPrefix = isPrefix
  }
}

public enum Comparison: String, Hashable, Sendable, CaseIterable {
  case equal = "="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  func holds<T: Comparable>(_ value: T, _ bound: T) -> Bool {
    switch self {
    case .equal: value == bound
    case .less: value < bound
    case .lessOrEqual: value <= bound
    case .greater: value > bound
    case .greaterOrEqual: value >= bound
    }
  }
}

/// A day in a `day:` condition; relative days resolve against "today" when compiled.
public enum DayValue: Hashable, Sendable {
  case date(Day)
  case today
  case yesterday
  /// `-Nd`: the last N days, today included.
  case lastDays(Int)
}

public enum PaperStateKind: String, Hashable, Sendable, CaseIterable {
  case starred, unstarred, unread, read
  /// `is:dismissed`: also lifts the default exclusion of dismissed papers.
  case dismissed
}

public enum PaperFeature: String, Hashable, Sendable, CaseIterable {
  case note, code, arxiv, tag
}
