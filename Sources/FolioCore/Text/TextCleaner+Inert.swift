extension TextCleaner {
  /// `text` made inert for a terminal or a text file: escape sequences (whole), C0 and C1
  /// controls, DEL and bidi controls removed; line feeds and tabs kept, and nothing else
  /// changed, so tables, TSV and help keep their layout. The one path every line the command
  /// line prints goes through (messages, warnings, tables, exports), whatever it echoes: an
  /// argument, a file name, a topic from topics.toml, a theme file. Linear in `text`; text with
  /// nothing to remove (nearly all) is returned without a copy.
  public static func inert(_ text: String) -> String {
    guard needsInerting(text) else { return text }
    return stripControls(text, keepNewlines: true, keepTabs: true)
  }

  /// Whether ``inert(_:)`` would change `text`. Checks bytes first, like
  /// ``needsCleaning(_:multiline:)``: only text with a suspect byte is decoded.
  static func needsInerting(_ text: String) -> Bool {
    let suspect = text.utf8.contains { byte in
      byte < 0x20
        ? byte != 0x0A && byte != 0x09
        : byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }
    guard suspect else { return false }
    return text.unicodeScalars.contains { scalar in
      let value = scalar.value
      if value < 0x20 { return value != 0x0A && value != 0x09 }
      return (0x7F..<0xA0).contains(value) || isBidiControl(scalar)
    }
  }
}
