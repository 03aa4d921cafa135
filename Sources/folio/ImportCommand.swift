import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio import FILE...`: adds papers from listing files to the library.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import papers from files (format detected from content).",
    discussion: """
      Formats: text (title and abstract lines), hf (Hugging Face daily papers JSON), arxiv-atom, \
      arxiv-rss, jsonl (the arXiv metadata snapshot); detected from the content. Each file is \
      imported in one transaction: all of its papers or, on any error, none. \
      Papers already in the library are merged, keeping their read/starred state and note. \
      '-' reads standard input.
      """,
    version: Folio.version)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("Files to import.", valueName: "file"), completion: .file())
  var files: [String]

  @Option(
    help:
      "The file format, instead of detecting it (\(ImportFormat.allValueStrings.joined(separator: "|")))."
  )
  var format: ImportFormat?

  @Option(
    help: ArgumentHelp(
      "The listing day, instead of the one the source gives: YYYY-MM-DD, today or yesterday (text files: default today).",
      valueName: "day"),
    completion: Completions.days, transform: Day.fromArgument)
  var day: Day?

  @Flag(help: "Skip (and count) JSON Lines that cannot be read, instead of stopping.")
  var skipBad = false

  func run() throws {
    let store = try library.open()
    if store.isReadOnly { throw StoreError.readOnly(path: store.path) }
    var total = ImportSummary()
    var failureCode: Int32? = nil
    for file in files {
      do {
        let summary = try importFile(file, into: store)
        total = total + summary
        if files.count > 1 { print("\(file): \(summary)") }
      } catch let error as ImportError {
        Folio.report(error.description)
        failureCode = SysExit.dataError
      } catch let error as CLIError {
        Folio.report(error.message)
        failureCode = error.exitCode
      }
    }
    // One file that failed imported nothing: a summary line would only be noise.
    if files.count > 1 || failureCode == nil { print(total) }
    if let failureCode { throw ExitCode(failureCode) }
  }

  private func importFile(_ file: String, into store: LibraryStore) throws -> ImportSummary {
    let data = try Self.readInput(file)
    let format = try self.format ?? FormatDetector.detect(data, file: file)
    let context = ImportContext(
      file: file, day: day ?? Day.today(), source: format.sourceName, dayIsExplicit: day != nil,
      skipBad: skipBad)
    if self.format != nil { try FormatDetector.rejectBinary(data, file: file) }
    var progress = ProgressLine(total: data.count)
    defer { progress.finish() }
    let report: (ImportProgress) -> Void = { progress.update($0) }
    return try store.importPapers(
      file: file, format: format.rawValue, source: context.source, progress: report
    ) { session in
      try format.importer.read(data, context: context, into: &session)
    }
  }

  /// The bytes of `file` (memory-mapped, so large files cost no resident memory), or stdin
  /// for `-`. A FIFO or pipe (`<(command)`) is read to its end; a device, socket or directory
  /// is refused (a device such as /dev/zero would never end), and nothing can block on open.
  /// Standard input and FIFOs are copied to a temporary file a piece at a time and mapped
  /// (``SpooledInput``), so they too are read in bounded memory.
  static func readInput(_ file: String) throws -> Data {
    if file == "-" {
      // A pipe, a file, a socket or the terminal (text pasted in); not /dev/zero.
      var info = stat()
      if fstat(STDIN_FILENO, &info) == 0, isatty(STDIN_FILENO) == 0,
        let kind = InputKind(info.st_mode), kind != .socket
      {
        throw CLIError(
          "standard input is \(kind), not a file or a pipe", exitCode: SysExit.noInput)
      }
      return try SpooledInput.read(STDIN_FILENO, name: "standard input")
    }
    var info = stat()
    guard stat(file, &info) == 0 else {
      let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
      throw CLIError("\(file): \(reason)", exitCode: SysExit.noInput)
    }
    if info.st_mode & S_IFMT == S_IFIFO {
      // Opened without blocking (a FIFO nobody writes to reads as empty), then read blocking.
      let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw CLIError("\(file): \(String(cString: strerror(errno)))", exitCode: SysExit.noInput)
      }
      defer { close(descriptor) }
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
      return try SpooledInput.read(descriptor, name: file)
    }
    if let kind = InputKind(info.st_mode) {
      throw CLIError("\(file): is \(kind), not a file", exitCode: SysExit.noInput)
    }
    do {
      return try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
    } catch {
      let readable = access(file, R_OK) == 0
      throw CLIError(
        "\(file): cannot read it\(readable ? "" : " (permission denied)")",
        exitCode: SysExit.noInput)
    }
  }
}

/// What an input that is not a regular file is, for messages; nil for a regular file or a
/// pipe.
enum InputKind: Equatable, CustomStringConvertible {
  case directory, characterDevice, blockDevice, socket, other

  init?(_ mode: mode_t) {
    switch mode & S_IFMT {
    case S_IFREG, S_IFIFO: return nil
    case S_IFDIR: self = .directory
    case S_IFCHR: self = .characterDevice
    case S_IFBLK: self = .blockDevice
    case S_IFSOCK: self = .socket
    default: self = .other
    }
  }

  var description: String {
    switch self {
    case .directory: "a directory"
    case .characterDevice: "a device (it would never end)"
    case .blockDevice: "a block device"
    case .socket: "a socket"
    case .other: "a special file"
    }
  }
}
