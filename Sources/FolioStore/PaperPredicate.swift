import FolioCore

/// Which papers a query selects, as the store understands it: fields, user state, features,
/// full-text matches, and AND/OR/NOT over them. FolioQuery compiles its language into this
/// (topics already expanded, relative days already resolved); the store alone turns it into
/// SQL (``PaperFilter``), so the schema's tables and columns are named in one module.
///
/// Nesting is bounded by the caller: FolioQuery never builds one deeper than
/// `QueryNode.maximumDepth` levels, and rendering walks it once.
public indirect enum PaperPredicate: Hashable, Sendable {
  /// Every paper.
  case always
  /// Papers the full-text index matches.
  case match(TextMatch)
  /// The paper whose stable id is this (a paper with an arXiv id has it as its stable id).
  case id(String)
  /// Papers whose stable id begins with this text, taken literally.
  case idPrefix(String)
  /// Papers from this source.
  case source(String)
  /// Papers whose listing day compares so with this day.
  case day(Comparison, Day)
  /// Papers with an upvote count that compares so with this number (none without a count).
  case upvotes(Comparison, Int)
  /// Papers whose Semantic Scholar citation count compares so with this number (none that
  /// were never asked about or that Semantic Scholar does not know).
  case citations(Comparison, Int)
  /// Papers in this user state.
  case state(UserState)
  /// Papers that have this.
  case has(Feature)
  /// Papers carrying the tag whose folded key (``FolioCore/TagName/key``) is this.
  case tag(String)
  /// Papers with these categories, keywords, organisation, summary or mark (hf, issue 18).
  case facet(PaperFacet)
  /// Papers every child selects (every paper when there are none).
  case and([PaperPredicate])
  /// Papers some child selects (none when there are none).
  case or([PaperPredicate])
  /// Papers the child does not select.
  case not(PaperPredicate)

  /// How a field compares with a value.
  public enum Comparison: Hashable, Sendable, CaseIterable {
    case equal, less, lessOrEqual, greater, greaterOrEqual
  }

  /// What the user did with a paper.
  public enum UserState: Hashable, Sendable, CaseIterable {
    case starred, unstarred, unread, read
    /// Dismissed ("not interested"); mentioning it anywhere in a query lifts the default
    /// exclusion of dismissed papers (``PaperFilter``).
    case dismissed
  }

  /// What a paper can have.
  public enum Feature: Hashable, Sendable, CaseIterable {
    /// A note written by the user.
    case note
    /// A link to its code.
    case code
    /// An arXiv id.
    case arxiv
    /// At least one tag.
    case tag
  }

  /// Whether `is:dismissed` appears anywhere in the predicate: then the listing does not
  /// leave dismissed papers out by default (``PaperFilter/showsDismissed``). Walks the tree
  /// once; its depth is bounded by the caller (see above).
  public var mentionsDismissed: Bool {
    switch self {
    case .state(.dismissed): true
    case .and(let children), .or(let children): children.contains { $0.mentionsDismissed }
    case .not(let child): child.mentionsDismissed
    default: false
    }
  }
}

/// A full-text search the index answers, as a value: the store renders it as an FTS5
/// expression in which every token is a quoted string, so nothing a user typed is read as
/// FTS5 syntax.
public indirect enum TextMatch: Hashable, Sendable {
  /// A phrase: these folded tokens (letters and digits, see ``SearchTokenizer``) next to each
  /// other, in one column or any; with `prefix`, the last token matches any word it begins.
  case phrase([String], in: Column?, prefix: Bool)
  /// Matches of all of them; never empty (FTS5 has no expression for "everything").
  case and([TextMatch])
  /// Matches of any of them; never empty.
  case or([TextMatch])
  /// Matches of the first that the second does not match (FTS5's binary NOT).
  case subtracting(TextMatch, TextMatch)

  /// A column of the full-text index.
  public enum Column: Hashable, Sendable, CaseIterable {
    case title, abstract, authors
  }

  /// The prefix length the full-text index keeps a prefix index for (the schema's
  /// `prefix='3'`): a longer prefix is cheaper searched as the words it stands for
  /// (``LibraryStore/searchTerms(startingWith:limit:)``).
  public static let indexedPrefixLength = 3

  /// One word or phrase in any column.
  public static func phrase(_ tokens: [String], prefix: Bool = false) -> TextMatch {
    .phrase(tokens, in: nil, prefix: prefix)
  }
}
