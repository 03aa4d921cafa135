import FolioCore
import FolioQuery
import FolioStore

/// A query applied to the list.
public struct ActiveQuery: Hashable, Sendable {
  /// As the user typed it.
  public var text: String
  public var node: QueryNode
  /// The compiled query (no day or state: the reader adds its scope).
  public var filter: PaperFilter
  /// Whether which papers match changes when the user stars or reads one (`is:`, `has:note`, `tag:`).
  public var dependsOnState: Bool

  public init(text: String, node: QueryNode, filter: PaperFilter, dependsOnState: Bool) {
    self.text = text
    self.node = node
    self.filter = filter
    self.dependsOnState = dependsOnState
  }
  /// The text terms to highlight: those not under a NOT.
  public var highlightTerms: [TextTerm] { Self.positiveTerms(node) }

  /// Whether `node` (topics expanded) looks at the user's state for a paper.
  static func dependsOnState(_ node: QueryNode) -> Bool {
    switch node {
    case .state, .has(.note), .has(.tag), .tag: true
    case .and(let children), .or(let children): children.contains(where: dependsOnState)
    case .not(let child): dependsOnState(child)
    default: false
    }
  }

  static func positiveTerms(_ node: QueryNode) -> [TextTerm] {
    switch node {
    case .text(_, let term): [term]
    case .and(let children), .or(let children): children.flatMap(positiveTerms)
    default: []
    }
  }
}

/// The search line while the user types in it.
public struct SearchLine: Hashable, Sendable {
  public var text: String
  /// The query before `/`, restored by Esc.
  public var previous: ActiveQuery?
}

/// The list showing the papers most like one paper, best first.
public struct SimilarListing: Hashable, Sendable {
  public var paperID: String
  public var title: String
  public var ids: [String]
  /// Where the list was, to go back to on Esc.
  public var previousSelection: String?
}

/// The `t` overlay: topics with their counts in the current scope.
public struct TopicPicker: Hashable, Sendable {
  public struct Entry: Hashable, Sendable {
    /// The topic's name; nil for "all papers" (no filter).
    public var name: String?
    /// Nil until counted, on an idle tick.
    public var counts: ListCounts?
    /// The counts were asked for and have not come back.
    var isRequested = false

    public init(name: String?, counts: ListCounts?) {
      self.name = name
      self.counts = counts
    }
  }

  public var entries: [Entry]
  public var selected: Int
}

/// The `E` dialogue on the status line: which format, then which file.
public struct ExportPrompt: Hashable, Sendable {
  public enum Stage: Hashable, Sendable {
    case format
    case path(ExportFormat)
  }

  public var stage: Stage
  /// The path being edited.
  public var text: String
}
