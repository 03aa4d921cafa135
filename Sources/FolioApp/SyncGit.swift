import FolioCore
import Foundation

/// The git side of sync (issue 21): when the sync folder is a git work tree with a remote,
/// this device's log is committed, the other devices' logs are pulled (rebasing this device's
/// commits, which only ever touch its own file, so they never conflict), and the result is
/// pushed; a push another device beat is pulled and tried again, a few times.
///
/// git runs as a program from an argument vector, never through a shell, with prompts for
/// credentials off; its failures become one-line messages: exit 69 when the remote cannot be
/// reached (nothing is lost: the changes are committed locally and go with the next sync),
/// 74 for a local git failure.
struct SyncGit {
  /// The work tree.
  let directory: String
  /// The remote pulled from and pushed to: the first `git remote` names.
  let remote: String
  /// The branch checked out.
  let branch: String
  /// The git program.
  let program: String
  /// See ``SyncFolder/batchMode``.
  var batchMode = false
  /// The git directory (`.git`, or where a `.git` file points).
  var gitDirectory = ""
  /// `-c user.name=… -c user.email=…` when git has no identity configured: commits and
  /// rebases need one, and a fresh machine often has none.
  var identity: [String] = []
  /// Folio's lock on the work tree, when ``open(_:batchMode:locking:)`` took it.
  var lock: WorkTreeLock?

  /// How many times a rejected push is pulled and tried again.
  static let pushAttempts = 5
  /// The most output read from one git command, per stream.
  static let outputLimit = 1 << 20

  /// The work tree's git, or nil when `directory` is not the top of a git work tree with a
  /// remote (then it is a plain folder). With `locking`, takes ``WorkTreeLock`` (release it
  /// with ``unlock()``) and first undoes what a killed sync left (``recover()``).
  static func open(_ directory: String, batchMode: Bool = false, locking: Bool = false) throws
    -> SyncGit?
  {
    guard FileManager.default.fileExists(atPath: directory + "/.git"),
      let program = Self.findProgram()
    else { return nil }
    var git = SyncGit(
      directory: directory, remote: "", branch: "", program: program, batchMode: batchMode)
    let remotes = try git.run(["remote"])
    guard remotes.status == 0,
      let remote = remotes.output.split(separator: "\n").first.map(String.init)
    else { return nil }
    let gitDirectory = try git.run(["rev-parse", "--absolute-git-dir"])
    try git.check(gitDirectory, "git rev-parse")
    git.gitDirectory = gitDirectory.output.trimmingCharacters(in: .whitespacesAndNewlines)
    if locking {
      git.lock = try WorkTreeLock(gitDirectory: git.gitDirectory, workTree: directory)
      try git.recover()
    }
    let head = try git.run(["symbolic-ref", "--quiet", "--short", "HEAD"])
    guard head.status == 0, !head.output.isEmpty else {
      throw SyncFolderError(
        "the sync folder \(directory) is a git work tree not on a branch",
        exitCode: SysExit.ioError)
    }
    for key in ["user.name", "user.email"] where try git.run(["config", key]).status != 0 {
      git.identity += ["-c", key == "user.name" ? "user.name=Folio" : "user.email=folio@localhost"]
    }
    return SyncGit(
      directory: directory, remote: remote,
      branch: head.output.trimmingCharacters(in: .whitespacesAndNewlines), program: program,
      batchMode: batchMode, gitDirectory: git.gitDirectory, identity: git.identity, lock: git.lock)
  }

  /// For a dry run: fetches the remote (which moves only its remote-tracking branch) and
  /// writes the files of its branch into `folder`, through an index of its own in `scratch`,
  /// so the work tree, its index and this branch stay as they are. False when the remote has
  /// no branch yet (then the work tree's files are all there is).
  func checkOutUpstream(into folder: String, scratch: String) throws -> Bool {
    let fetch = try run(["fetch", "--quiet", remote])
    guard fetch.status == 0 else { throw unreachable(fetch) }
    let upstream = "refs/remotes/\(remote)/\(branch)"
    guard try run(["rev-parse", "--verify", "--quiet", upstream]).status == 0 else { return false }
    let index = ["GIT_INDEX_FILE": scratch + "/index"]
    try check(run(["read-tree", upstream], environment: index), "git read-tree")
    try check(
      run(["checkout-index", "--all", "--prefix=" + folder + "/"], environment: index),
      "git checkout-index")
    return true
  }

  /// Releases ``lock``.
  func unlock() { lock?.release() }

