import ArgumentParser
import FolioConfig
import FolioCore
import FolioQuery

// `folio topics add NAME QUERY` and `folio topics remove NAME` (issue 18): topics.toml edited
// in place, its comments and order kept (FolioConfig's TopicsFileEdit).

struct TopicsAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a topic to topics.toml, or change its query (the query is checked first).",
    version: Folio.version)

  @Argument(help: ArgumentHelp("The topic's name.", valueName: "name"))
  var name: String

  @Argument(help: ArgumentHelp("Its query (see docs/queries.md).", valueName: "query"))
  var query: String

  func run() throws {
    try TopicsFile.add(name, query: query, topics: UserTopics.load())
  }
}

struct TopicsRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove a topic (a default one is switched off with name = \"\").",
    version: Folio.version)

  @Argument(help: ArgumentHelp("The topic's name.", valueName: "name"))
  var name: String

  func run() throws {
    try TopicsFile.remove(name)
  }
}

/// The checks and edits behind `topics add/remove`, shared with the reader's "save search".
enum TopicsFile {
  /// Sets topic `name` to `query` in the user's topics file: a bad name is a usage error
  /// (64), a query that does not parse or compile with the other topics a data error (65),
  /// a file that cannot be changed safely a data error too (nothing written).
  /// `topics` are the ones in effect (the query may name them).
  static func add(
    _ name: String, query: String, topics: TopicSet, path: String = TopicSet.userFilePath()
  ) throws {
    guard Topic.isValidName(name) else {
      throw CLIError(
        "bad topic name '\(name)': it needs a letter or digit, on one line",
        exitCode: SysExit.usage)
    }
    var topics = topics
    do {
      let topic = try Topic(name: name, query: query)
      guard topic.node != .all else {
        throw CLIError(
          "empty query for topic '\(name)' (use `folio topics remove`)", exitCode: SysExit.usage)
      }
      topics.set(topic)
      _ = try QueryCompiler(topics: topics, today: Day.today()).filter(topic.node)
    } catch let error as QueryError {
      throw CLIError("topic '\(name)': \(error.description)", exitCode: SysExit.dataError)
    }
    do {
      try TopicsFileEdit.set(name, to: query, inFileAt: path) { Topic.sameName($0, name) }
    } catch {
      throw CLIError(error.description, exitCode: SysExit.dataError)
    }
  }

  /// Removes topic `name`: its lines leave the file, and a default topic of that name is
  /// switched off with `name = ""`. A name that is no topic exits 1, changing nothing.
  static func remove(_ name: String, path: String = TopicSet.userFilePath()) throws {
    let isDefault = TopicSet.defaults.topics.contains { Topic.sameName($0.name, name) }
    let inEffect = UserTopics.load().topics.contains { Topic.sameName($0.name, name) }
    guard inEffect else {
      throw CLIError("no topic named '\(name)'", exitCode: 1)
    }
    do {
      _ = try TopicsFileEdit.remove(inFileAt: path) { Topic.sameName($0, name) }
      if isDefault {
        let shown = TopicSet.defaults.topics.first { Topic.sameName($0.name, name) }!.name
        try TopicsFileEdit.set(shown, to: "", inFileAt: path) { Topic.sameName($0, name) }
      }
    } catch {
      throw CLIError(error.description, exitCode: SysExit.dataError)
    }
  }
}
