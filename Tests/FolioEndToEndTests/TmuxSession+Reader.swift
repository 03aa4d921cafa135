import XCTest

extension TmuxSession {
  /// The reader (`folio` with no arguments) on `folio`'s library in a 120x40 window, once its
  /// first screen is up on the bundled sample a first run imports: its first title and all
  /// 284 papers shown. What the For you and triage sessions start from; a wait that times out
  /// is reported at the caller's `file` and `line`.
  static func sampleReader(
    _ folio: FolioRunner, testCase: XCTestCase, file: StaticString = #filePath, line: UInt = #line
  ) throws -> TmuxSession {
    let tmux = try TmuxSession(
      [FolioRunner.binary.path], environment: folio.environment, width: 120, height: 40,
      keepAfterExit: false, testCase: testCase)
    try tmux.waitFor(ReaderEndToEndTests.firstTitle, file: file, line: line)
    try tmux.waitFor("284 shown", file: file, line: line)
    return tmux
  }
}
