import ArgumentParser
import FolioConfig
import Foundation

/// `folio config`: where the settings live, and a starting file.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show where config.toml is, check it, or write a commented default one.",
    discussion: "With no option, checks the file and prints its warnings (exit 65 if any).",
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
          "\(location) already exists; it was left as it is", exitCode: CLIError.cannotCreate)
      }
      do {
        try FileManager.default.createDirectory(
          atPath: (location as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        try ExportJob.write(Config.template + "\n", to: location)
      } catch let error as CLIError {
        throw error
      } catch {
        throw CLIError(
          "cannot write \(location): \(error.localizedDescription)", exitCode: CLIError.cannotCreate
        )
      }
      print("wrote \(location)")
      return
    }
    guard FileManager.default.fileExists(atPath: location) else {
      print(
        "\(location) does not exist; the defaults are in use ('folio config --init' writes one)")
      return
    }
    let (_, warnings) = Config.loading(path: location)
    for warning in warnings {
      FileHandle.standardError.write(Data("folio: warning: \(warning)\n".utf8))
    }
    if !warnings.isEmpty { throw ExitCode(CLIError.dataError) }
    print("\(location): ok")
  }
}
