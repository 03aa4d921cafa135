import FolioCore
import Foundation
import TOMLKit

/// Changing one value of config.toml in place (the theme `T` picks), keeping the rest as written.
extension Config {
  /// Sets top-level `key` to the string `value` in the file at `path`, keeping everything
  /// else as written (comments, spelling of keys, line endings); creates the file (and its
  /// directory) if needed. Written like every file Folio writes for the user: only a regular
  /// file, through a symbolic link, keeping its mode and owner, atomically (see ``AtomicFile``).
  public static func set(_ key: String, to value: String, inFileAt path: String) throws(EditError) {
    let target: AtomicFile.Target
    do {
      target = try AtomicFile.target(of: path)
    } catch {
      throw EditError(path: path, reason: error.reason)
    }
    var existing = ""
    if target.exists {
      guard let data = FileManager.default.contents(atPath: target.path) else {
        throw EditError(path: path, reason: "cannot read the file")
      }
      existing = String(decoding: data, as: UTF8.self)
    } else {
      let directory = (target.path as NSString).deletingLastPathComponent
      try? FileManager.default.createDirectory(
        atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
    }
    let updated = try setting(key, to: value, in: existing, file: path)
    do {
      try AtomicFile.write(Array(updated.utf8), to: path)
    } catch {
      throw EditError(path: path, reason: error.reason)
    }
  }

  /// Why ``set(_:to:inFileAt:)`` left the file as it was.
  public struct EditError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  /// `text` (a TOML document) with top-level `key` set to the string `value`: the value of
  /// the one assignment of that key replaced whatever its spelling (`key`, `"key"`, `'key'`,
  /// escapes), or, when there is none, a `key = "value"` line added before the first table.
  /// A key of the same name in a table, or after a dot (`other.key`), is another key. Throws,
  /// and changes nothing, when `text` is not valid TOML or `key` is a table in it.
  static func setting(_ key: String, to value: String, in text: String, file: String)
    throws(EditError)
    -> String
  {
    let original: TOMLTable
    do {
      original = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw EditError(
        path: file, reason: "not valid TOML (line \(error.source.begin.line)); fix it first")
    } catch {
      throw EditError(path: file, reason: "not valid TOML; fix it first")
    }
    if original[key]?.table != nil {
      throw EditError(path: file, reason: "'\(key)' is a table there, not a value")
    }
    var bytes = Array(text.utf8)
    guard let statements = TOMLStatements(bytes) else {
      throw EditError(path: file, reason: "cannot find where '\(key)' goes; set it by hand")
    }
    let replacement = Array(quoted(value).utf8)
    if let assignment = statements.assignments.first(where: { $0.isTopLevel && $0.key == [key] }) {
      bytes.replaceSubrange(assignment.value, with: replacement)
    } else {
      let newline = Array((text.contains("\r\n") ? "\r\n" : "\n").utf8)
      let line = Array("\(quotedKey(key)) = ".utf8) + replacement + newline
      if let header = statements.firstHeaderLine {
        bytes.insert(contentsOf: line, at: header)
      } else {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes += newline }
        bytes += line
      }
    }
    let updated = String(decoding: bytes, as: UTF8.self)
    // Whatever the scan above missed, the result must be the old settings with one value
    // changed; anything else is refused rather than written.
    original[key] = value
    guard let check = try? TOMLTable(string: updated), check == original else {
      throw EditError(path: file, reason: "cannot change '\(key)' safely; set it by hand")
    }
    return updated
  }

  /// `key` as a TOML key: bare when it can be, else quoted.
  static func quotedKey(_ key: String) -> String {
    !key.isEmpty
      && key.utf8.allSatisfy({ byte in
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
      }) ? key : quoted(key)
  }

  /// `value` as a TOML basic string. TOML's basic strings take JSON's escapes (`\"`, `\\`,
  /// `\n`, `\r`, `\t`, `\uXXXX`), so this is ``FolioCore/JSONValue/quote(_:into:)``: every
  /// control (which TOML forbids raw), C1 and bidi control escaped, by Unicode scalar, not
  /// character (a quote followed by a combining mark is one character, and would otherwise be
  /// written unescaped and end the string).
  static func quoted(_ value: String) -> String {
    var out = ""
    JSONValue.quote(value, into: &out)
    return out
  }
}
