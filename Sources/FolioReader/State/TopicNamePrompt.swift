import FolioCore
import FolioQuery

// `+` (issue 18): saving the current search as a named topic. The name is asked for on the
// status line; the app writes topics.toml (``AppEffect/saveTopic(name:query:)``).

/// The prompt for the topic's name.
public struct TopicNamePrompt: Hashable, Sendable {
  /// The query to save, as the user typed it.
  public var query: String
  /// The name being typed.
  public var text: String

  /// The longest name accepted while typing (a topic name is a short label).
  public static let maximumLength = 64

  public init(query: String, text: String = "") {
    self.query = query
    self.text = text
  }
}

extension ReaderState {
  /// The topic name prompt, while it is open.
  public var topicNamePrompt: TopicNamePrompt? {
    if case .topicNamePrompt(let prompt, _) = mode { prompt } else { nil }
  }

  /// Opens the name prompt for the current search; without one there is nothing to save.
  mutating func openTopicNamePrompt() {
    guard let query else {
      let search = settings.keymap.keys(for: .search).first?.description ?? "/"
      status = StatusMessage("no search to save (\(search) searches)", isError: true)
      return
    }
    mode = .topicNamePrompt(TopicNamePrompt(query: query.text), over: mode.screen)
  }

  /// A key typed while the name prompt is open.
  mutating func handleTopicNamePrompt(_ key: Key, action: Action?) -> [ReaderEffect] {
    guard case .topicNamePrompt(var prompt, let screen) = mode else { return [] }
    switch action {
    case .cancel?:
      mode = .screen(screen)
      status = StatusMessage("not saved")
      return []
    case .accept?:
      let name = prompt.text.trimmingSpaces
      guard Topic.isValidName(name) else {
        status = StatusMessage("a topic name needs a letter or digit", isError: true)
        return []
      }
      mode = .screen(screen)
      return [.app(.saveTopic(name: name, query: prompt.query))]
    default:
      switch LineEdit.apply(
        action, key: key, to: &prompt.text, limit: TopicNamePrompt.maximumLength)
      {
      case .edited: break
      case .backspaceOnEmpty:
        mode = .screen(screen)
        return []
      case .notAnEdit: return []
      }
    }
    mode = .topicNamePrompt(prompt, over: screen)
    return []
  }
}
