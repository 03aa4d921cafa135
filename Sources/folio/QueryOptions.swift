import ArgumentParser
import FolioCore
import FolioQuery
import FolioStore
import Foundation

/// `--filter QUERY` and `--topic NAME`, shared by the commands that select papers.
struct QueryOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Only papers matching this query (see docs/queries.md).", valueName: "query")
  )
  var filter: String?

  @Option(
    help: ArgumentHelp("Only papers of this topic (see 'folio topics').", valueName: "name"),
    completion: Completions.topicNames)
  var topic: String?

  /// The filter for the options given and `conditions` (empty when none); a bad query is a
  /// data error.
  func filter(topics: TopicSet, and conditions: [QueryNode] = []) throws -> PaperFilter {
    var nodes: [QueryNode] = conditions
    if let topic {
      do {
        nodes.append(try topics.resolve(topic, column: 1).node)
      } catch {
        throw CLIError(error.message, exitCode: SysExit.dataError)
      }
    }
    do {
      if let filter {
        let node = try QueryParser.parse(filter)
        if node != .all { nodes.append(node) }
      }
      if nodes.isEmpty { return PaperFilter() }
      let compiler = QueryCompiler(topics: topics, today: Day.today())
      // The cache is listed (once, at most PDFCache.maxListedEntries entries) only when the
      // query or a topic it names says `has:pdf`.
      return try compiler.filter(nodes.count == 1 ? nodes[0] : .and(nodes)) {
        PDFCache().cachedNames()
      }
    } catch {
      throw CLIError(error.description, exitCode: SysExit.dataError)
    }
  }
}

/// The topics in effect for this command: Folio's defaults and the user's topics file, whose
/// problems are reported as warnings on stderr.
enum UserTopics {
  static func load() -> TopicSet {
    let (topics, warnings) = TopicSet.loading()
    for warning in warnings {
      Output.warning("\(warning)")
    }
    return topics
  }
}
