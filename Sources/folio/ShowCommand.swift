import ArgumentParser
import FolioCore
import FolioStore
import FolioTerminal
import Foundation

/// `folio show ID`: every field of one paper.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one paper: all fields, the abstract wrapped.",
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Argument(
    help: ArgumentHelp("The paper's id (or any spelling of its arXiv id).", valueName: "id"))
  var id: String

  func run() throws {
    let store = try library.open()
    guard let paper = try store.paper(id: id) else { throw StoreError.unknownPaper(id: id) }
    let width = min(TerminalSize.outputWidth(fallback: 80), 100)
    print(PaperSheet.render(paper, width: width), terminator: "")
  }
}

/// The text `folio show` prints for a paper.
enum PaperSheet {
  static func render(_ entry: LibraryPaper, width: Int) -> String {
    let paper = entry.paper
    let labelWidth = 11
    let valueWidth = max(20, width - labelWidth)
    var lines = TextWrapper.wrap(paper.title, width: width)
    lines.append("")
    func field(_ label: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      let wrapped = TextWrapper.wrap(value, width: valueWidth)
      for (index, line) in wrapped.enumerated() {
        let prefix = index == 0 ? label : ""
        lines.append(prefix.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + line)
      }
    }
    field("ID", paper.id)
    field("arXiv", paper.arxivID)
    field("Authors", paper.authors.joined(separator: ", "))
    field("Day", paper.day.description)
    field("Published", paper.published?.description)
    field("Source", paper.source)
    field("Upvotes", paper.upvotes.map(String.init))
    field("Categories", paper.categories.joined(separator: ", "))
    for (index, link) in paper.links.labelled.enumerated() {
      let stars = link.label == "code" ? paper.huggingFace.githubStars.map { " ★ \($0)" } : nil
      field(
        index == 0 ? "Links" : "",
        "\(link.label.padding(toLength: 8, withPad: " ", startingAt: 0))\(link.url)\(stars ?? "")")
    }
    // --- hf (issue 18) ---
    let details = paper.huggingFace
    field("Keywords", paper.keywords.joined(separator: ", "))
    field(
      "Org",
      details.organization.map { organization in
        organization.fullName.flatMap {
          $0 == organization.name ? nil : "\($0) (\(organization.name))"
        }
          ?? organization.name
      })
    field("Submitter", details.submittedBy)
    field("Withdrawn", details.isWithdrawn ? "yes (Hugging Face marks it withdrawn)" : nil)
    field("HF summary", details.summary.map { "Hugging Face AI: \($0)" })
    // --- end hf ---
    // Semantic Scholar (issue 20): nothing until `folio enrich` asked.
    if let facts = entry.scholar {
      let asked = "Semantic Scholar, asked \(Self.timestamp(facts.checkedAt))"
      if let citations = facts.citations {
        let influential = facts.influentialCitations.map {
          " · \(NumberText.grouped($0)) influential"
        }
        field("Cited by", "\(NumberText.grouped(citations))\(influential ?? "") (\(asked))")
      } else {
        field("Cited by", "not known to Semantic Scholar (\(asked))")
      }
      field("TL;DR", facts.tldr.map { "Semantic Scholar: \($0)" })
    }
    var state: [String] = []
    if let starred = entry.state.starredAt { state.append("starred \(Self.timestamp(starred))") }
    state.append(entry.state.readAt.map { "read \(Self.timestamp($0))" } ?? "unread")
    field("State", state.joined(separator: ", "))
    if let note = entry.state.note {
      for (index, line) in note.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        field(index == 0 ? "Note" : "", String(line).isEmpty ? " " : String(line))
      }
    }
    if !paper.abstract.isEmpty {
      lines.append("")
      lines += TextWrapper.wrap(paper.abstract, width: width)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func timestamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }
}
