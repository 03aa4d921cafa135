/// Where the user is when a key is pressed. Each context has its own keys: the same key may
/// mean different things in two contexts (`Enter` opens a paper in the list and applies the
/// query in the search line), never two things in one.
public enum ActionContext: String, CaseIterable, Hashable, Sendable {
  case list
  /// The detail pane, focused with Tab.
  case detail
  /// The full-screen reading view.
  case reading
  /// The `?` overlay.
  case help
  /// Typing a filter into the help after `/`.
  case helpFilter = "help-filter"
  /// The `/` search line.
  case searchLine = "search-line"
  case topicPicker = "topic-picker"
  /// The first question of `E`: which format.
  case exportFormat = "export-format"
  /// The second question of `E`: which file.
  case exportPath = "export-path"
  /// A yes/no question (mark all read).
  case confirmation
  /// The command palette.
  case palette
  /// The `l` tag prompt.
  case tagPrompt = "tag-prompt"
  /// The name asked for when saving the search as a topic.
  case topicName = "topic-name"
  /// Triage's card (`i`).
  case triage

  /// Where the user types text: printable characters (Space included) are text here, so a
  /// binding of one is left out of the context's keys.
  public var isTextEntry: Bool {
    switch self {
    case .helpFilter, .searchLine, .exportPath, .palette, .tagPrompt, .topicName: true
    default: false
    }
  }

  /// The contexts where the paper commands apply.
  public static let browsing: [ActionContext] = [.list, .detail, .reading]

  /// How the help's title names the context.
  public var title: String {
    switch self {
    case .list: "the list"
    case .detail: "the detail pane"
    case .reading: "the reading view"
    case .help, .helpFilter: "the help"
    case .searchLine: "the search line"
    case .topicPicker: "the topic picker"
    case .exportFormat, .exportPath: "the export prompt"
    case .confirmation: "a question"
    case .palette: "the palette"
    case .tagPrompt: "the tag prompt"
    case .topicName: "the topic name prompt"
    case .triage: "triage"
    }
  }
}
