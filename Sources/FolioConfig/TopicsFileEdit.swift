import FolioCore
import Foundation
import TOMLKit

/// Adding and removing one topic in topics.toml in place (`folio topics add/remove`, saving
/// the reader's search as a topic), keeping every other line as written: comments, order,
/// spelling of keys, line endings. Like ``Config/set(_:to:inFileAt:)``, the result is checked
/// with a real TOML parser against what it must mean, and refused rather than written when
/// the scan got the document wrong.
public enum TopicsFileEdit {
  /// Sets topic `name` to `query` in the file at `path` (created if missing): the value of its
  /// entry replaced, or a line added to the `[topics]` table (the table added at the end when
  /// there is none). `sameName` says whether an existing key names the same topic (topic
  /// names match ignoring case and punctuation). Written as ``AtomicFile`` writes.
  public static func set(
    _ name: String, to query: String, inFileAt path: String, sameName: (String) -> Bool
  ) throws(Config.EditError) {
    try edit(path) { text throws(Config.EditError) in
      try setting(name, to: query, in: text, file: path, sameName: sameName)
    }
  }

  /// Removes every entry of the topic from the file at `path`; returns whether there was one.
  public static func remove(inFileAt path: String, sameName: (String) -> Bool)
    throws(Config.EditError) -> Bool
  {
    var removed = false
    try edit(path) { text throws(Config.EditError) in
      let (updated, count) = try removing(in: text, file: path, sameName: sameName)
      removed = count > 0
      return updated
    }
    return removed
  }

  private static func edit(
    _ path: String, _ change: (String) throws(Config.EditError) -> String
  ) throws(Config.EditError) {
    let target: AtomicFile.Target
    do {
      target = try AtomicFile.target(of: path)
    } catch {
      throw Config.EditError(path: path, reason: error.reason)
    }
    var existing = ""
    if target.exists {
      guard let data = FileManager.default.contents(atPath: target.path) else {
        throw Config.EditError(path: path, reason: "cannot read the file")
      }
      existing = String(decoding: data, as: UTF8.self)
    } else {
      let directory = (target.path as NSString).deletingLastPathComponent
      try? FileManager.default.createDirectory(
        atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
    }
    let updated = try change(existing)
    guard updated != existing || !target.exists else { return }
    do {
      try AtomicFile.write(Array(updated.utf8), to: path)
    } catch {
      throw Config.EditError(path: path, reason: error.reason)
    }
  }

  /// `text` with topic `name` set to `query` (see ``set(_:to:inFileAt:sameName:)``).
  static func setting(
    _ name: String, to query: String, in text: String, file: String,
    sameName: (String) -> Bool
  ) throws(Config.EditError) -> String {
    let before = try topics(text, file: file)
    var bytes = Array(text.utf8)
    guard let statements = TOMLStatements(bytes) else {
      throw Config.EditError(path: file, reason: "cannot find where topics go; edit it by hand")
    }
    let replacement = Array(Config.quoted(query).utf8)
    let entries = statements.assignments.filter { topicName($0).map(sameName) ?? false }
    let newline = Array((text.contains("\r\n") ? "\r\n" : "\n").utf8)
    var expected = before.entries.filter { !sameName($0.key) }
    if !entries.isEmpty {
      // Replaced from the end so earlier offsets stay right.
      for entry in entries.reversed() { bytes.replaceSubrange(entry.value, with: replacement) }
      for entry in entries { expected[topicName(entry)!] = query }
    } else {
      let line = Array("\(Config.quotedKey(name)) = ".utf8) + replacement + newline
      if let header = statements.headerLines.last(where: { !$0.isArray && $0.key == ["topics"] }) {
        let last = statements.assignments.last { $0.table == ["topics"] }
        var at = max(header.lineEnd, last?.lines.upperBound ?? 0)
        if at > 0 && bytes[at - 1] != UInt8(ascii: "\n") {
          bytes.insert(contentsOf: newline, at: at)
          at += newline.count
        }
        bytes.insert(contentsOf: line, at: at)
      } else {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes += newline }
        if !bytes.isEmpty { bytes += newline }
        bytes += Array("[topics]".utf8) + newline + line
      }
      expected[name] = query
    }
    let updated = String(decoding: bytes, as: UTF8.self)
    try check(updated, file: file, others: before.others, topics: expected)
    return updated
  }

  /// `text` without the entries of the topic, and how many there were.
  static func removing(in text: String, file: String, sameName: (String) -> Bool)
    throws(Config.EditError) -> (String, Int)
  {
    let before = try topics(text, file: file)
    var bytes = Array(text.utf8)
    guard let statements = TOMLStatements(bytes) else {
      throw Config.EditError(path: file, reason: "cannot find the topics; edit it by hand")
    }
    let entries = statements.assignments.filter { topicName($0).map(sameName) ?? false }
    for entry in entries.reversed() { bytes.removeSubrange(entry.lines) }
    let updated = String(decoding: bytes, as: UTF8.self)
    try check(
      updated, file: file, others: before.others,
      topics: before.entries.filter { !sameName($0.key) })
    return (updated, entries.count)
  }

  /// The topic name an assignment defines: `name = ...` under `[topics]`, or a top-level
  /// `topics.name = ...`; nil for any other key.
  static func topicName(_ assignment: TOMLStatements.Assignment) -> String? {
    if assignment.table == ["topics"], assignment.key.count == 1 { return assignment.key[0] }
    if assignment.isTopLevel, assignment.key.count == 2, assignment.key[0] == "topics" {
      return assignment.key[1]
    }
    return nil
  }

  /// The parsed document: its topics (name to string value, nil for a non-string) and its
  /// other root keys.
  private static func topics(_ text: String, file: String) throws(Config.EditError) -> (
    entries: [String: String?], others: TOMLTable
  ) {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw Config.EditError(
        path: file, reason: "not valid TOML (line \(error.source.begin.line)); fix it first")
    } catch {
      throw Config.EditError(path: file, reason: "not valid TOML; fix it first")
    }
    var entries: [String: String?] = [:]
    if let value = table["topics"] {
      guard let topics = value.table else {
        throw Config.EditError(path: file, reason: "'topics' is not a table; fix it first")
      }
      for key in topics.keys { entries[key] = topics[key]?.string }
    }
    table.remove(at: "topics")
    return (entries, table)
  }

  /// Refuses `updated` unless it parses to `others` plus exactly `topics`.
  private static func check(
    _ updated: String, file: String, others: TOMLTable, topics: [String: String?]
  ) throws(Config.EditError) {
    guard let parsed = try? Self.topics(updated, file: file), parsed.others == others,
      parsed.entries == topics
    else {
      throw Config.EditError(path: file, reason: "cannot change the topics safely; edit it by hand")
    }
  }
}
