import FolioStore

/// `has:pdf` needs the PDF cache listed (up to ``FolioCore/PDFCache/maxListedEntries`` entries,
/// a `stat` each): these let a caller list it only for a query or topic that says `has:pdf`.
extension QueryNode {
  /// Whether the query says `has:pdf` anywhere (under NOT too), its topics not expanded.
  /// Recurses as deep as the query nests, at most ``maximumDepth`` levels.
  public var mentionsCachedPDF: Bool {
    switch self {
    case .facet(.cachedPDF): true
    case .and(let children), .or(let children): children.contains { $0.mentionsCachedPDF }
    case .not(let child): child.mentionsCachedPDF
    default: false
    }
  }
}

extension TopicSet {
  /// Whether some topic says `has:pdf`: whether naming a paper's topics needs the cache
  /// listed. (A topic that refers to such a topic is one of these only through it, and it is
  /// in the set too.)
  public var mentionsCachedPDF: Bool {
    topics.contains { $0.node.mentionsCachedPDF }
  }
}

extension QueryCompiler {
  /// Whether compiling `node` needs ``cachedPDFs``: it, or a topic it refers to, says
  /// `has:pdf`. False for a query whose topics do not expand (compiling it throws anyway).
  public func needsCachedPDFs(_ node: QueryNode) -> Bool {
    (try? expandTopics(node))?.mentionsCachedPDF ?? false
  }

  /// ``filter(_:)`` with `has:pdf` matching the names `listCachedPDFs` gives, which is called
  /// once, and only when ``needsCachedPDFs(_:)``: a query that does not say `has:pdf` never
  /// pays for reading the cache.
  public func filter(_ node: QueryNode, cachedPDFs listCachedPDFs: () -> Set<String>)
    throws(QueryError) -> PaperFilter
  {
    var compiler = self
    if needsCachedPDFs(node) { compiler.cachedPDFs = listCachedPDFs() }
    return try compiler.filter(node)
  }
}
