/// The editing keys a one-line prompt shares (delete a character, a word, the whole line, and
/// typing), in one place so that the palette and the tag and topic-name prompts cannot drift
/// apart.
enum LineEdit: Equatable {
  /// The text changed (or a character was refused at the limit).
  case edited
  /// Backspace on an empty line: a prompt closes, as the search line does.
  case backspaceOnEmpty
  /// Not an editing key: the prompt decides.
  case notAnEdit

  /// Applies `action` (or, with no action, the typed `key`) to `text`, which grows to at most
  /// `limit` characters.
  static func apply(_ action: Action?, key: Key, to text: inout String, limit: Int) -> LineEdit {
    switch action {
    case .deleteCharacter?:
      guard !text.isEmpty else { return .backspaceOnEmpty }
      text.removeLast()
    case .clearLine?: text = ""
    case .deleteWord?: text = ReaderState.deletingWord(text)
    case nil:
      guard case .character(let character) = key else { return .notAnEdit }
      if text.count < limit { text.append(character) }
    default: return .notAnEdit
    }
    return .edited
  }
}
