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

  @Option(help: ArgumentHelp("Only papers of this topic (see 'folio topics').", valueName: "name"))
  var topic: String?

  /// The SQL condition for the options given, nil for none; a bad query is a data error.
  func condition(topics: TopicSet) throws -> SQLCondition? {
    let compiler = QueryCompiler(topics: topics, today: Day.today())
    var parts: [SQLCondition] = []
    if let topic {
      do {
        parts.append(try compiler.compile(try topics.resolve(topic, column: 1).node))
      } catch {
        throw CLIError(error.message, exitCode: CLIError.dataError)
      }
    }
    if let filter {
      do {
        if let condition = try compiler.condition(for: filter) { parts.append(condition) }
      } catch {
        throw CLIError(error.description, exitCode: CLIError.dataError)
      }
    }
    guard !parts.isEmpty else { return nil }
    if parts.count == 1 { return parts[0] }
    return SQLCondition(
      parts.map { "(\($0.sql))" }.joined(separator: " AND "), parts.flatMap(\.arguments))
  }
}

/// The topics in effect for this command: Folio's defaults and the user's topics file, whose
/// problems are reported as warnings on stderr.
enum UserTopics {
  static func load() -> TopicSet {
    let (topics, warnings) = TopicSet.loading()
    for warning in warnings {
      FileHandle.standardError.write(Data("folio: warning: \(warning)\n".utf8))
    }
    return topics
  }
}
