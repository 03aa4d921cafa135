// Topic names as the topics file editor (`folio topics add/remove`, the reader's "save search
// as topic") compares them: one rule with lookups (``Topic/key(_:)``).

extension Topic {
  /// Whether `name` can name a topic: it has a letter or digit to look it up by.
  public static func isValidName(_ name: String) -> Bool {
    !key(name).isEmpty && !name.contains { $0.isNewline }
  }

  /// Whether two names name the same topic (case and punctuation ignored).
  public static func sameName(_ lhs: String, _ rhs: String) -> Bool { key(lhs) == key(rhs) }
}
