import FolioCore
import FolioStore

// The `l` tag prompt (issue 18): type `name` Enter to add a tag to the paper, `-name` Enter to
// remove one; Tab completes from the library's tags (or, after `-`, the paper's). It opens
// over any ``ReaderScreen`` (triage's `l` uses it too), and the change is a
// ``LibraryChange/setTagged(id:tag:on:)`` for the write queue, pending until committed.

/// The tag prompt's state: whose tags, what is typed, and what it completes from.
public struct TagPrompt: Hashable, Sendable {
  /// The paper the tag goes on.
  public var paperID: String
  /// What is typed: a name, or `-` and a name.
  public var text: String
  /// Every tag in the library, first spelling, by folded name (at most
  /// ``completionLimit``).
  public var names: [String]
  /// The paper's tags when the prompt opened.
  public var paperTags: [String]

  /// The most tag names read for completion: the prompt shows a line of them, and a
  /// library with more still tags and untags any name typed in full.
  public static let completionLimit = 1000

  public init(paperID: String, text: String = "", names: [String], paperTags: [String]) {
    self.paperID = paperID
    self.text = text
    self.names = names
    self.paperTags = paperTags
  }

  /// Whether the text asks to remove the tag (it starts with `-`).
  public var isRemoval: Bool { text.hasPrefix("-") }

  /// The name typed, without the `-`.
  public var typedName: String { isRemoval ? String(text.dropFirst()) : text }

  /// The names the typed name could complete to, ignoring case: the paper's tags when
  /// removing, every tag when adding.
  public var candidates: [String] {
    let prefix = TagName.key(typedName)
    return (isRemoval ? paperTags : names).filter { TagName.key($0).hasPrefix(prefix) }
  }

  /// The text after Tab: the typed name extended to the longest prefix every candidate
  /// shares (the whole name when one is left), in the candidates' spelling.
  public var completed: String {
    let candidates = self.candidates
    guard let first = candidates.first else { return text }
    var common = Array(first)
    for other in candidates.dropFirst() {
      let folded = Array(other)
      var length = 0
      while length < min(common.count, folded.count),
        TagName.key(String(common[length])) == TagName.key(String(folded[length]))
      {
        length += 1
      }
      common = Array(common.prefix(length))
    }
    guard common.count >= typedName.count else { return text }
    return (isRemoval ? "-" : "") + String(common)
  }
}

extension String {
  /// The text without spaces at either end.
  var trimmingSpaces: String {
    guard let first = firstIndex(where: { $0 != " " }),
      let last = lastIndex(where: { $0 != " " })
    else { return "" }
    return String(self[first...last])
  }
}

extension ReaderState {
  /// The tag prompt, while it is open.
  public var tagPrompt: TagPrompt? {
    if case .tagPrompt(let prompt, _) = mode { prompt } else { nil }
  }

  /// Opens the tag prompt for the selected paper over the current screen.
  mutating func openTagPrompt(key: Key) {
    guard let paper = detail else {
      status = nothingHere(key)
      return
    }
    openTagPrompt(for: paper)
  }

  /// Opens the tag prompt for `paper` over the current screen (any ``ReaderScreen``): the
  /// library's tag names are read once, here, for completion.
  public mutating func openTagPrompt(for paper: LibraryPaper) {
    let names = ((try? library.tagNames()) ?? []).prefix(TagPrompt.completionLimit)
    mode = .tagPrompt(
      TagPrompt(paperID: paper.id, names: Array(names), paperTags: paper.state.tags),
      over: mode.screen)
  }

  /// A key typed while the tag prompt is open (`action` is what it means there).
  mutating func handleTagPrompt(_ key: Key, action: Action?) -> [ReaderEffect] {
    guard case .tagPrompt(var prompt, let screen) = mode else { return [] }
    switch action {
    case .cancel?:
      mode = .screen(screen)
      return []
    case .accept?:
      let typed = prompt.typedName.trimmingSpaces
      guard !typed.isEmpty else {
        mode = .screen(screen)
        return []
      }
      guard let name = TagName(typed) else {
        status = StatusMessage(TagName.rule, isError: true)
        return []
      }
      mode = .screen(screen)
      if prompt.isRemoval {
        // The paper's own spelling, so the status line names the tag as it is shown.
        guard let shown = prompt.paperTags.first(where: { TagName.key($0) == name.key }) else {
          status = StatusMessage("this paper has no tag \(name.name)", isError: true)
          return []
        }
        return [.library(.setTagged(id: prompt.paperID, tag: shown, on: false))]
      }
      // An existing tag keeps its first spelling; a new one takes what was typed.
      let shown = prompt.names.first { TagName.key($0) == name.key } ?? name.name
      return [.library(.setTagged(id: prompt.paperID, tag: shown, on: true))]
    case .complete?:
      prompt.text = prompt.completed
    default:
      // One more than a name's length: a removal starts with '-'.
      switch LineEdit.apply(action, key: key, to: &prompt.text, limit: TagName.maximumLength + 1)
      {
      case .edited: break
      case .backspaceOnEmpty:
        mode = .screen(screen)
        return []
      case .notAnEdit: return []
      }
    }
    mode = .tagPrompt(prompt, over: screen)
    return []
  }
}
