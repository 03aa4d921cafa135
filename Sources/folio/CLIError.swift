import FolioCore

/// A failure the command line reports as `folio: error: <message>`, exiting with `exitCode`.
struct CLIError: Error {
  var message: String
  var exitCode: Int32

  init(_ message: String, exitCode: Int32) {
    self.message = message
    self.exitCode = exitCode
  }
}