  /// Commits this device's logs (every generation: a compaction adds one and removes the
  /// old) when they changed; leaves everything else alone.
  func commit(device: String) throws {
    let files = ":(glob)\(device)*.jsonl"
    try check(run(["add", "-A", "--", files]), "git add")
    let staged = try run(["diff", "--cached", "--quiet", "--", files])
    guard staged.status == 1 else { return }
    try check(
      run(["commit", "--quiet", "-m", "folio sync: \(device)", "--", files]),
      "git commit")
  }

  /// Fetches the remote and puts this device's commits on top of its branch.
  func pull() throws {
    let fetch = try run(["fetch", "--quiet", remote])
    guard fetch.status == 0 else { throw unreachable(fetch) }
    let upstream = "refs/remotes/\(remote)/\(branch)"
    // An empty remote (its first sync) has nothing to pull.
    guard try run(["rev-parse", "--verify", "--quiet", upstream]).status == 0 else { return }
    if try run(["rev-parse", "--verify", "--quiet", "HEAD"]).status != 0 {
      // Nothing committed here yet: take the remote's branch as it is.
      try check(run(["merge", "--ff-only", "--quiet", upstream]), "git merge")
      return
    }
    let rebase = try run(["rebase", "--quiet", upstream])
    if rebase.status != 0 {
      _ = try? run(["rebase", "--abort"])
      try check(rebase, "git rebase")
    }
  }

  /// Pushes this device's commits; a push rejected because another device pushed first is
  /// pulled and tried again, up to ``pushAttempts`` times.
  func push() throws {
    for attempt in 1...Self.pushAttempts {
      guard try run(["rev-parse", "--verify", "--quiet", "HEAD"]).status == 0 else { return }
      let upstream = "refs/remotes/\(remote)/\(branch)"
      if try run(["rev-parse", "--verify", "--quiet", upstream]).status == 0,
        try run(["rev-list", "--count", "\(upstream)..HEAD"]).output
          .trimmingCharacters(in: .whitespacesAndNewlines) == "0"
      {
        return
      }
      let push = try run(["push", "--quiet", remote, "HEAD:refs/heads/\(branch)"])
      if push.status == 0 {
        // The remote-tracking branch now points at what was pushed.
        _ = try? run(["fetch", "--quiet", remote])
        return
      }
      let rejected = ["[rejected]", "non-fast-forward", "fetch first", "[remote rejected]"]
        .contains { push.errors.contains($0) }
      guard rejected, attempt < Self.pushAttempts else {
        throw rejected
          ? SyncFolderError(
            "git push to \(remote) was rejected \(Self.pushAttempts) times; try again",
            exitCode: SysExit.unavailable)
          : unreachable(push)
      }
      try pull()
    }
  }

  // MARK: Running git

  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `git -C directory arguments...` and waits for it.
  func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["-C", directory] + identity + arguments
    var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    environment["GIT_TERMINAL_PROMPT"] = "0"
    if batchMode, environment["GIT_SSH_COMMAND"] == nil, environment["GIT_SSH"] == nil {
      environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
    }
    environment["LC_ALL"] = "C"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw SyncFolderError("cannot run \(program): \(error)", exitCode: SysExit.unavailable)
    }
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      errorData = Self.read(errors.fileHandleForReading)
    }
    let outputData = Self.read(output.fileHandleForReading)
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }

  /// Everything `handle` gives, keeping at most ``outputLimit`` bytes (the rest is drained,
  /// so git never blocks on a full pipe).
  private static func read(_ handle: FileHandle) -> Data {
    var kept = Data()
    while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
      if kept.count < outputLimit { kept.append(chunk.prefix(outputLimit - kept.count)) }
    }
    return kept
  }

  /// `git` on PATH.
  private static func findProgram() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where directory.hasPrefix("/") {
      let candidate = String(directory) + "/git"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  func check(_ result: Result, _ what: String) throws {
    guard result.status != 0 else { return }
    throw SyncFolderError(
      "\(what) failed in \(directory): \(Self.firstLine(result.errors))", exitCode: SysExit.ioError)
  }

  private func unreachable(_ result: Result) -> SyncFolderError {
    SyncFolderError(
      "cannot reach the git remote \(remote): \(Self.firstLine(result.errors)); "
        + "the changes are kept and go with the next sync",
      exitCode: SysExit.unavailable)
  }

  /// The first non-empty line of git's message, without git's `fatal: ` prefix.
  static func firstLine(_ text: String) -> String {
    let lines: [String] = text.split(separator: "\n").map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    let line = lines.first { !$0.isEmpty } ?? "no message"
    return TextCleaner.clean(
      line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line)
  }
}
