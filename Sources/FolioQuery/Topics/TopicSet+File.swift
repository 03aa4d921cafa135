import Foundation
import TOMLKit

/// A problem with the user's topics file: reported with `file:line`, never fatal.
public struct TopicFileWarning: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String

  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
  }
}

extension TopicSet {
  /// `$XDG_CONFIG_HOME/folio/topics.toml`, or `~/.config/folio/topics.toml`.
  public static func userFilePath(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    let base: String
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else {
      base =
        (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config"
    }
    return base + "/folio/topics.toml"
  }

  /// The defaults with the user's topics file applied; a missing file is no problem, a
  /// broken one gives warnings and leaves the defaults (and its good entries) in effect.
  public static func loading(
    userFile path: String = userFilePath()
  ) -> (topics: TopicSet, warnings: [TopicFileWarning]) {
    guard FileManager.default.fileExists(atPath: path) else { return (.defaults, []) }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (.defaults, [TopicFileWarning(file: path, line: nil, message: "cannot read the file")])
    }
    return applying(String(decoding: data, as: UTF8.self), file: path, to: .defaults)
  }

  /// `base` with the topics of a topics file's `text` applied.
  ///
  /// The file has one table, `[topics]`, mapping names to queries:
  /// ```toml
  /// [topics]
  /// "Graph learning" = 'graph* OR GNN OR "message passing"'
  /// LLMs = 'LLM OR "language model"*'   # replaces the default
  /// Robotics = ""                        # removes it
  /// ```
  public static func applying(
    _ text: String, file: String, to base: TopicSet
  ) -> (topics: TopicSet, warnings: [TopicFileWarning]) {
    var topics = base
    var warnings: [TopicFileWarning] = []
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      let message = "not valid TOML: \(error.description) (column \(error.source.begin.column))"
      return (base, [TopicFileWarning(file: file, line: error.source.begin.line, message: message)])
    } catch {
      return (base, [TopicFileWarning(file: file, line: nil, message: "not valid TOML")])
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for key in table.keys where key != "topics" {
      warnings.append(
        TopicFileWarning(
          file: file, line: line(of: key, in: lines),
          message: "unknown key '\(key)' (expected a [topics] table)"))
    }
    guard let entries = table["topics"] else { return (topics, warnings) }
    guard let topicTable = entries.table else {
      return (
        topics,
        warnings + [
          TopicFileWarning(
            file: file, line: line(of: "topics", in: lines),
            message: "'topics' must be a table of name = \"query\"")
        ]
      )
    }
    // toml++ orders keys alphabetically; the file's order is the order the user wrote.
    let ordered = topicTable.keys.map { ($0, line(of: $0, in: lines) ?? Int.max) }.sorted {
      $0.1 < $1.1
    }
    for (name, lineNumber) in ordered {
      let at = lineNumber == Int.max ? nil : lineNumber
      guard let query = topicTable[name]?.string else {
        warnings.append(
          TopicFileWarning(
            file: file, line: at, message: "topic '\(name)': the query must be a string"))
        continue
      }
      if query.trimmingCharacters(in: .whitespaces).isEmpty {
        topics.remove(named: name)
        continue
      }
      do {
        topics.set(try Topic(name: name, query: query))
      } catch {
        warnings.append(
          TopicFileWarning(file: file, line: at, message: "topic '\(name)': \(error)"))
      }
    }
    return (topics, warnings)
  }

  /// The 1-based line where `key` is defined (`key =` or `"key" =`), if found.
  static func line(of key: String, in lines: [String]) -> Int? {
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      for spelling in [key, "\"\(key)\"", "'\(key)'", "[\(key)]"] where trimmed.hasPrefix(spelling)
      {
        let rest = trimmed.dropFirst(spelling.count).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("=") || spelling.hasPrefix("[") { return index + 1 }
      }
    }
    return nil
  }
}
