import Foundation
import GRDB
import XCTest

/// What one run of the `folio` binary did.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs the built `folio` binary against a private library in a temporary directory.
struct FolioRunner {
  /// The `folio` executable built alongside the tests.
  static let binary: URL = {
    var directory = Bundle.main.bundleURL
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    for candidate in [
      directory, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    ] {
      let url = candidate.appendingPathComponent("folio")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return directory.appendingPathComponent("folio")
  }()

  let directory: URL
  var databasePath: String { directory.appendingPathComponent("library/folio.sqlite").path }

  init(_ testCase: XCTestCase) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    let directory = directory
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
  }

  /// The environment every run gets: a private HOME and XDG dirs, the library in FOLIO_DB.
  var environment: [String: String] {
    [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory.path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
      "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
      "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
      "FOLIO_DB": databasePath,
      "LANG": "C.UTF-8",
    ]
  }

  /// The command line that runs `argv` as `nobody` when the tests run as root (so file
  /// permissions bind), else `argv` itself.
  static func unprivileged(_ argv: [String]) -> [String] {
    getuid() == 0
      ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + argv : argv
  }

  /// Runs `folio arguments...` and waits for it. `unprivileged` runs it as `nobody`, so file
  /// permissions bind even when the tests run as root.
  @discardableResult
  func run(
    _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
    unprivileged: Bool = false
  ) throws -> CommandResult {
    let argv = [Self.binary.path] + arguments
    return try Self.execute(
      unprivileged ? Self.unprivileged(argv) : argv, environment: environment.merging(extra) { $1 },
      stdin: stdin)
  }

  /// Runs `script` under `shell` with the heap limited to `dataLimitKiB` (`ulimit -d`; a
  /// mapped file does not count): `$0` is the folio binary and `$1` is `input`.
  func runWithDataLimit(
    _ script: String, dataLimitKiB: Int, input: String, shell: String = "/bin/sh",
    environment extra: [String: String] = [:]
  ) throws -> CommandResult {
    try Self.execute(
      [shell, "-c", "ulimit -d \(dataLimitKiB) && \(script)", Self.binary.path, input],
      environment: environment.merging(extra) { $1 })
  }

  /// Runs `command` (an argument vector) with `environment` and `stdin`, and waits for it.
  static func execute(
    _ command: [String], environment: [String: String], stdin: String? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus,
      stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self))
  }

  /// Writes `text` to a file in the test directory and returns its path.
  func file(_ name: String, _ contents: some DataProtocol) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(contents).write(to: url)
    return url.path
  }

  func file(_ name: String, text: String) throws -> String { try file(name, Data(text.utf8)) }

  /// The bundled sample's path in the repository.
  static let sample = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/FolioCore/Resources/daily-papers-sample.txt").path

  /// Opens the library with a plain second connection, as another process would.
  func database() throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.readonly = true
    return try DatabaseQueue(path: databasePath, configuration: configuration)
  }

  /// `folio list --format tsv` split into rows of fields.
  func rows(_ extra: [String] = []) throws -> [[String]] {
    let result = try run(["list", "--format", "tsv"] + extra)
    XCTAssertEqual(result.status, 0, result.stderr)
    return result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
  }
}
