import TOMLKit

/// One top-level setting of config.toml, described once: its key, what it means, what it
/// accepts and how it is stored in ``Config``. The table of them (``Setting/all``) drives
/// parsing, the warnings, the `folio config --init` template and the check of docs/guide.md,
/// so a default is written in one place only: ``Config``'s initial values.
struct Setting: Sendable {
  /// A setting's value in the form TOML writes it.
  enum Value: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case strings([String])

    /// As TOML source, e.g. `"today"` or `["cs.LG", "cs.CL"]`.
    var toml: String {
      switch self {
      case .string(let text): Config.quoted(text)
      case .integer(let number): String(number)
      case .number(let number): Value.format(number)
      case .bool(let flag): String(flag)
      case .strings(let texts): "[" + texts.map(Config.quoted).joined(separator: ", ") + "]"
      }
    }

    /// As a warning names it: strings without quotes (`using today`).
    var plain: String {
      switch self {
      case .string(let text): text
      default: toml
      }
    }

    /// `2` rather than `2.0` for whole numbers, which TOML then reads as an integer.
    static func format(_ number: Double) -> String {
      if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
      return String(number)
    }
  }

  /// The TOML key, e.g. `mark_read`.
  let key: String
  /// What the setting does, for the template and the docs; may hold several lines.
  let doc: String
  /// What a value must be, completing "'key' ...": e.g. `must be true or false`.
  let rule: String
  /// Whether a warning names the default (`using 2`) or, for long values, says `the default`.
  var namesDefault = true
  /// The setting's current value in `config`; for `Config()`, the default.
  let value: @Sendable (Config) -> Value
  /// Stores the file's `value` in `config`. Returns nil when it was used; otherwise leaves
  /// `config` as it was and returns what to add to ``rule`` in the warning (often nothing).
  let apply: @Sendable (_ value: any TOMLValueConvertible, _ config: inout Config) -> String?

  /// The warning for a refused value, ending with the default that is used instead.
  func warning(detail: String) -> String {
    "'\(key)' \(rule)\(detail); using \(namesDefault ? value(Config()).plain : "the default")"
  }
}
