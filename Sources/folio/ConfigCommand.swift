import ArgumentParser
import FolioApp
import FolioConfig
import FolioCore
import Foundation

/// `folio config`: where the settings live, and a starting file.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show where config.toml is, check it, or write a commented default one.",
    discussion: """
      With no option, checks the file as the reader would (settings, the theme it names, key \
      bindings and their conflicts, date_format, default_view's topic, and topics.toml) and \
      prints each problem as file:line: message (exit 65 if any).
      """,
    version: Folio.version)

  @Flag(help: "Print the path of config.toml.")
  var path = false

  @Flag(help: "Write a commented default config.toml (never over an existing one).")
  var `init` = false

  func run() throws {
    let location = Config.path()
    if path {
      print(location)
      return
    }
    if `init` {
      guard !FileManager.default.fileExists(atPath: location) else {
        throw CLIError(
          "\(location) already exists; it was left as it is", exitCode: SysExit.cannotCreate)
      }
      do {
        try FileManager.default.createDirectory(
          atPath: (location as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        try ExportJob.write(Config.template + "\n", to: location)
      } catch let error as ExportJob.WriteFailure {
        throw CLIError(error.message, exitCode: SysExit.cannotCreate)
      } catch {
        throw CLIError(
          "cannot write \(location): \(error.localizedDescription)", exitCode: SysExit.cannotCreate
        )
      }
      print("wrote \(location)")
      return
    }
    // Everything the reader checks at start: the settings, the theme they name, the key
    // bindings, the date format, the topics file.
    let warnings = ReaderConfiguration.load(configPath: location).warnings
    for warning in warnings { Output.warning(warning) }
    if !warnings.isEmpty { throw ExitCode(SysExit.dataError) }
    guard FileManager.default.fileExists(atPath: location) else {
      print(
        "\(location) does not exist; the defaults are in use ('folio config --init' writes one)")
      return
    }
    print("\(location): ok")
  }
}
