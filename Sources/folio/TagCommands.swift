import ArgumentParser
import FolioCore
import FolioStore
import FolioTerminal

// `folio tag`, `folio untag` and `folio tags` (issue 18): the user's own piles of papers.

/// The arguments of `tag` and `untag`: a tag name, then paper ids.
struct TagArguments: ParsableArguments {
  @OptionGroup var library: LibraryOptions

  @Argument(
    help: ArgumentHelp(
      "The tag: letters, digits, '-', '_', '/', '.' (case does not matter).", valueName: "name"))
  var name: String

  @Argument(help: ArgumentHelp("Paper ids (or any spelling of their arXiv ids).", valueName: "id"))
  var ids: [String]

  /// The tag name, or a usage error (exit 64) naming the bad name, inert.
  func tagName() throws -> TagName {
    guard let tag = TagName(name) else {
      throw CLIError("bad tag name '\(name)': \(TagName.rule)", exitCode: SysExit.usage)
    }
    return tag
  }

  /// Adds or removes the tag, all ids or none.
  func apply(_ on: Bool) throws {
    let tag = try tagName()
    try library.open().setTagged(on, name: tag, ids: ids)
  }
}

struct TagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tag",
    abstract: "Tag papers (all or none: an unknown id changes nothing).",
    discussion: """
      A tag keeps the spelling it was first written with; any spelling finds it (tag:NAME). \
      See `folio tags`.
      """,
    version: Folio.version)
  @OptionGroup var arguments: TagArguments
  func run() throws { try arguments.apply(true) }
}

struct UntagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "untag", abstract: "Remove a tag from papers (all or none).",
    version: Folio.version)
  @OptionGroup var arguments: TagArguments
  func run() throws { try arguments.apply(false) }
}

/// `folio tags`: every tag with its paper and unread counts.
struct TagsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tags",
    abstract: "List the tags with their paper and unread counts.",
    discussion: "TSV: name, papers, unread, one tag a line, no header.",
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Option(help: "Output format.")
  var format: ListFormat = .table

  func run() throws {
    let tags = try library.open().tagCounts()
    print(Self.render(tags, format: format), terminator: "")
  }

  /// `tags` in `format`; names are inert already (the store cleans what it reads).
  static func render(_ tags: [TagCount], format: ListFormat) -> String {
    switch format {
    case .table:
      let width = max(3, tags.map { DisplayWidth.of($0.name) }.max() ?? 3)
      var out = PaperTable.pad("TAG", width) + "  PAPERS  UNREAD\n"
      for tag in tags {
        out +=
          PaperTable.pad(tag.name, width) + "  " + TopicsCommand.right(tag.papers, 6) + "  "
          + TopicsCommand.right(tag.unread, 6) + "\n"
      }
      return out
    case .tsv:
      return tags.map { "\($0.name)\t\($0.papers)\t\($0.unread)\n" }.joined()
    case .json:
      let values = tags.map { tag in
        JSONValue.object([
          ("name", .string(tag.name)), ("papers", .int(tag.papers)), ("unread", .int(tag.unread)),
        ])
      }
      return JSONValue.array(values).rendered() + "\n"
    }
  }
}
