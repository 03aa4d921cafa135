extension Config {
  /// The file `folio config --init` writes: every setting of ``Setting/all`` at its default
  /// (read from `Config()`), commented out under its doc line, then the `[keys]` table.
  public static let template: String = {
    let defaults = Config()
    var lines = [
      "# Folio's settings. Every line is optional; uncomment one to change it.",
      "# Unknown keys and bad values are reported (with their line) and the default is used.",
    ]
    for setting in Setting.all {
      lines.append("")
      lines += setting.doc.split(separator: "\n").map { "# " + $0 }
      lines.append("# \(setting.key) = \(setting.value(defaults).toml)")
    }
    return (lines + keysTemplate).joined(separator: "\n")
  }()

  /// The `[keys]` part of ``template``.
  private static let keysTemplate = [
    "",
    "# Keys: a preset (\"vim\" or \"emacs\"), then any action = a key or a list of keys.",
    "# Key names: a character (\"s\", \"*\"), Enter, Esc, Tab, Space, Up, Down, PgUp, PgDn, Home,",
    "# End, F1-F12, Ctrl-x (or C-x), and two-key sequences (\"gg\", \"Ctrl-x Ctrl-c\").",
    "# Actions are listed by `?` in the reader and in docs/guide.md.",
    "[keys]",
    "# preset = \"vim\"",
    "# star = [\"s\", \"*\"]",
    "# top = [\"gg\", \"Home\"]",
  ]
}
