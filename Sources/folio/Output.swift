import FolioCore
import Foundation

/// Everything the command line writes for a person: standard output, `folio: error:` and
/// `folio: warning:` lines on standard error. All of it goes through
/// ``TextCleaner/inert(_:)``, the same inert-text path the reader's text takes, because
/// almost any of it can echo untrusted text: an argument (`folio show $'\e]2;x\a'`), a file
/// name, a key of config.toml, a topic of topics.toml, a theme file, a title from a library
/// written by something else. Only ``raw(_:)`` writes bytes as they are, for the sequences
/// Folio makes itself (a theme preview's colours, the progress line).
enum Output {
  /// Writes `text` to standard output, inert.
  static func standard(_ text: String) {
    Swift.print(TextCleaner.inert(text), terminator: "")
  }

  /// Writes `text` to standard error, inert. Standard output is flushed first, so the two
  /// interleave in the order they were written.
  static func standardError(_ text: String) {
    fflush(nil)  // every output stream: stdout is a global Swift 6 will not touch
    FileHandle.standardError.write(Data(TextCleaner.inert(text).utf8))
  }

  /// `folio: warning: <message>` on standard error, on one line.
  static func warning(_ message: String) { standardError("folio: warning: \(oneLine(message))\n") }

  /// `folio: error: <message>` on standard error, on one line.
  static func error(_ message: String) { standardError("folio: error: \(oneLine(message))\n") }

  /// `message` inert and on one line (an echoed argument may hold line breaks), so every
  /// message is one line a script can read with `read` or `grep`.
  static func oneLine(_ message: String) -> String { TextCleaner.clean(message) }

  /// Writes Folio's own escape sequences to standard output unchanged. Never for text that
  /// holds anything read from outside.
  static func raw(_ text: String) {
    Swift.print(text, terminator: "")
  }
}

/// `print` in this module is ``Output/standard(_:)``: it shadows the standard library's, so
/// no command can print around the inert-text path by accident.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  Output.standard(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
