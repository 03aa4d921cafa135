import ArgumentParser
import FolioApp
import FolioConfig
import FolioCore
import FolioQuery
import FolioStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `folio zotero ID... [--starred] [--filter QUERY] [--tag NAME]`: papers to the Zotero desktop
/// app through its connector server (issue 20).
struct ZoteroCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zotero",
    abstract: "Send papers to the Zotero desktop app (through its connector server).",
    discussion: """
      Sends the papers named, and also the papers --starred, --filter, --topic and --tag \
      select (a paper must pass every one given), each once, at most 1,000 a run. Each is one Zotero item: a \
      preprint with its authors, abstract, date, link, arXiv's DOI, your tags and note, and \
      the PDF for Zotero to download. The connector is at http://127.0.0.1:23119 unless \
      config.toml zotero_url or $FOLIO_ZOTERO_URL says otherwise. Exit 69 when Zotero is not \
      running; 65 when it refused a paper (each is listed with its id and the reason). A save \
      is never sent twice. Details: docs/export.md.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Flag(help: "Send the starred papers (with --filter/--tag: only the starred ones).")
  var starred = false

  @OptionGroup var query: QueryOptions

  @Option(help: ArgumentHelp("Only papers with this tag.", valueName: "name"))
  var tag: String?

  @Argument(help: ArgumentHelp("Paper ids (or any spelling of their arXiv ids).", valueName: "id"))
  var ids: [String] = []

  var selects: Bool { starred || query.filter != nil || query.topic != nil || tag != nil }

  func validate() throws {
    guard !ids.isEmpty || selects else {
      throw ValidationError("name the papers to send: ids, --starred, --filter or --tag")
    }
  }

  func run() throws {
    let store = try library.open()
    let entries = try papers(store)
    guard !entries.isEmpty else {
      Output.standardError("no papers to send\n")
      return
    }
    let (config, warnings) = Config.loading()
    for warning in warnings { Output.warning("\(warning)") }
    let sender = ZoteroSender(config: config, version: Folio.version)
    var line = SendProgress()
    let report: ZoteroReport
    do {
      report = try sender.send(entries) { done, total in line.update(done, total) }
    } catch {
      line.finish()
      throw CLIError(error.message, exitCode: error.exitCode)
    }
    line.finish()
    for refusal in report.refused {
      Output.standardError("folio: refused: \(refusal.id): \(Output.oneLine(refusal.reason))\n")
    }
    let count = entries.count
    let papers = "paper\(count == 1 ? "" : "s")"
    guard !report.refused.isEmpty else {
      Output.standardError("sent \(count) \(papers) to Zotero\n")
      return
    }
    throw CLIError(
      "Zotero refused \(report.refused.count) of \(count) \(papers) (\(report.sent.count) sent)",
      exitCode: report.connectorLost ? SysExit.unavailable : SysExit.dataError)
  }

  /// The papers named (in order), then those the options select, each once; an unknown id or
  /// a selection over ``ZoteroSender/maxPapers`` is an error before anything is sent.
  func papers(_ store: LibraryStore) throws -> [LibraryPaper] {
    var seen: Set<String> = []
    var out: [LibraryPaper] = []
    for id in ids {
      guard let entry = try store.paper(id: id) else { throw StoreError.unknownPaper(id: id) }
      if seen.insert(entry.paper.id).inserted { out.append(entry) }
    }
    guard selects else { return out }
    var conditions: [QueryNode] = []
    if let tag {
      guard let name = TagName(tag) else {
        throw CLIError("bad tag name '\(tag)': \(TagName.rule)", exitCode: SysExit.usage)
      }
      conditions.append(.tag(name.key))
    }
    var filter = try query.filter(topics: UserTopics.load(), and: conditions)
    if starred { filter.state = .starred }
    let total = try store.count(filter)
    guard out.count + total <= ZoteroSender.maxPapers else {
      throw CLIError(
        "\(NumberText.grouped(out.count + total)) papers selected; folio zotero sends at most "
          + "\(NumberText.grouped(ZoteroSender.maxPapers)) at a time (narrow the selection)",
        exitCode: SysExit.usage)
    }
    for entry in try store.papers(filter) where seen.insert(entry.paper.id).inserted {
      out.append(entry)
    }
    return out
  }
}

/// "sending to Zotero: 3 of 40" on stderr, on a terminal, once the send has taken a second.
struct SendProgress {
  private let started = Date()
  private var drawn = false
  private let enabled = isatty(STDERR_FILENO) == 1

  mutating func update(_ done: Int, _ total: Int) {
    guard enabled, done < total, Date().timeIntervalSince(started) >= 1 else { return }
    drawn = true
    // Folio's own sequence and two numbers: nothing untrusted, so written as it is.
    FileHandle.standardError.write(
      Data(
        "\r\u{1B}[Ksending to Zotero: \(NumberText.grouped(done)) of \(NumberText.grouped(total))"
          .utf8))
  }

  mutating func finish() {
    guard drawn else { return }
    drawn = false
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
