import FolioCore
import Foundation
import TOMLKit

/// A problem in the configuration file, reported as `file:line: message`; never fatal.
public struct ConfigWarning: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String

  public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

extension Config {
  /// The settings in the file at `path`: the defaults when there is no file; with warnings for
  /// what could not be used.
  public static func loading(path: String = Config.path()) -> (Config, [ConfigWarning]) {
    guard FileManager.default.fileExists(atPath: path) else { return (Config(), []) }
    // Reading a FIFO would block the reader's start; a device might never end.
    do {
      _ = try AtomicFile.target(of: path)
    } catch {
      return (Config(), [ConfigWarning(file: path, line: nil, message: error.reason)])
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (Config(), [ConfigWarning(file: path, line: nil, message: "cannot read the file")])
    }
    return parsing(String(decoding: data, as: UTF8.self), file: path)
  }

  /// The settings in `text` (the file `file`, for messages).
  public static func parsing(_ text: String, file: String) -> (Config, [ConfigWarning]) {
    var config = Config()
    var warnings: [ConfigWarning] = []
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      return (
        config,
        [
          ConfigWarning(
            file: file, line: error.source.begin.line,
            message: "not valid TOML: \(error.description)")
        ]
      )
    } catch {
      return (config, [ConfigWarning(file: file, line: nil, message: "not valid TOML")])
    }
    let lines = KeyLines(text)
    func warn(_ key: String, _ message: String) {
      warnings.append(ConfigWarning(file: file, line: lines.line(of: key), message: message))
    }
    for key in table.keys.sorted(by: {
      (lines.line(of: $0) ?? 0) < (lines.line(of: $1) ?? 0)
    }) {
      guard let value = table[key] else { continue }
      if key == "keys" {
        guard let keys = value.table else {
          warn(key, "'keys' must be a table: [keys] then action = [\"key\", ...]")
          continue
        }
        parseKeys(keys, into: &config, lines: lines, warn: warn)
      } else if let setting = Setting.all.first(where: { $0.key == key }) {
        if let detail = setting.apply(value, &config) {
          warn(key, setting.warning(detail: detail))
        }
      } else {
        warn(key, "unknown key '\(key)' (ignored)")
      }
    }
    return (config, warnings)
  }

  /// The `[keys]` table: a preset and, in file order, action = a key or a list of keys.
  private static func parseKeys(
    _ keys: TOMLTable, into config: inout Config, lines: KeyLines,
    warn: (String, String) -> Void
  ) {
    for name in keys.keys.sorted(by: {
      (lines.line(of: $0) ?? 0) < (lines.line(of: $1) ?? 0)
    }) {
      guard let entry = keys[name] else { continue }
      if name == "preset" {
        if let preset = entry.string {
          config.keyPreset = preset
        } else {
          warn(name, "'preset' must be \"vim\" or \"emacs\"")
        }
        continue
      }
      let names: [String]? =
        entry.string.map { [$0] } ?? entry.array.map { $0.compactMap { $0.string } }
      guard let names, names.count == (entry.array?.count ?? 1) else {
        warn(name, "keys for '\(name)' must be a key name or a list of them, like [\"s\", \"*\"]")
        continue
      }
      config.keyBindings.append(
        KeyBinding(action: name, keys: names, line: lines.line(of: name)))
    }
  }
}
