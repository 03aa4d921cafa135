import FolioCore

/// A failure the command line reports as `folio: error: <message>`, exiting with `exitCode`.
struct CLIError: Error {
  var message: String
  var exitCode: Int32

  init(_ message: String, exitCode: Int32) {
    self.message = message
    self.exitCode = exitCode
  }

  // The statuses are FolioCore's SysExit. These two names remain only for ReaderApp.swift and
  // ExportJob.swift, which are being moved (issue 17); switch them to SysExit and drop these.
  static let usage = SysExit.usage
  static let cannotCreate = SysExit.cannotCreate
}
