import ArgumentParser
import FolioStore

/// The arguments of `star`, `unstar`, `read` and `unread`.
struct MarkArguments: ParsableArguments {
  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("Paper ids (or any spelling of their arXiv ids).", valueName: "id"))
  var ids: [String]
}

struct StarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "star", abstract: "Star papers (all or none: an unknown id changes nothing).",
    version: Folio.version)
  @OptionGroup var arguments: MarkArguments
  func run() throws { try arguments.library.open().setStarred(true, ids: arguments.ids) }
}

struct UnstarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unstar", abstract: "Remove the star from papers.", version: Folio.version)
  @OptionGroup var arguments: MarkArguments
  func run() throws { try arguments.library.open().setStarred(false, ids: arguments.ids) }
}

struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Mark papers read.", version: Folio.version)
  @OptionGroup var arguments: MarkArguments
  func run() throws { try arguments.library.open().setRead(true, ids: arguments.ids) }
}

struct UnreadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unread", abstract: "Mark papers unread.", version: Folio.version)
  @OptionGroup var arguments: MarkArguments
  func run() throws { try arguments.library.open().setRead(false, ids: arguments.ids) }
}

// MARK: - Dismiss (triage)

struct DismissCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dismiss",
    abstract: "Dismiss papers: not interested; left out of lists unless asked (is:dismissed).",
    version: Folio.version)
  @OptionGroup var arguments: MarkArguments
  func run() throws { try arguments.library.open().setDismissed(true, ids: arguments.ids) }
}

struct UndismissCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undismiss", abstract: "Bring dismissed papers back.", version: Folio.version)
  @OptionGroup var arguments: MarkArguments
  func run() throws { try arguments.library.open().setDismissed(false, ids: arguments.ids) }
}
