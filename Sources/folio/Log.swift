import FolioCore
import FolioStore
import Foundation

/// Folio's log: warnings and errors from background work, appended to
/// `$XDG_STATE_HOME/folio/folio.log` (`~/.local/state/folio/folio.log`). The reader never
/// prints them on the screen; it shows a status message and writes the details here.
enum Log {
  /// The log file's path.
  static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/folio/folio.log"
    }
    return LibraryLocation.home(environment) + "/.local/state/folio/folio.log"
  }

  static func warning(_ message: String) { write("warning", message) }
  static func error(_ message: String) { write("error", message) }
  static func info(_ message: String) { write("info", message) }

  /// Appends one line; a log that cannot be written is not worth failing for.
  private static func write(_ level: String, _ message: String) {
    let path = path()
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let stamp = ISO8601DateFormatter().string(from: Date())
    // Inert, and one line: the log is read with cat and tail.
    let line = "\(stamp) \(level): \(TextCleaner.clean(message))\n"
    // Without blocking, and only into a regular file: a FIFO nobody reads would hang the
    // reader at its first log line.
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      return
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: Data(line.utf8))
  }
}
