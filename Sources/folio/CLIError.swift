/// A failure the command line reports as `folio: error: <message>`, exiting with `exitCode`.
struct CLIError: Error {
  var message: String
  var exitCode: Int32

  init(_ message: String, exitCode: Int32) {
    self.message = message
    self.exitCode = exitCode
  }

  // sysexits.h
  static let usage: Int32 = 64
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66
  static let cannotCreate: Int32 = 73
  static let ioError: Int32 = 74
  static let temporaryFailure: Int32 = 75
}
